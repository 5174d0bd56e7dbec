package vn.motcua.calendar.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import vn.motcua.calendar.ProcessingTime;

/**
 * Deadline arithmetic in local wall time of the calendar's zone: the one readable place for rules 5–8 of
 * issue 3. Pure; which days are worked comes from a {@link WorkingDays}.
 *
 * <ul>
 * <li>Start of the clock (rule 6): inside office hours of a working day and not after the cut-off → the
 *     receipt moment; before opening → opening; in a break → the next session; strictly after the cut-off,
 *     after closing, or on a non-working day → opening of the next working day.
 * <li>Due moment (rule 7): WORKING_DAYS n → start + n × (working time of a day); WORKING_HOURS n → start +
 *     n hours of working time; a result that lands exactly on the end of a session stays there (11:30,
 *     17:00). DAYS n → closing of the date start + n calendar days, or of the next working day if that date
 *     is not worked. SAME_DAY → closing of the start day.
 * <li>Clock stops (rule 8): working time between two moments, and what is left until a due moment.
 * </ul>
 * Fractional amounts are converted to whole seconds, rounded up.
 */
public final class DeadlineCalculator {

    /** Which days are worked. */
    @FunctionalInterface
    public interface WorkingDays {
        boolean isWorkingDay(LocalDate date);
    }

    /** Why the clock starts when it does. */
    public enum StartReason {
        /** received in office hours, not after the cut-off */
        IN_HOURS,
        /** received before opening */
        BEFORE_OPENING,
        /** received in a break (lunch) */
        BREAK,
        /** received strictly after the cut-off */
        AFTER_CUT_OFF,
        /** received after closing (only when the cut-off is at or after closing) */
        AFTER_CLOSING,
        /** received on a day that is not worked */
        NON_WORKING_DAY
    }

    /** Where the clock starts, and why. */
    public record Start(LocalDateTime at, StartReason reason) {
    }

    /** More days than this without a working day means the calendar is broken. */
    private static final int MAX_DAYS_WITHOUT_WORK = 3660;

    private final OfficeHours hours;

    public DeadlineCalculator(OfficeHours hours) {
        this.hours = hours;
    }

    public OfficeHours hours() {
        return hours;
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date, WorkingDays days) {
        LocalDate d = date.plusDays(1);
        for (int i = 0; i < MAX_DAYS_WITHOUT_WORK; i++, d = d.plusDays(1)) {
            if (days.isWorkingDay(d)) {
                return d;
            }
        }
        throw new IllegalStateException("no working day within ten years after " + date);
    }

    /** Rule 6. */
    public Start clockStart(LocalDateTime received, LocalTime cutOff, WorkingDays days) {
        LocalDate d = received.toLocalDate();
        LocalTime t = received.toLocalTime();
        if (!days.isWorkingDay(d)) {
            return new Start(nextWorkingDay(d, days).atTime(hours.opening()), StartReason.NON_WORKING_DAY);
        }
        if (t.isAfter(cutOff)) {
            return new Start(nextWorkingDay(d, days).atTime(hours.opening()), StartReason.AFTER_CUT_OFF);
        }
        if (t.isBefore(hours.opening())) {
            return new Start(d.atTime(hours.opening()), StartReason.BEFORE_OPENING);
        }
        for (OfficeHours.Session s : hours.sessions()) {
            if (t.isBefore(s.start())) {
                return new Start(d.atTime(s.start()), StartReason.BREAK);
            }
            if (t.isBefore(s.end())) {
                return new Start(received, StartReason.IN_HOURS);
            }
        }
        return new Start(nextWorkingDay(d, days).atTime(hours.opening()), StartReason.AFTER_CLOSING);
    }

    /** The moment itself if it is working time, else the next moment that is (no cut-off). */
    public LocalDateTime normalise(LocalDateTime t, WorkingDays days) {
        LocalDate d = t.toLocalDate();
        if (days.isWorkingDay(d)) {
            for (OfficeHours.Session s : hours.sessions()) {
                if (t.toLocalTime().isBefore(s.end())) {
                    return t.toLocalTime().isBefore(s.start()) ? d.atTime(s.start()) : t;
                }
            }
        }
        return nextWorkingDay(d, days).atTime(hours.opening());
    }

    /** Rule 7 for working time: {@code start} plus an amount of working time. */
    public LocalDateTime add(LocalDateTime start, Duration amount, WorkingDays days) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot add a negative working time: " + amount);
        }
        LocalDateTime t = normalise(start, days);
        Duration remaining = amount;
        if (remaining.isZero()) {
            return t;
        }
        LocalDate d = t.toLocalDate();
        LocalTime from = t.toLocalTime();
        while (true) {
            for (OfficeHours.Session s : hours.sessions()) {
                if (!from.isBefore(s.end())) {
                    continue;
                }
                LocalTime begin = from.isAfter(s.start()) ? from : s.start();
                Duration available = Duration.between(begin, s.end());
                if (remaining.compareTo(available) <= 0) {
                    return d.atTime(begin.plus(remaining));
                }
                remaining = remaining.minus(available);
            }
            d = nextWorkingDay(d, days);
            from = hours.opening();
            while (remaining.compareTo(hours.perDay()) > 0) {
                remaining = remaining.minus(hours.perDay());
                d = nextWorkingDay(d, days);
            }
        }
    }

    /** Working time between two moments; zero if {@code to} is not after {@code from}. */
    public Duration between(LocalDateTime from, LocalDateTime to, WorkingDays days) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDate first = from.toLocalDate();
        LocalDate last = to.toLocalDate();
        Duration total = Duration.ZERO;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (!days.isWorkingDay(d)) {
                continue;
            }
            LocalTime a = d.equals(first) ? from.toLocalTime() : LocalTime.MIN;
            if (d.equals(last)) {
                total = total.plus(hours.between(a, to.toLocalTime()));
            } else {
                total = total.plus(hours.until(a));
            }
        }
        return total;
    }

    /** The working time a processing time stands for (WORKING_DAYS, WORKING_HOURS), in whole seconds rounded up. */
    public Duration workingTime(ProcessingTime time) {
        BigDecimal seconds = switch (time.unit()) {
            case WORKING_DAYS -> time.amount().multiply(BigDecimal.valueOf(hours.perDay().toSeconds()));
            case WORKING_HOURS -> time.amount().multiply(BigDecimal.valueOf(3600));
            case DAYS, SAME_DAY -> throw new IllegalArgumentException(time.unit() + " is not counted in working time");
        };
        return Duration.ofSeconds(seconds.setScale(0, RoundingMode.CEILING).longValueExact());
    }

    /** Calendar days of a DAYS processing time, rounded up. */
    public static long calendarDays(ProcessingTime time) {
        return time.amount().setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** Rule 7: the due moment from a clock start. */
    public LocalDateTime due(LocalDateTime start, ProcessingTime time, WorkingDays days) {
        return switch (time.unit()) {
            case WORKING_DAYS, WORKING_HOURS -> add(start, workingTime(time), days);
            case DAYS -> {
                LocalDate d = start.toLocalDate().plusDays(calendarDays(time));
                yield (days.isWorkingDay(d) ? d : nextWorkingDay(d, days)).atTime(hours.closing());
            }
            case SAME_DAY -> normalise(start, days).toLocalDate().atTime(hours.closing());
        };
    }
}
