package vn.motcua.calendar.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.jspecify.annotations.NonNull;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.AffectedDeadline;
import vn.motcua.calendar.Holiday;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.internal.AuditEntry;
import vn.motcua.calendar.internal.Schedule;
import vn.motcua.calendar.internal.ScheduleAdmin;
import vn.motcua.calendar.internal.ScheduleDayKind;
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
                        @Schema(description = "PUT: the version of the schedule read (0 when the year had none); "
                                + "required, 409 when another administrator changed it since", example = "1")
                        Long version,
                        @JsonAlias({"weekdaysOff", "weekdays_off"}) List<String> daysOff,
                        @JsonAlias("compensatory_days") List<String> compensatoryDays,
                        @JsonAlias({"swappedWorkingDays", "swapped_working_days"}) List<String> swappedWorkdays) {
    }

    /** A day of a configured schedule. */
    @Schema(name = "ScheduleDayAnswer")
    record ScheduleDayAnswer(@NonNull @Schema(format = "date", example = "2031-01-23") String date,
                             @NonNull ScheduleDayKind kind, @Schema(example = "Tết Âm lịch") String name) {
    }

    /** A holiday's schedule in a year, as configured. */
    @Schema(name = "ScheduleAnswer")
    record ScheduleAnswer(Long id, int year, @NonNull Holiday holiday, String name, String nameEn, String source,
                          String confidence, String note, @NonNull List<ScheduleDayAnswer> days, String updatedBy,
                          @Schema(example = "2030-11-20T09:15:00+07:00") String updatedAt,
                          @Schema(description = "send it back to replace (PUT body) or delete (?version=) the "
                                  + "schedule", example = "1") long version) {
    }

    /** One edit of the calendar. */
    @Schema(name = "CalendarAuditAnswer")
    record AuditAnswer(long id, @NonNull @Schema(example = "2030-11-20T09:15:00+07:00") String at, String actor,
                       String actorName, @NonNull @Schema(example = "REPLACE") String action, int year,
                       @NonNull Holiday holiday, @Schema(format = "date") String changedFrom,
                       @Schema(format = "date") String changedTo,
                       @Schema(description = "the schedule before and after, and the changed days") JsonNode diff) {
    }

    /** A day whose status an edit changed: WORKDAY or a kind of day. */
    @Schema(name = "CalendarChangedDay")
    record ChangedDayAnswer(@NonNull @Schema(format = "date") String date,
                            @NonNull @Schema(allowableValues = {"WORKDAY", "WEEKEND", "HOLIDAY", "COMPENSATORY",
                                    "SWAPPED_WORKDAY"}) String before,
                            @NonNull @Schema(allowableValues = {"WORKDAY", "WEEKEND", "HOLIDAY", "COMPENSATORY",
                                    "SWAPPED_WORKDAY"}) String after) {
    }

    /** What an edit did: the schedule (null after a deletion), its audit entry, the changed days, the deadlines. */
    @Schema(name = "CalendarChange")
    record ChangeAnswer(ScheduleAnswer schedule, @NonNull AuditAnswer audit,
                        @NonNull List<ChangedDayAnswer> changedDays,
                        @NonNull @Schema(description = "deadlines already given over the changed days, for review")
                        List<AffectedDeadline> affectedDeadlines) {
    }

    /** A year of the calendar. */
    @Schema(name = "CalendarYear")
    record YearAnswer(int year, @NonNull List<ScheduleAnswer> schedules,
                      @NonNull @Schema(description = "the holidays with a configured schedule") List<Holiday> configured,
                      @NonNull List<CalendarApi.DayAnswer> days) {
    }

    @GetMapping("/years/{year}")
    @Operation(summary = "A year: its configured schedules and every listed day")
    YearAnswer year(@PathVariable int year, Actor actor) {
        List<Schedule> schedules = admin.ofYear(year);
        return new YearAnswer(year, schedules.stream().map(this::schedule).toList(),
                schedules.stream().map(Schedule::holiday).toList(),
                calendar.days(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                        .map(CalendarApi::day).toList());
    }

    @GetMapping("/years/{year}/schedules")
    @Operation(summary = "The configured schedules of a year")
    List<ScheduleAnswer> schedules(@PathVariable int year, Actor actor) {
        return admin.ofYear(year).stream().map(this::schedule).toList();
    }

    @GetMapping("/years/{year}/schedules/{holiday}")
    @Operation(summary = "One configured schedule")
    ScheduleAnswer schedule(@PathVariable int year, @PathVariable String holiday, Actor actor) {
        return schedule(admin.get(year, CalendarParams.holiday(holiday)));
    }

    @PostMapping("/years/{year}/schedules")
    @Operation(summary = "Creates the schedule of a holiday (409 if the year has one: use PUT)")
    @ApiResponse(responseCode = "201", description = "Created: the schedule, its audit entry, the changed days")
    @ApiResponse(responseCode = "409", description = "The year already has a schedule for that holiday: use PUT")
    ResponseEntity<ChangeAnswer> create(@PathVariable int year, @RequestBody ScheduleBody body, Actor actor) {
        if (body.holiday() == null || body.holiday().isBlank()) {
            throw ProblemException.invalid("holiday", "error.param.required");
        }
        Holiday h = CalendarParams.holiday(body.holiday());
        ScheduleAdmin.Result r = admin.save(year, h, input(year, h, body), actor, ScheduleAdmin.Mode.CREATE);
        return ResponseEntity.status(HttpStatus.CREATED).body(result(r));
    }

    @PutMapping("/years/{year}/schedules/{holiday}")
    @Operation(summary = "Creates or replaces the schedule of a holiday in a year, with the version read (0: none)")
    @ApiResponse(responseCode = "200", description = "Replaced: the schedule, its audit entry, the changed days")
    @ApiResponse(responseCode = "201", description = "Created (the year had no schedule of this holiday)")
    @ApiResponse(responseCode = "400", description = "A bad field, or version missing: every problem named, nothing "
            + "changed")
    @ApiResponse(responseCode = "409", description = "Stale version: another administrator changed, created or "
            + "deleted the schedule since it was read; nothing changed (errors[] names version)")
    ResponseEntity<ChangeAnswer> replace(@PathVariable int year, @PathVariable String holiday,
                                         @RequestBody ScheduleBody body, Actor actor) {
        Holiday h = CalendarParams.holiday(holiday);
        if (body.holiday() != null && !body.holiday().isBlank() && CalendarParams.holiday(body.holiday()) != h) {
            throw ProblemException.invalid("holiday", "error.calendar.schedule.holidayMismatch", body.holiday(),
                    holiday);
        }
        ScheduleAdmin.Result r = admin.save(year, h, input(year, h, body), actor, ScheduleAdmin.Mode.REPLACE,
                body.version());
        return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result(r));
    }

    @DeleteMapping("/years/{year}/schedules/{holiday}")
    @Operation(summary = "Deletes the schedule of a holiday: the default rule applies again")
    @ApiResponse(responseCode = "200", description = "Deleted: its audit entry, the changed days")
    @ApiResponse(responseCode = "400", description = "version missing or not a number")
    @ApiResponse(responseCode = "404", description = "The year has no schedule of this holiday")
    @ApiResponse(responseCode = "409", description = "Stale version: another administrator changed the schedule "
            + "since it was read; nothing deleted (errors[] names version)")
    ChangeAnswer delete(@PathVariable int year, @PathVariable String holiday,
                        @io.swagger.v3.oas.annotations.Parameter(description = "the version of the schedule read",
                                required = true, schema = @Schema(type = "integer", format = "int64"))
                        @RequestParam(required = false) String version, Actor actor) {
        return result(admin.delete(year, CalendarParams.holiday(holiday), actor, version(version)));
    }

    /** The version sent as a query parameter: null when missing, 400 naming it when not a number. */
    static Long version(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("version", "error.calendar.schedule.version.number", text);
        }
    }

    @GetMapping("/audit")
    @Operation(summary = "The latest edits of the calendar, of one year or of all")
    List<AuditAnswer> audit(@RequestParam(required = false) Integer year,
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

    ScheduleAnswer schedule(Schedule s) {
        return new ScheduleAnswer(s.id(), s.year(), s.holiday(), s.name(), s.nameEn(), s.source(), s.confidence(),
                s.note(), s.days().stream().map(d -> new ScheduleDayAnswer(d.date().toString(), d.kind(), d.name()))
                .toList(), s.updatedBy(), s.updatedAt() == null ? null
                : CalendarParams.MOMENT.format(s.updatedAt().atZoneSameInstant(calendar.zone())), s.version());
    }

    AuditAnswer audit(AuditEntry a) {
        return new AuditAnswer(a.id(), CalendarParams.MOMENT.format(a.at().atZoneSameInstant(calendar.zone())),
                a.actor(), a.actorName(), a.action(), a.year(), a.holiday(),
                a.changedFrom() == null ? null : a.changedFrom().toString(),
                a.changedTo() == null ? null : a.changedTo().toString(), json.readTree(a.diff()));
    }

    private ChangeAnswer result(ScheduleAdmin.Result r) {
        return new ChangeAnswer(r.schedule() == null ? null : schedule(r.schedule()), audit(r.audit()),
                r.changedDays().stream().map(c -> new ChangedDayAnswer(c.date().toString(),
                        c.before() == null ? "WORKDAY" : c.before().name(),
                        c.after() == null ? "WORKDAY" : c.after().name())).toList(), r.affected());
    }
}
