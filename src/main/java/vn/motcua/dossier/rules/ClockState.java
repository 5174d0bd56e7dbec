package vn.motcua.dossier.rules;

import java.time.OffsetDateTime;

/**
 * The statutory clock of a dossier: when it (re)started, the due moment in force, the one before an apology,
 * and, while it is stopped for the applicant (a supplement, a payment), since when and the working minutes left.
 */
public record ClockState(OffsetDateTime startedAt, OffsetDateTime dueAt, OffsetDateTime originalDueAt,
                         OffsetDateTime pausedAt, Long pausedRemainingMinutes) {

    /** A clock that has not started (an online dossier before acceptance). */
    public static final ClockState NOT_STARTED = new ClockState(null, null, null, null, null);

    public boolean stopped() {
        return pausedAt != null;
    }
}
