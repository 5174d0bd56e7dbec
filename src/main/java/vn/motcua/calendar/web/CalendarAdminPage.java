package vn.motcua.calendar.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.AffectedDeadline;
import vn.motcua.calendar.CalendarDay;
import vn.motcua.calendar.DayKind;
import vn.motcua.calendar.Holiday;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.internal.AuditEntry;
import vn.motcua.calendar.internal.Schedule;
import vn.motcua.calendar.internal.ScheduleAdmin;
import vn.motcua.calendar.internal.ScheduleDayKind;
import vn.motcua.platform.Actor;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;

/**
 * The administrator's calendar page {@code /quan-tri/lich?year=2026}: the year's days off and swapped working
 * days month by month with their names and sources, the configured schedules, a form to add or replace one
 * (e.g. Tết 2027), and the audit log. After a save it shows the audit entry and the deadlines already given
 * over the changed days. Server-rendered, works without JavaScript.
 */
@Controller
@RequestMapping("/quan-tri/lich")
class CalendarAdminPage {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final ScheduleAdmin admin;
    private final WorkingCalendar calendar;
    private final MessageSource messages;
    private final JsonMapper json;

    CalendarAdminPage(ScheduleAdmin admin, WorkingCalendar calendar, MessageSource messages, JsonMapper json) {
        this.admin = admin;
        this.calendar = calendar;
        this.messages = messages;
        this.json = json;
    }

    /** The form to add or replace a schedule; dates are lists separated by commas, spaces or new lines. */
    record ScheduleForm(String holiday, String name, String nameEn, String source, String confidence, String note,
                        String daysOff, String compensatoryDays, String swappedWorkdays, String version) {

        /** A new schedule: version 0, "no schedule read" (issue 11). */
        static ScheduleForm empty() {
            return new ScheduleForm(Holiday.TET.name(), "", "", "", "confirmed", "", "", "", "", "0");
        }

        static ScheduleForm of(Schedule s) {
            return new ScheduleForm(s.holiday().name(), s.name(), s.nameEn(), s.source(), s.confidence(), s.note(),
                    dates(s, ScheduleDayKind.DAY_OFF), dates(s, ScheduleDayKind.COMPENSATORY),
                    dates(s, ScheduleDayKind.SWAPPED_WORKDAY), String.valueOf(s.version()));
        }

        /** The administrator's input kept, with the version now stored: sending it again replaces the winner's. */
        ScheduleForm withVersion(long current) {
            return new ScheduleForm(holiday, name, nameEn, source, confidence, note, daysOff, compensatoryDays,
                    swappedWorkdays, String.valueOf(current));
        }

        private static String dates(Schedule s, ScheduleDayKind kind) {
            return s.days(kind).stream().map(d -> DATE.format(d.date())).collect(Collectors.joining("\n"));
        }
    }

    /** One cell of a month grid. */
    record Cell(Integer day, String css, String label, boolean today) {
    }

    /** A month: its weeks (Monday first) of cells. */
    record Month(String name, List<List<Cell>> weeks) {
    }

    /** A row of the list of special days. */
    record Row(String date, String weekday, String kind, String css, String name, String source) {
    }

    /** A changed day of an audit entry. */
    record Change(String date, String before, String after) {
    }

    /** An audit entry as shown. */
    record AuditView(long id, String at, String actor, String action, String holiday, String range,
                     List<Change> changes) {
    }

