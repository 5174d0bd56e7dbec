package vn.motcua.dossier.rules;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import vn.motcua.dossier.Outcome;

/**
 * Early, on time or late (DOMAIN.md §2.6, the DVCQG rule of 766 indicator 2.1), once for everyone: the dossier
 * module sets a finished dossier's outcome with it and the 766 index judges with it.
 */
public final class Punctuality {

    private Punctuality() {
    }

    /**
     * A finished dossier against the due moment it is judged by: early when finished on a calendar date (Vietnam
     * time) before the due date; on time on the due date and not after the due moment; late otherwise, and always
     * late when flagged (a second supplement request, a late one allowed) or without a due moment. The day
     * granularity of "early" is a design decision (UNCONFIRMED, DOMAIN §2.6).
     */
    public static Outcome outcome(OffsetDateTime finishedAt, OffsetDateTime dueAt, boolean lateFlag, ZoneId zone) {
        if (lateFlag || dueAt == null) {
            return Outcome.LATE;
        }
        if (finishedAt.atZoneSameInstant(zone).toLocalDate().isBefore(dueAt.atZoneSameInstant(zone).toLocalDate())) {
            return Outcome.EARLY;
        }
        return finishedAt.isAfter(dueAt) ? Outcome.LATE : Outcome.ON_TIME;
    }

    /**
     * A dossier not finished is within time when judged at {@code at}: not flagged late, and {@code at} is not after
     * the due moment. {@code at} is the moment of judgement (the end of a period, now) or, when the clock stopped
     * for the applicant earlier, the moment it stopped.
     */
    public static boolean withinTime(OffsetDateTime at, OffsetDateTime dueAt, boolean lateFlag) {
        return !lateFlag && dueAt != null && !at.isAfter(dueAt);
    }
}
