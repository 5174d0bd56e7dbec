package vn.motcua.calendar.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.AffectedDeadline;
import vn.motcua.calendar.AffectedDeadlines;
import vn.motcua.calendar.DayKind;
import vn.motcua.calendar.Holiday;
import vn.motcua.calendar.LunarCalendar;
import vn.motcua.platform.Actor;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;

/**
 * Administrators' edits of the holiday schedules: validation (every problem at once, nothing written on a
 * problem), the write, the version bump and the audit entry in one transaction, then the local cache is
 * dropped and the deadlines already given over the changed days are looked up for review.
 */
@Service
public class ScheduleAdmin {

    private static final Log log = LogFactory.getLog(ScheduleAdmin.class);
    public static final Set<String> CONFIDENCE = Set.of("confirmed", "high", "medium", "unconfirmed");
    /** A New Year schedule may give days off from this day of the December before. */
    static final int NEW_YEAR_EARLIEST_DECEMBER_DAY = 22;

    private final ScheduleStore store;
    private final CalendarService calendar;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final ObjectProvider<AffectedDeadlines> affectedDeadlines;
    private final vn.motcua.platform.audit.AdminAudit adminAudit;

    public ScheduleAdmin(ScheduleStore store, CalendarService calendar, PlatformTransactionManager transactions,
                         JsonMapper json, ObjectProvider<AffectedDeadlines> affectedDeadlines,
                         vn.motcua.platform.audit.AdminAudit adminAudit) {
        this.store = store;
        this.calendar = calendar;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
        this.affectedDeadlines = affectedDeadlines;
        this.adminAudit = adminAudit;
    }

    /** A schedule as an administrator sends it; every field as text, checked here. */
    public record ScheduleInput(String name, String nameEn, String source, String confidence, String note,
                                List<DayInput> days) {
    }

    /**
     * One day; {@code field} names it in error messages: an object of a {@code days} list ({@code days[2]}, whose
     * parts are {@code days[2].date}, {@code .kind}, {@code .name}) or an item of a plain list of dates
     * ({@code swappedWorkdays[0]}).
     */
    public record DayInput(String field, boolean object, String date, String kind, String name) {
    }

    /** A day whose listing changed: kinds null for an ordinary working day. */
    public record ChangedDay(LocalDate date, DayKind before, DayKind after, String beforeName, String afterName) {

        public boolean workingChanged() {
            return (before == DayKind.SWAPPED_WORKDAY || before == null) != (after == DayKind.SWAPPED_WORKDAY
                    || after == null);
        }
    }

    /** What an edit did. {@code schedule} is null after a delete. */
    public record Result(Schedule schedule, AuditEntry audit, List<ChangedDay> changedDays,
                         List<AffectedDeadline> affected, boolean created) {
    }

    public enum Mode { CREATE, REPLACE, CREATE_IF_ABSENT }

    public List<Schedule> ofYear(int year) {
        checkYear(year);
        return store.ofYear(year);
    }

    public Schedule get(int year, Holiday holiday) {
        checkYear(year);
        return store.find(year, holiday).orElseThrow(() -> ProblemException.notFound("error.calendar.schedule.notFound",
                String.valueOf(year), holiday.name()));
    }

    public List<AuditEntry> audits(Integer year, int limit) {
        return store.audits(year, limit);
    }

    public java.util.Optional<AuditEntry> audit(long id) {
        return store.auditEntry(id);
    }

    /**
     * Creates ({@link Mode#CREATE}: 409 if one exists), creates or replaces ({@link Mode#REPLACE}) or creates only
     * if absent ({@link Mode#CREATE_IF_ABSENT}: null if one exists) the schedule of a holiday in a year.
     */
    public Result save(int year, Holiday holiday, ScheduleInput input, Actor actor, Mode mode) {
        return save(year, holiday, input, actor, mode, null);
    }