    @GetMapping
    String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long audit,
                @RequestParam(required = false) String edit, Actor actor, Model model, Locale locale) {
        int y = year == null ? LocalDate.now(calendar.zone()).getYear() : year;
        ScheduleForm form = ScheduleForm.empty();
        if (edit != null && !edit.isBlank()) {
            form = ScheduleForm.of(admin.get(y, CalendarParams.holiday(edit)));
        }
        return render(y, form, Map.of(), audit, model, locale);
    }

    /** The version stored now for a holiday of a year (0: none). */
    private long currentVersion(int year, Holiday holiday) {
        return admin.ofYear(year).stream().filter(s -> s.holiday() == holiday).mapToLong(Schedule::version)
                .findFirst().orElse(0);
    }

    /**
     * A stale write (409, issue 11): the page says so with the server's message naming the version, shows the
     * schedules as they are now, and keeps what the administrator typed.
     */
    private void conflict(ProblemException e, Model model, Locale locale) {
        Map<String, String> messagesByField = new LinkedHashMap<>();
        collect(e, messagesByField, locale);
        model.addAttribute("conflict", messagesByField.getOrDefault("version",
                msg(locale, e.detailKey(), e.args())));
    }

    @PostMapping
    String save(@RequestParam int year, ScheduleForm form, Actor actor, Model model, Locale locale,
                jakarta.servlet.http.HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        Holiday holiday = null;
        try {
            holiday = CalendarParams.holiday(form.holiday());
        } catch (ProblemException e) {
            collect(e, errors, locale);
        }
        if (holiday != null) {
            try {
                ScheduleAdmin.Result r = admin.save(year, holiday, input(form), actor, ScheduleAdmin.Mode.REPLACE,
                        CalendarAdminApi.version(form.version()));
                return "redirect:/quan-tri/lich?year=" + year + "&audit=" + r.audit().id();
            } catch (ProblemException e) {
                if (e.status().value() == 409) {
                    conflict(e, model, locale);
                    response.setStatus(409);
                    return render(year, form.withVersion(currentVersion(year, holiday)), errors, null, model, locale);
                }
                if (e.status().value() != 400) {
                    throw e;
                }
                collect(e, errors, locale);
            }
        }
        return render(year, form, errors, null, model, locale);
    }

    @PostMapping("/xoa")
    String delete(@RequestParam int year, @RequestParam String holiday, @RequestParam(required = false) String version,
                  Actor actor, Model model, Locale locale, jakarta.servlet.http.HttpServletResponse response) {
        try {
            ScheduleAdmin.Result r = admin.delete(year, CalendarParams.holiday(holiday), actor,
                    CalendarAdminApi.version(version));
            return "redirect:/quan-tri/lich?year=" + year + "&audit=" + r.audit().id();
        } catch (ProblemException e) {
            if (e.status().value() != 409 && e.status().value() != 400) {
                throw e;
            }
            response.setStatus(e.status().value());
            conflict(e, model, locale);
            return render(year, ScheduleForm.empty(), Map.of(), null, model, locale);
        }
    }

    private static ScheduleAdmin.ScheduleInput input(ScheduleForm form) {
        List<ScheduleAdmin.DayInput> days = new ArrayList<>();
        split(days, "daysOff", form.daysOff(), "DAY_OFF");
        split(days, "compensatoryDays", form.compensatoryDays(), "COMPENSATORY");
        split(days, "swappedWorkdays", form.swappedWorkdays(), "SWAPPED_WORKDAY");
        return new ScheduleAdmin.ScheduleInput(form.name(), form.nameEn(), form.source(), form.confidence(),
                form.note(), days);
    }

    private static void split(List<ScheduleAdmin.DayInput> days, String field, String text, String kind) {
        if (text == null || text.isBlank()) {
            return;
        }
        String[] parts = text.trim().split("[\\s,;]+");
        for (int i = 0; i < parts.length; i++) {
            days.add(new ScheduleAdmin.DayInput(field + "[" + i + "]", false, parts[i], kind, null));
        }
    }

    /** Field problems by form field (a problem of {@code daysOff[2]} belongs to {@code daysOff}). */
    private void collect(ProblemException e, Map<String, String> errors, Locale locale) {
        for (FieldProblem p : e.errors()) {
            String field = p.field() == null ? "" : p.field().replaceAll("\\[.*$", "");
            if (field.equals("days")) {
                field = "daysOff";
            }
            String text = p.message() != null ? p.message()
                    : messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale);
            errors.merge(field, text, (a, b) -> a + " " + b);
        }
    }

    private String render(int year, ScheduleForm form, Map<String, String> errors, Long auditId, Model model,
                          Locale locale) {
        if (year < 1900 || year > 2190) {
            throw ProblemException.invalid("year", "error.calendar.year.range", "1900", "2190");
        }
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        List<CalendarDay> days = calendar.days(first, last, locale);
        Map<LocalDate, CalendarDay> byDate = new LinkedHashMap<>();
        days.forEach(d -> byDate.put(d.date(), d));
        model.addAttribute("year", year);
        model.addAttribute("yearText", String.valueOf(year));
        model.addAttribute("months", months(year, byDate, locale));
        model.addAttribute("rows", days.stream().filter(d -> d.kind() != DayKind.WEEKEND)
                .map(d -> row(d, locale)).toList());
        model.addAttribute("weekdayHeads", weekdayHeads(locale));
        model.addAttribute("schedules", admin.ofYear(year));
        model.addAttribute("holidays", Holiday.values());
        model.addAttribute("confidences", List.of("confirmed", "high", "medium", "unconfirmed"));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("audits", admin.audits(year, 50).stream().map(a -> audit(a, locale)).toList());
        long workingDays = first.datesUntil(last.plusDays(1)).filter(calendar::isWorkingDay).count();
        model.addAttribute("workingDays", workingDays);
        if (auditId != null) {
            admin.audit(auditId).ifPresent(a -> {
                model.addAttribute("saved", audit(a, locale));
                List<AffectedDeadline> affected = a.changedFrom() == null ? List.of()
                        : admin.affected(a.changedFrom(), a.changedTo());
                model.addAttribute("affected", affected.stream().map(x -> Map.of("reference", x.reference(),
                        "description", x.description() == null ? "" : x.description(),
                        "dueAt", x.dueAt() == null ? "" : calendar.describe(x.dueAt(), locale))).toList());
            });
        }
        return "calendar/admin";
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private List<String> weekdayHeads(Locale locale) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            out.add(msg(locale, "calendar.admin.weekdayShort." + i));
        }
        return out;
    }

    private List<Month> months(int year, Map<LocalDate, CalendarDay> byDate, Locale locale) {
        LocalDate today = LocalDate.now(calendar.zone());
        List<Month> out = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(year, m);
            List<List<Cell>> weeks = new ArrayList<>();
            List<Cell> week = new ArrayList<>();
            for (int i = 1; i < ym.atDay(1).getDayOfWeek().getValue(); i++) {
                week.add(new Cell(null, "", "", false));
            }
            for (int d = 1; d <= ym.lengthOfMonth(); d++) {
                LocalDate date = ym.atDay(d);
                CalendarDay day = byDate.get(date);
                String css = day == null ? "cal-work" : css(day.kind());
                String label = day == null ? "" : msg(locale, "calendar.kind." + day.kind()) + ": " + day.name();
                week.add(new Cell(d, css, label, date.equals(today)));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(new Cell(null, "", "", false));
                }
                weeks.add(week);
            }
            out.add(new Month(msg(locale, "calendar.admin.month", String.valueOf(m), String.valueOf(year)), weeks));
        }
        return out;
    }

    private static String css(DayKind kind) {
        return switch (kind) {
            case WEEKEND -> "cal-weekend";
            case HOLIDAY -> "cal-holiday";
            case COMPENSATORY -> "cal-comp";
            case SWAPPED_WORKDAY -> "cal-swap";
        };
    }

    private Row row(CalendarDay d, Locale locale) {
        return new Row(DATE.format(d.date()), msg(locale, "calendar.weekday." + d.date().getDayOfWeek().getValue()),
                msg(locale, "calendar.kind." + d.kind()), css(d.kind()), d.name(), d.source());
    }

    private AuditView audit(AuditEntry a, Locale locale) {
        List<Change> changes = new ArrayList<>();
        JsonNode diff = json.readTree(a.diff());
        for (JsonNode c : diff.path("changedDays")) {
            LocalDate date = LocalDate.parse(c.path("date").asString());
            changes.add(new Change(DATE.format(date), kindLabel(c.path("before").asString(), locale),
                    kindLabel(c.path("after").asString(), locale)));
        }
        String range = a.changedFrom() == null ? msg(locale, "calendar.admin.audit.noChange")
                : DATE.format(a.changedFrom()) + " – " + DATE.format(a.changedTo());
        return new AuditView(a.id(), DATE_TIME.format(a.at().atZoneSameInstant(calendar.zone())),
                a.actorName() == null ? a.actor() : a.actorName() + " (" + a.actor() + ")",
                msg(locale, "calendar.admin.action." + a.action()),
                msg(locale, "calendar.holiday." + a.holiday().name()) + " " + a.year(), range, changes);
    }

    private String kindLabel(String kind, Locale locale) {
        return "WORKDAY".equals(kind) ? msg(locale, "calendar.admin.workday") : msg(locale, "calendar.kind." + kind);
    }
}
