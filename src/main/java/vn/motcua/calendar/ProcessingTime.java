package vn.motcua.calendar;

import java.math.BigDecimal;

/** A statutory processing time: an amount (may be fractional) and its unit; SAME_DAY ignores the amount. */
public record ProcessingTime(BigDecimal amount, TimeUnit unit) {
}