    /**
     * As {@link #save(int, Holiday, ScheduleInput, Actor, Mode)}; a replacement ({@link Mode#REPLACE}) names the
     * {@code version} of the schedule read (0: none was configured) and is refused when it is missing (400 naming
     * {@code version}, with the other problems) or stale (409 naming {@code version}): two administrators editing the
     * same schedule, the second one's write does not silently undo the first one's (issue 11).
     */
    public Result save(int year, Holiday holiday, ScheduleInput input, Actor actor, Mode mode, Long version) {
        checkYear(year);
        Result result = tx.execute(status -> {
            store.lockVersion();
            List<Schedule> all = store.all();
            Schedule existing = all.stream().filter(s -> s.year() == year && s.holiday() == holiday).findFirst()
                    .orElse(null);
            if (existing != null && mode == Mode.CREATE) {
                throw ProblemException.conflict("error.calendar.schedule.exists", String.valueOf(year), holiday.name());
            }
            if (existing != null && mode == Mode.CREATE_IF_ABSENT) {
                return null;
            }
            if (mode == Mode.REPLACE && version != null) {
                checkVersion(year, holiday, existing, version);
            }
            List<Schedule> others = all.stream().filter(s -> s != existing).toList();
            Schedule schedule;
            try {
                schedule = validate(year, holiday, input, others, actor.username());
            } catch (ProblemException e) {
                throw mode == Mode.REPLACE && version == null ? withVersionMissing(e) : e;
            }
            if (mode == Mode.REPLACE && version == null) {
                throw ProblemException.invalid("version", "error.calendar.schedule.version.required");
            }
            List<Schedule> after = new ArrayList<>(others);
            after.add(schedule);
            List<ChangedDay> changed = diff(year, all, after);
            long id;
            if (existing == null) {
                id = store.insert(schedule, actor.username());
            } else {
                id = existing.id();
                store.update(id, schedule, actor.username());
            }
            store.bumpVersion();
            Schedule saved = store.find(year, holiday).orElseThrow();
            String action = existing == null ? "CREATE" : "REPLACE";
            AuditEntry audit = writeAudit(actor, action, year, holiday, existing, saved, changed);
            return new Result(saved, audit, changed, List.of(), existing == null);
        });
        return result == null ? null : afterCommit(result);
    }

