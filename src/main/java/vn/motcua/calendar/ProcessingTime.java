package vn.motcua.calendar;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A processing time (thời hạn giải quyết) as a procedure states it: an amount, which may be fractional (0.5
 * working days), and a unit. {@link TimeUnit#SAME_DAY} ignores the amount.
 */
public record ProcessingTime(BigDecimal amount, TimeUnit unit) {

    public ProcessingTime {
        Objects.requireNonNull(unit, "unit");
        if (amount == null) {
            amount = BigDecimal.ZERO;
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a processing time cannot be negative: " + amount);
        }
    }

    public static ProcessingTime workingDays(long n) {
        return new ProcessingTime(BigDecimal.valueOf(n), TimeUnit.WORKING_DAYS);
    }

    public static ProcessingTime workingHours(long n) {
        return new ProcessingTime(BigDecimal.valueOf(n), TimeUnit.WORKING_HOURS);
    }

    public static ProcessingTime days(long n) {
        return new ProcessingTime(BigDecimal.valueOf(n), TimeUnit.DAYS);
    }

    public static ProcessingTime sameDay() {
        return new ProcessingTime(BigDecimal.ZERO, TimeUnit.SAME_DAY);
    }
}
