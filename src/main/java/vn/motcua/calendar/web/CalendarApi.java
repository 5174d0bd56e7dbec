package vn.motcua.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.calendar.CalendarDay;
import vn.motcua.calendar.DayKind;
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
    private final Clock clock;

    CalendarApi(WorkingCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** A solar date's lunar date. */
    @Schema(name = "LunarDateAnswer", requiredProperties = {"day", "month", "year", "leap", "yearName", "monthLength",
            "leapMonthOfYear"})
    record LunarAnswer(@Schema(example = "1") int day, @Schema(example = "1") int month,
                       @Schema(example = "2025") int year,
                       @Schema(description = "the day is in the leap month (tháng nhuận)") boolean leap,
                       @Schema(description = "the year's name (can chi)", example = "Ất Tỵ") String yearName,
                       @Schema(description = "days in this lunar month (29 or 30)", example = "29") int monthLength,
                       @Schema(description = "the leap month of the lunar year, 0 when none", example = "6")
                       int leapMonthOfYear) {
    }

    /** A lunar date's solar date. */
    @Schema(name = "SolarDateAnswer", requiredProperties = {"date"})
    record SolarAnswer(@Schema(format = "date", example = "2026-04-26") String date) {
    }

    /** A day that is not an ordinary working day, or a worked weekend day. */
    @Schema(name = "CalendarDayAnswer", requiredProperties = {"date", "kind", "name", "source"})
    record DayAnswer(@Schema(format = "date", example = "2031-01-01") String date, DayKind kind,
                     @Schema(example = "Tết Dương lịch") String name,
                     @Schema(description = "the legal basis or the announcement",
                             example = "Bộ luật Lao động 2019, Điều 112") String source) {
    }

    /** A deadline with the steps of its computation. */
    @Schema(name = "DeadlineAnswer", requiredProperties = {"receivedAt", "amount", "unit", "channel", "startsAt",
            "dueAt", "dueText", "workingMinutes", "explanation"})
    record DeadlineAnswer(@Schema(example = "2031-04-29T10:00:00+07:00") String receivedAt,
                          @Schema(example = "3") BigDecimal amount, TimeUnit unit, Channel channel,
                          @Schema(description = "when the clock starts", example = "2031-04-29T10:00:00+07:00")
                          String startsAt,
                          @Schema(example = "2031-05-06T10:00:00+07:00") String dueAt,
                          @Schema(example = "10:00 thứ Ba 06/05/2031") String dueText,
                          @Schema(description = "working minutes from the start to the due moment", example = "1440")
                          long workingMinutes,
                          @Schema(description = "the steps of the computation, in the caller's language")
                          List<String> explanation) {
    }

    @GetMapping("/lunar")
    @Operation(summary = "Solar (Gregorian) date → lunar date (âm lịch, UTC+7)")
    LunarAnswer lunar(@Parameter(description = "YYYY-MM-DD", example = "2025-01-29")
                              @RequestParam(required = false) String date) {
        CalendarParams p = new CalendarParams();
        LocalDate d = p.date("date", date);
        p.check();
        LunarDate lunar = LunarCalendar.toLunar(d);
        return new LunarAnswer(lunar.day(), lunar.month(), lunar.year(), lunar.leap(),
                LunarCalendar.yearName(lunar.year()), LunarCalendar.monthLength(lunar.month(), lunar.year(), lunar.leap()),
                LunarCalendar.leapMonth(lunar.year()));
    }

    @GetMapping("/solar")
    @Operation(summary = "Lunar date → solar (Gregorian) date")
    SolarAnswer solar(@Parameter(example = "10") @RequestParam(required = false) String day,
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
        return new SolarAnswer(date.toString());
    }

    @GetMapping("/days")
    @Operation(summary = "Every non-working day (WEEKEND, HOLIDAY, COMPENSATORY) and swapped working day "
            + "(SWAPPED_WORKDAY) of a period of at most 5 years, in date order")
    List<DayAnswer> days(@Parameter(example = "2031-01-01") @RequestParam(required = false) String from,
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

    static DayAnswer day(CalendarDay d) {
        return new DayAnswer(d.date().toString(), d.kind(), d.name(), d.source());
    }

    @GetMapping("/deadline")
    @Operation(summary = "The clock start and due moment of a processing time for a receipt moment, with the "
            + "steps of the computation")
    DeadlineAnswer deadline(@Parameter(description = "ISO-8601 with offset; now if absent",
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
                ? OffsetDateTime.now(clock.withZone(calendar.zone())).withNano(0)
                : p.moment("receivedAt", receivedAt, calendar.zone());
        TimeUnit u = p.unit("unit", unit);
        BigDecimal a = u == null ? null : p.amount("amount", amount, u);
        Channel c = p.channel("channel", channel);
        p.check();
        ProcessingTime time = new ProcessingTime(a, u);
        Deadline d = calendar.deadline(received, time, c);
        return new DeadlineAnswer(CalendarParams.MOMENT.format(received.atZoneSameInstant(calendar.zone())),
                a.stripTrailingZeros(), u, c, CalendarParams.MOMENT.format(d.startsAt()),
                CalendarParams.MOMENT.format(d.dueAt()), calendar.describe(d.dueAt(), locale),
                calendar.workingMinutesBetween(d.startsAt(), d.dueAt()), calendar.explain(received, time, c, locale));
    }
}
