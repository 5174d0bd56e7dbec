package vn.motcua.calendar.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.AffectedDeadline;
import vn.motcua.calendar.Holiday;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.internal.AuditEntry;
import vn.motcua.calendar.internal.Schedule;
import vn.motcua.calendar.internal.ScheduleAdmin;
import vn.motcua.calendar.internal.ScheduleDay;
import vn.motcua.platform.Actor;
import vn.motcua.platform.ProblemException;

/**
 * Administrators' API for the holiday schedules of a year (role ADMIN, by the security configuration). Each
 * write is audited, bumps the calendar version, and answers with the days whose status changed and the
 * deadlines already given over them (for review; they are not moved).
 */
@RestController
@RequestMapping("/api/v1/admin/calendar")
@Tag(name = "Calendar administration")
class CalendarAdminApi {

    private final ScheduleAdmin admin;
    private final WorkingCalendar calendar;
    private final JsonMapper json;

    CalendarAdminApi(ScheduleAdmin admin, WorkingCalendar calendar, JsonMapper json) {
        this.admin = admin;
        this.calendar = calendar;
        this.json = json;
    }

    /** One day of a schedule in the {@code days} list. */
    record DayBody(String date, String kind, String name) {
    }

    /**
     * A schedule: {@code days} as objects, and/or plain lists of dates by kind (as in the demo data:
     * {@code weekdaysOff}, {@code compensatoryDays}, {@code swappedWorkdays}).
     */
    record ScheduleBody(Integer year, String holiday, String name, String nameEn, String source, String confidence,
                        String note, List<DayBody> days,
                        @JsonAlias({"weekdaysOff", "weekdays_off"}) List<String> daysOff,
                        @JsonAlias("compensatory_days") List<String> compensatoryDays,
                        @JsonAlias({"swappedWorkingDays", "swapped_working_days"}) List<String> swappedWorkdays) {
    }

    @GetMapping("/years/{year}")
    @Operation(summary = "A year: its configured schedules and every listed day")
    Map<String, Object> year(@PathVariable int year, Actor actor) {
        List<Schedule> schedules = admin.ofYear(year);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("year", year);
        out.put("schedules", schedules.stream().map(CalendarAdminApi::schedule).toList());
        out.put("configured", schedules.stream().map(s -> s.holiday().name()).toList());
        out.put("days", calendar.days(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .map(CalendarApi::day).toList());
        return out;
    }

    @GetMapping("/years/{year}/schedules")
    @Operation(summary = "The configured schedules of a year")
    List<Map<String, Object>> schedules(@PathVariable int year, Actor actor) {
        return admin.ofYear(year).stream().map(CalendarAdminApi::schedule).toList();
    }

    @GetMapping("/years/{year}/schedules/{holiday}")
    @Operation(summary = "One configured schedule")
    Map<String, Object> schedule(@PathVariable int year, @PathVariable String holiday, Actor actor) {
        return schedule(admin.get(year, CalendarParams.holiday(holiday)));
    }

    @PostMapping("/years/{year}/schedules")
    @Operation(summary = "Creates the schedule of a holiday (409 if the year has one: use PUT)")
    ResponseEntity<Map<String, Object>> create(@PathVariable int year, @RequestBody ScheduleBody body, Actor actor) {
        if (body.holiday() == null || body.holiday().isBlank()) {
            throw ProblemException.invalid("holiday", "error.param.required");
        }
        Holiday h = CalendarParams.holiday(body.holiday());
        ScheduleAdmin.Result r = admin.save(year, h, input(year, h, body), actor, ScheduleAdmin.Mode.CREATE);
        return ResponseEntity.status(HttpStatus.CREATED).body(result(r));
    }

    @PutMapping("/years/{year}/schedules/{holiday}")
    @Operation(summary = "Creates or replaces the schedule of a holiday in a year")
    ResponseEntity<Map<String, Object>> replace(@PathVariable int year, @PathVariable String holiday,
                                                @RequestBody ScheduleBody body, Actor actor) {
        Holiday h = CalendarParams.holiday(holiday);
        if (body.holiday() != null && !body.holiday().isBlank() && CalendarParams.holiday(body.holiday()) != h) {
            throw ProblemException.invalid("holiday", "error.calendar.schedule.holidayMismatch", body.holiday(),
                    holiday);
        }
        ScheduleAdmin.Result r = admin.save(year, h, input(year, h, body), actor, ScheduleAdmin.Mode.REPLACE);
        return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result(r));
    }

