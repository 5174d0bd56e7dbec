package vn.motcua.dossier.rules;

import java.time.OffsetDateTime;
import vn.motcua.calendar.Deadline;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.platform.Channel;

/**
 * What each turn of a dossier does to its statutory clock, as pure functions of the clock and the moment (every
 * deadline from the calendar). The dossier services and the demo generator both use these.
 */
public final class ClockEffects {

    private ClockEffects() {
    }

    /** Acceptance (form 01), online or at the counter: the clock starts, the due moment is set (Art. 15(2)(c)). */
    public static ClockState onAccept(OffsetDateTime at, ProcessingTime time, Channel channel,
                                      WorkingCalendar calendar) {
        Deadline d = calendar.deadline(at, time, channel);
        return new ClockState(d.startsAt(), d.dueAt(), d.dueAt(), null, null);
    }

    /** A supplement requested during appraisal: the clock stops, the working time left is kept. */
    public static ClockState onSupplementRequested(ClockState c, OffsetDateTime at, WorkingCalendar calendar) {
        return stop(c, at, calendar);
    }

    /**
     * The supplement received (online or at the counter): the processing time restarts from zero, from the moment
     * the complete dossier is received (Decree 61/2018 Art. 19(3)); the new due moment is the one in force and the
     * reference for the on-time rule.
     */
    public static ClockState onSupplied(ClockState c, OffsetDateTime at, ProcessingTime time, Channel channel,
                                        WorkingCalendar calendar) {
        return onAccept(at, time, channel, calendar);
    }

    /** A financial obligation (Art. 22): the clock stops, the working time left is kept. */
    public static ClockState onPaymentRequested(ClockState c, OffsetDateTime at, WorkingCalendar calendar) {
        return stop(c, at, calendar);
    }

    /**
     * Paid or waived: the clock resumes with the working time that was left when it stopped, counted from the next
     * clock start. A dossier already overdue when it stopped keeps its (past) due moment.
     */
    public static ClockState onPaymentResumed(ClockState c, OffsetDateTime at, Channel channel,
                                              WorkingCalendar calendar) {
        long left = c.pausedRemainingMinutes() == null ? 0 : c.pausedRemainingMinutes();
        OffsetDateTime due = left <= 0 ? c.dueAt() : calendar.addWorkingMinutes(calendar.clockStart(at, channel), left);
        return new ClockState(c.startedAt(), due, c.originalDueAt(), null, null);
    }

    /** An apology (form 04): the new appointment is in force; the original one is kept. */
    public static ClockState onApology(ClockState c, OffsetDateTime newDueAt) {
        return new ClockState(c.startedAt(), newDueAt, c.originalDueAt() != null ? c.originalDueAt() : c.dueAt(),
                c.pausedAt(), c.pausedRemainingMinutes());
    }

    /** Finished (completed, rejected, stopped, withdrawn): nothing waits any more. */
    public static ClockState onFinished(ClockState c) {
        return new ClockState(c.startedAt(), c.dueAt(), c.originalDueAt(), null, null);
    }

    private static ClockState stop(ClockState c, OffsetDateTime at, WorkingCalendar calendar) {
        long left = c.dueAt() == null ? 0 : calendar.remainingWorkingMinutes(at, c.dueAt());
        return new ClockState(c.startedAt(), c.dueAt(), c.originalDueAt(), at, left);
    }
}