    /**
     * Deletes the schedule of a holiday in a year, when {@code version} is still the one stored (400 naming
     * {@code version} when missing, 409 when stale, nothing deleted).
     */
    public Result delete(int year, Holiday holiday, Actor actor, Long version) {
        checkYear(year);
        if (version == null) {
            throw ProblemException.invalid("version", "error.calendar.schedule.version.required");
        }
        Result result = tx.execute(status -> {
            store.lockVersion();
            List<Schedule> all = store.all();
            Schedule existing = all.stream().filter(s -> s.year() == year && s.holiday() == holiday).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("error.calendar.schedule.notFound",
                            String.valueOf(year), holiday.name()));
            checkVersion(year, holiday, existing, version);
            List<Schedule> after = all.stream().filter(s -> s != existing).toList();
            List<ChangedDay> changed = diff(year, all, after);
            store.delete(existing.id());
            store.bumpVersion();
            AuditEntry audit = writeAudit(actor, "DELETE", year, holiday, existing, null, changed);
            return new Result(null, audit, changed, List.of(), false);
        });
        return afterCommit(result);
    }

    /**
     * 409 naming {@code version} when the version read is not the stored one (0 read: no schedule then, so one
     * created since is a conflict too).
     */
    private static void checkVersion(int year, Holiday holiday, Schedule existing, long version) {
        long stored = existing == null ? 0 : existing.version();
        if (stored != version) {
            throw new ProblemException(org.springframework.http.HttpStatus.CONFLICT, "error.admin.stale",
                    new Object[0], List.of(FieldProblem.of("version", existing == null
                    ? "error.calendar.schedule.version.deleted" : "error.calendar.schedule.version.stale",
                    String.valueOf(version), String.valueOf(stored), String.valueOf(year),
                    existing == null ? holiday.name() : existing.name(),
                    existing == null || existing.updatedBy() == null ? "" : existing.updatedBy())));
        }
    }

    private static ProblemException withVersionMissing(ProblemException e) {
        if (e.status().value() != 400) {
            return e;
        }
        List<FieldProblem> all = new ArrayList<>();
        all.add(FieldProblem.of("version", "error.calendar.schedule.version.required"));
        all.addAll(e.errors());
        return ProblemException.invalid(all);
    }

    private Result afterCommit(Result result) {
        calendar.invalidate();
        AuditEntry a = result.audit();
        List<AffectedDeadline> affected = a.changedFrom() == null ? List.of() : affected(a.changedFrom(), a.changedTo());
        return new Result(result.schedule(), a, result.changedDays(), affected, result.created());
    }

    /** Deadlines already given that run over {@code from..to}, from every {@link AffectedDeadlines} (none yet). */
    public List<AffectedDeadline> affected(LocalDate from, LocalDate to) {
        List<AffectedDeadline> out = new ArrayList<>();
        affectedDeadlines.orderedStream().forEach(source -> {
            try {
                out.addAll(source.affectedBy(from, to));
            } catch (RuntimeException e) {
                log.warn("Could not list the deadlines affected by a calendar change from " + source, e);
            }
        });
        out.sort(Comparator.comparing(AffectedDeadline::dueAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    // ---------------------------------------------------------------------------------------------------

    static void checkYear(int year) {
        if (year < LunarCalendar.MIN_YEAR || year > LunarCalendar.MAX_YEAR - 1) {
            throw ProblemException.invalid("year", "error.calendar.year.range", String.valueOf(LunarCalendar.MIN_YEAR),
                    String.valueOf(LunarCalendar.MAX_YEAR - 1));
        }
    }

    /** Checks a schedule against itself and the other schedules; every problem at once (400). */
    Schedule validate(int year, Holiday holiday, ScheduleInput in, List<Schedule> others, String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = trim(in.name());
        String nameEn = trim(in.nameEn());
        String source = trim(in.source());
        String confidence = trim(in.confidence()) == null ? "confirmed" : trim(in.confidence()).toLowerCase(Locale.ROOT);
        String note = trim(in.note());
        if (name == null || name.length() > 200) {
            problems.add(FieldProblem.of("name", "error.calendar.schedule.name"));
        }
        if (nameEn != null && nameEn.length() > 200) {
            problems.add(FieldProblem.of("nameEn", "error.calendar.schedule.name"));
        }
        if (source == null || source.length() > 500) {
            problems.add(FieldProblem.of("source", "error.calendar.schedule.source"));
        }
        if (!CONFIDENCE.contains(confidence)) {
            problems.add(FieldProblem.of("confidence", "error.calendar.schedule.confidence"));
        }
        if (note != null && note.length() > 1000) {
            problems.add(FieldProblem.of("note", "error.calendar.schedule.note"));
        }
        Map<LocalDate, String> elsewhere = new HashMap<>();
        for (Schedule s : others) {
            for (ScheduleDay d : s.days()) {
                elsewhere.put(d.date(), s.name() + "|" + s.year());
            }
        }
        HolidayRules rules = calendar.rules();
        List<ScheduleDay> days = new ArrayList<>();
        Map<LocalDate, ScheduleDayKind> seen = new HashMap<>();
        List<DayInput> inputs = in.days() == null ? List.of() : in.days();
        for (DayInput d : inputs) {
            String field = d.field();
            String dateField = d.object() ? field + ".date" : field;
            LocalDate date = parseDate(d.date(), dateField, problems);
            ScheduleDayKind kind = null;
            try {
                kind = ScheduleDayKind.valueOf(Objects.requireNonNullElse(d.kind(), "").trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of(field + ".kind", "error.calendar.schedule.dayKind", d.kind()));
            }
            String dayName = trim(d.name());
            if (dayName != null && dayName.length() > 200) {
                problems.add(FieldProblem.of(field + ".name", "error.calendar.schedule.dayName"));
            }
            if (date == null || kind == null) {
                continue;
            }
            String shown = CalendarTexts.shortDate(date);
            boolean inYear = date.getYear() == year || holiday == Holiday.NEW_YEAR && date.getYear() == year - 1
                    && date.getMonthValue() == 12 && date.getDayOfMonth() >= NEW_YEAR_EARLIEST_DECEMBER_DAY;
            if (!inYear) {
                problems.add(FieldProblem.of(dateField, holiday == Holiday.NEW_YEAR
                        ? "error.calendar.schedule.outsideYearNewYear" : "error.calendar.schedule.outsideYear", shown,
                        String.valueOf(year)));
                continue;
            }
            ScheduleDayKind before = seen.putIfAbsent(date, kind);
            if (before != null) {
                boolean contradiction = (before == ScheduleDayKind.SWAPPED_WORKDAY) != (kind
                        == ScheduleDayKind.SWAPPED_WORKDAY);
                problems.add(FieldProblem.of(dateField, contradiction ? "error.calendar.schedule.offAndSwapped"
                        : "error.calendar.schedule.duplicate", shown));
                continue;
            }
            String weekday = calendar.texts().weekday(date.getDayOfWeek(), CalendarTexts.VI);
            if (kind == ScheduleDayKind.SWAPPED_WORKDAY && !rules.isWeekend(date)) {
                problems.add(FieldProblem.of(dateField, "error.calendar.schedule.swappedNotWeekend", shown, weekday));
            } else if (kind != ScheduleDayKind.SWAPPED_WORKDAY && rules.isWeekend(date)) {
                problems.add(FieldProblem.of(dateField, "error.calendar.schedule.offOnWeekend", shown, weekday));
            } else if (elsewhere.containsKey(date)) {
                String[] other = elsewhere.get(date).split("\\|", 2);
                problems.add(FieldProblem.of(dateField, "error.calendar.schedule.otherSchedule", shown, other[0],
                        other[1]));
            }
            days.add(new ScheduleDay(date, kind, dayName));
        }
        if (inputs.stream().noneMatch(d -> d.kind() != null && !"SWAPPED_WORKDAY".equalsIgnoreCase(d.kind().trim()))) {
            problems.add(FieldProblem.of("days", "error.calendar.schedule.noDayOff"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        days.sort(Comparator.comparing(ScheduleDay::date));
        return new Schedule(null, year, holiday, name, nameEn, source, confidence, note, days, actor, null);
    }

    private static LocalDate parseDate(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(FieldProblem.of(field, "error.param.required"));
            return null;
        }
        return CalendarInputs.date(text.trim(), field, problems);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The days of {@code year} (and the December before, for New Year) whose listing differs. */
    List<ChangedDay> diff(int year, List<Schedule> before, List<Schedule> after) {
        List<ChangedDay> out = new ArrayList<>();
        for (int y = year - 1; y <= year; y++) {
            YearDays a = calendar.yearWith(y, before);
            YearDays b = calendar.yearWith(y, after);
            TreeSet<LocalDate> dates = new TreeSet<>(a.days().keySet());
            dates.addAll(b.days().keySet());
            for (LocalDate d : dates) {
                DayKind ka = kind(a, d);
                DayKind kb = kind(b, d);
                String na = name(a, d);
                String nb = name(b, d);
                if (ka != kb || !Objects.equals(na, nb)) {
                    out.add(new ChangedDay(d, ka, kb, na, nb));
                }
            }
        }
        return out;
    }

    private DayKind kind(YearDays days, LocalDate d) {
        YearDays.Entry e = days.get(d);
        if (e != null) {
            return e.kind();
        }
        return calendar.rules().isWeekend(d) ? DayKind.WEEKEND : null;
    }

    private static String name(YearDays days, LocalDate d) {
        YearDays.Entry e = days.get(d);
        return e == null ? null : e.name().vi();
    }

    private AuditEntry writeAudit(Actor actor, String action, int year, Holiday holiday, Schedule before,
                                  Schedule after, List<ChangedDay> changed) {
        List<LocalDate> statusChanged = changed.stream().filter(ChangedDay::workingChanged).map(ChangedDay::date)
                .sorted().toList();
        LocalDate from = statusChanged.isEmpty() ? null : statusChanged.getFirst();
        LocalDate to = statusChanged.isEmpty() ? null : statusChanged.getLast();
        Map<String, Object> diff = new LinkedHashMap<>();
        diff.put("action", action);
        diff.put("year", year);
        diff.put("holiday", holiday.name());
        diff.put("before", describe(before));
        diff.put("after", describe(after));
        List<Map<String, Object>> days = new ArrayList<>();
        for (ChangedDay c : changed) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("date", c.date().toString());
            m.put("before", c.before() == null ? "WORKDAY" : c.before().name());
            m.put("after", c.after() == null ? "WORKDAY" : c.after().name());
            m.put("beforeName", c.beforeName());
            m.put("afterName", c.afterName());
            days.add(m);
        }
        diff.put("changedDays", days);
        String text = json.writeValueAsString(diff);
        long id = store.audit(actor.username(), actor.displayName(), actor.origin(), action, year, holiday, from, to,
                text);
        // the administration audit log too (one page for every administrative change, /quan-tri/nhat-ky)
        adminAudit.record(actor, vn.motcua.platform.audit.AdminAudit.Subject.CALENDAR, year + "/" + holiday.name(),
                action, null, describe(before), describe(after));
        return store.auditEntry(id).orElseThrow();
    }

    private static Map<String, Object> describe(Schedule s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("nameEn", s.nameEn());
        m.put("source", s.source());
        m.put("confidence", s.confidence());
        m.put("note", s.note());
        List<Map<String, Object>> days = new ArrayList<>();
        for (ScheduleDay d : s.days()) {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("date", d.date().toString());
            day.put("kind", d.kind().name());
            day.put("name", d.name());
            days.add(day);
        }
        m.put("days", days);
        return m;
    }
}