    @DeleteMapping("/years/{year}/schedules/{holiday}")
    @Operation(summary = "Deletes the schedule of a holiday: the default rule applies again")
    Map<String, Object> delete(@PathVariable int year, @PathVariable String holiday, Actor actor) {
        return result(admin.delete(year, CalendarParams.holiday(holiday), actor));
    }

    @GetMapping("/audit")
    @Operation(summary = "The latest edits of the calendar, of one year or of all")
    List<Map<String, Object>> audit(@RequestParam(required = false) Integer year,
                                    @RequestParam(defaultValue = "100") int limit, Actor actor) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalid("limit", "error.param.range", "1", "1000");
        }
        return admin.audits(year, limit).stream().map(this::audit).toList();
    }

    @GetMapping("/affected")
    @Operation(summary = "Deadlines already given that run over a period (for review after a change)")
    List<AffectedDeadline> affected(@RequestParam String from, @RequestParam String to, Actor actor) {
        CalendarParams p = new CalendarParams();
        LocalDate f = p.date("from", from);
        LocalDate t = p.date("to", to);
        if (f != null && t != null && t.isBefore(f)) {
            p.fail("to", "error.calendar.range.order");
        }
        p.check();
        return admin.affected(f, t);
    }

    static ScheduleAdmin.ScheduleInput input(int year, Holiday holiday, ScheduleBody body) {
        if (body.year() != null && body.year() != year) {
            throw ProblemException.invalid("year", "error.calendar.schedule.yearMismatch", String.valueOf(body.year()),
                    String.valueOf(year));
        }
        List<ScheduleAdmin.DayInput> days = new ArrayList<>();
        if (body.days() != null) {
            for (int i = 0; i < body.days().size(); i++) {
                DayBody d = body.days().get(i);
                days.add(new ScheduleAdmin.DayInput("days[" + i + "]", true, d == null ? null : d.date(),
                        d == null ? null : d.kind(), d == null ? null : d.name()));
            }
        }
        list(days, "daysOff", body.daysOff(), "DAY_OFF");
        list(days, "compensatoryDays", body.compensatoryDays(), "COMPENSATORY");
        list(days, "swappedWorkdays", body.swappedWorkdays(), "SWAPPED_WORKDAY");
        return new ScheduleAdmin.ScheduleInput(body.name(), body.nameEn(), body.source(), body.confidence(),
                body.note(), days);
    }

    private static void list(List<ScheduleAdmin.DayInput> days, String field, List<String> dates, String kind) {
        if (dates == null) {
            return;
        }
        for (int i = 0; i < dates.size(); i++) {
            days.add(new ScheduleAdmin.DayInput(field + "[" + i + "]", false, dates.get(i), kind, null));
        }
    }

    static Map<String, Object> schedule(Schedule s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("year", s.year());
        out.put("holiday", s.holiday().name());
        out.put("name", s.name());
        out.put("nameEn", s.nameEn());
        out.put("source", s.source());
        out.put("confidence", s.confidence());
        out.put("note", s.note());
        List<Map<String, Object>> days = new ArrayList<>();
        for (ScheduleDay d : s.days()) {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("date", d.date().toString());
            day.put("kind", d.kind().name());
            day.put("name", d.name());
            days.add(day);
        }
        out.put("days", days);
        out.put("updatedBy", s.updatedBy());
        out.put("updatedAt", s.updatedAt() == null ? null : CalendarParams.MOMENT.format(s.updatedAt()
                .atZoneSameInstant(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))));
        return out;
    }

    Map<String, Object> audit(AuditEntry a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", a.id());
        out.put("at", CalendarParams.MOMENT.format(a.at().atZoneSameInstant(calendar.zone())));
        out.put("actor", a.actor());
        out.put("actorName", a.actorName());
        out.put("action", a.action());
        out.put("year", a.year());
        out.put("holiday", a.holiday().name());
        out.put("changedFrom", a.changedFrom() == null ? null : a.changedFrom().toString());
        out.put("changedTo", a.changedTo() == null ? null : a.changedTo().toString());
        out.put("diff", json.readTree(a.diff()));
        return out;
    }

    private Map<String, Object> result(ScheduleAdmin.Result r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schedule", r.schedule() == null ? null : schedule(r.schedule()));
        out.put("audit", audit(r.audit()));
        out.put("changedDays", r.changedDays().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("date", c.date().toString());
            m.put("before", c.before() == null ? "WORKDAY" : c.before().name());
            m.put("after", c.after() == null ? "WORKDAY" : c.after().name());
            return m;
        }).toList());
        out.put("affectedDeadlines", r.affected());
        return out;
    }
}
