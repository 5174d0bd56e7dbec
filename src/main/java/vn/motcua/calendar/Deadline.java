package vn.motcua.calendar;

import java.time.OffsetDateTime;

/**
 * When the clock of a processing time starts and when the result is due (hạn trả kết quả), both at the
 * calendar's offset (+07:00).
 */
public record Deadline(OffsetDateTime startsAt, OffsetDateTime dueAt) {
}
