package vn.motcua.calendar;

import java.time.OffsetDateTime;

/**
 * A deadline already given (e.g. a dossier's appointment) that a change of the calendar may concern.
 *
 * @param reference   what it belongs to, e.g. a dossier code
 * @param description a short human-readable description
 * @param dueAt       the due moment as given
 */
public record AffectedDeadline(String reference, String description, OffsetDateTime dueAt) {
}
