package vn.motcua.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.calendar.CalendarDay;
import vn.motcua.calendar.Deadline;
import vn.motcua.calendar.InvalidLunarDateException;
import vn.motcua.calendar.LunarCalendar;
import vn.motcua.calendar.LunarDate;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.TimeUnit;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.platform.Channel;

/**
 * The public calendar API (shared/design/API.md): lunar ↔ solar, the days of a period, and deadlines. Bad
 * input is a 400 naming the parameter, with the reason in the caller's language.
 */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Calendar", description = "Lunar calendar, working days and statutory deadlines")
class CalendarApi {

    private final WorkingCalendar calendar;

    CalendarApi(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/lunar")
    @Operation(summary = "Solar (Gregorian) date → lunar date (âm lịch, UTC+7)")
    Map<String, Object> lunar(@Parameter(description = "YYYY-MM-DD", example = "2025-01-29")
                              @RequestParam(required = false) String date) {
        CalendarParams p = new CalendarParams();
        LocalDate d = p.date("date", date);
        p.check();
        LunarDate lunar = LunarCalendar.toLunar(d);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("day", lunar.day());
        out.put("month", lunar.month());
        out.put("year", lunar.year());
        out.put("leap", lunar.leap());
        out.put("yearName", LunarCalendar.yearName(lunar.year()));
        out.put("monthLength", LunarCalendar.monthLength(lunar.month(), lunar.year(), lunar.leap()));
        out.put("leapMonthOfYear", LunarCalendar.leapMonth(lunar.year()));
        return out;
    }

    @GetMapping("/solar")
    @Operation(summary = "Lunar date → solar (Gregorian) date")
    Map<String, Object> solar(@Parameter(example = "10") @RequestParam(required = false) String day,
                              @Parameter(example = "3") @RequestParam(required = false) String month,
                              @Parameter(example = "2026") @RequestParam(required = false) String year,
                              @Parameter(description = "the leap month (tháng nhuận)", example = "false")
                              @RequestParam(required = false) String leap) {
        CalendarParams p = new CalendarParams();
        Integer d = p.integer("day", day);
        Integer m = p.integer("month", month);
        Integer y = p.integer("year", year);
        Boolean l = p.bool("leap", leap);
        p.check();
        LocalDate date;
        try {
            date = LunarCalendar.toSolar(d, m, y, l);
        } catch (InvalidLunarDateException e) {
            throw CalendarParams.lunarProblem(e, l);
        }
        if (date.getYear() > LunarCalendar.MAX_YEAR - 1) {
            throw CalendarParams.lunarProblem(new InvalidLunarDateException(
                    InvalidLunarDateException.Reason.YEAR_OUT_OF_RANGE, d, m, y, 0, 0), l);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("date", date.toString());
        return out;
    }

    @GetMapping("/days")
    @Operation(summary = "Every non-working day (WEEKEND, HOLIDAY, COMPENSATORY) and swapped working day "
            + "(SWAPPED_WORKDAY) of a period of at most 5 years, in date order")
    List<Map<String, Object>> days(@Parameter(example = "2031-01-01") @RequestParam(required = false) String from,
                                   @Parameter(example = "2031-12-31") @RequestParam(required = false) String to,
                                   Locale locale) {
        CalendarParams p = new CalendarParams();
        LocalDate f = p.date("from", from);
        LocalDate t = p.date("to", to);
        if (f != null && t != null) {
            if (t.isBefore(f)) {
                p.fail("to", "error.calendar.range.order");
            } else if (!t.isBefore(f.plusYears(CalendarParams.MAX_RANGE_YEARS))) {
                p.fail("to", "error.calendar.range.tooLong", String.valueOf(CalendarParams.MAX_RANGE_YEARS));
            }
        }
        p.check();
        return calendar.days(f, t, locale).stream().map(CalendarApi::day).toList();
    }

    static Map<String, Object> day(CalendarDay d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("date", d.date().toString());
        out.put("kind", d.kind().name());
        out.put("name", d.name());
        out.put("source", d.source());
        return out;
    }

    @GetMapping("/deadline")
    @Operation(summary = "The clock start and due moment of a processing time for a receipt moment, with the "
            + "steps of the computation")
    Map<String, Object> deadline(@Parameter(description = "ISO-8601 with offset; now if absent",
                                         example = "2031-04-29T10:00:00+07:00")
                                 @RequestParam(required = false) String receivedAt,
                                 @Parameter(example = "3") @RequestParam(required = false) String amount,
                                 @Parameter(description = "WORKING_DAYS, WORKING_HOURS, DAYS or SAME_DAY",
                                         example = "WORKING_DAYS")
                                 @RequestParam(required = false) String unit,
                                 @Parameter(description = "COUNTER (default), ONLINE or POSTAL")
                                 @RequestParam(required = false) String channel,
                                 Locale locale) {
        CalendarParams p = new CalendarParams();
        OffsetDateTime received = receivedAt == null || receivedAt.isBlank()
                ? OffsetDateTime.now(calendar.zone()).withNano(0)
                : p.moment("receivedAt", receivedAt, calendar.zone());
        TimeUnit u = p.unit("unit", unit);
        BigDecimal a = u == null ? null : p.amount("amount", amount, u);
        Channel c = p.channel("channel", channel);
        p.check();
        ProcessingTime time = new ProcessingTime(a, u);
        Deadline d = calendar.deadline(received, time, c);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("receivedAt", CalendarParams.MOMENT.format(received.atZoneSameInstant(calendar.zone())));
        out.put("amount", a.stripTrailingZeros());
        out.put("unit", u.name());
        out.put("channel", c.name());
        out.put("startsAt", CalendarParams.MOMENT.format(d.startsAt()));
        out.put("dueAt", CalendarParams.MOMENT.format(d.dueAt()));
        out.put("dueText", calendar.describe(d.dueAt(), locale));
        out.put("workingMinutes", calendar.workingMinutesBetween(d.startsAt(), d.dueAt()));
        out.put("explanation", calendar.explain(received, time, c, locale));
        return out;
    }
}
