package vn.motcua.calendar.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import vn.motcua.calendar.Holiday;

/**
 * One edit of the calendar: who, when, what. {@code changedFrom..changedTo} spans the days whose working
 * status changed (null when none did); {@code diff} is JSON: the schedule before and after and the changed days.
 */
public record AuditEntry(long id, OffsetDateTime at, String actor, String actorName, String origin, String action,
                         int year, Holiday holiday, LocalDate changedFrom, LocalDate changedTo, String diff) {
}
