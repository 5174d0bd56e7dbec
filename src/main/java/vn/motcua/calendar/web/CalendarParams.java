package vn.motcua.calendar.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import vn.motcua.calendar.Holiday;
import vn.motcua.calendar.InvalidLunarDateException;
import vn.motcua.calendar.LunarCalendar;
import vn.motcua.calendar.TimeUnit;
import vn.motcua.calendar.internal.CalendarInputs;
import vn.motcua.platform.Channel;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;

/** Request parameters of the calendar API, checked with every problem collected and named. */
final class CalendarParams {

    static final DateTimeFormatter MOMENT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    /** Receipt moments accepted by the deadline API (the calendar is computed for a little beyond). */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2180;
    static final int MAX_RANGE_YEARS = 5;

    private final List<FieldProblem> problems = new ArrayList<>();

    void fail(String field, String key, Object... args) {
        problems.add(FieldProblem.of(field, key, args));
    }

    /** Throws the 400 listing every problem, if any. */
    void check() {
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    boolean ok() {
        return problems.isEmpty();
    }

    LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            fail(field, "error.param.required");
            return null;
        }
        return CalendarInputs.date(text, field, problems);
    }

    Integer integer(String field, String text) {
        if (text == null || text.isBlank()) {
            fail(field, "error.param.required");
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            fail(field, "error.calendar.integer", text);
            return null;
        }
    }

    Boolean bool(String field, String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("1")) {
            return true;
        }
        if (t.equals("false") || t.equals("0")) {
            return false;
        }
        fail(field, "error.calendar.boolean", text);
        return null;
    }

    /**
     * An ISO-8601 moment with offset; without an offset it is taken in the calendar's zone. A '+' sent
     * unencoded in a query string arrives as a space and is restored.
     */
    OffsetDateTime moment(String field, String text, ZoneId zone) {
        String t = text.trim().replace(' ', '+');
        OffsetDateTime moment;
        try {
            moment = OffsetDateTime.parse(t, MOMENT);
        } catch (DateTimeParseException e) {
            try {
                moment = LocalDateTime.parse(t).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException e2) {
                fail(field, "error.calendar.dateTime.format", text);
                return null;
            }
        }
        int year = moment.atZoneSameInstant(zone).getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            fail(field, "error.calendar.date.outOfRange", String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
            return null;
        }
        return moment;
    }

    TimeUnit unit(String field, String text) {
        if (text == null || text.isBlank()) {
            fail(field, "error.param.required");
            return null;
        }
        try {
            return TimeUnit.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            fail(field, "error.calendar.unit.unknown", text);
            return null;
        }
    }

    Channel channel(String field, String text) {
        if (text == null || text.isBlank()) {
            return Channel.COUNTER;
        }
        try {
            return Channel.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            fail(field, "error.calendar.channel.unknown", text);
            return null;
        }
    }

    static Holiday holiday(String text) {
        try {
            return Holiday.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalid("holiday", "error.calendar.holiday.unknown", String.valueOf(text));
        }
    }

    /** An amount of a processing time: a number from 0 to the unit's maximum; required except for SAME_DAY. */
    BigDecimal amount(String field, String text, TimeUnit unit) {
        if (text == null || text.isBlank()) {
            if (unit == TimeUnit.SAME_DAY) {
                return BigDecimal.ZERO;
            }
            fail(field, "error.calendar.amount.required");
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            fail(field, "error.calendar.amount.format", text);
            return null;
        }
        int max = unit == TimeUnit.WORKING_HOURS ? 29_200 : 3_650;
        if (amount.signum() < 0 || amount.compareTo(BigDecimal.valueOf(max)) > 0) {
            fail(field, "error.calendar.amount.range", String.valueOf(max));
            return null;
        }
        return amount;
    }

    /** A lunar date that does not exist, as a problem on the parameter at fault. */
    static ProblemException lunarProblem(InvalidLunarDateException e, boolean leap) {
        String month = String.valueOf(e.month());
        String year = String.valueOf(e.year());
        return switch (e.reason()) {
            case YEAR_OUT_OF_RANGE -> ProblemException.invalid("year", "error.calendar.lunar.year",
                    String.valueOf(LunarCalendar.MIN_YEAR), String.valueOf(LunarCalendar.MAX_YEAR - 1));
            case MONTH_OUT_OF_RANGE -> ProblemException.invalid("month", "error.calendar.lunar.month");
            case DAY_OUT_OF_RANGE -> ProblemException.invalid("day", "error.calendar.lunar.day");
            case DAY_TOO_LARGE -> ProblemException.invalid(List.of(new FieldProblem("day",
                    "error.calendar.lunar.dayTooLarge", new Object[] {month, leap
                        ? new DefaultMessageSourceResolvable(new String[] {"error.calendar.lunar.leapSuffix"}, null, "")
                        : "", year,
                        String.valueOf(e.monthLength()), String.valueOf(e.day())}, null)));
            case NO_LEAP_MONTH -> ProblemException.invalid("leap", "error.calendar.lunar.noLeap", year);
            case OTHER_LEAP_MONTH -> ProblemException.invalid("leap", "error.calendar.lunar.otherLeap", year,
                    String.valueOf(e.leapMonth()), month);
        };
    }
}
