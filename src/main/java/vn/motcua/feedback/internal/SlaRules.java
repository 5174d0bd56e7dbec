package vn.motcua.feedback.internal;

import java.time.OffsetDateTime;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.feedback.FeedbackCategory;
import vn.motcua.platform.Channel;

/**
 * Every feedback deadline, in one place, all through the working calendar (office hours, holidays, the cut-off
 * of rule 6):
 * <ul>
 * <li>national PAKN (DOMAIN.md §8.2), from the clock start of the receipt (or of the latest raise): refuse ≤ 2
 *     WD, first supplement request ≤ 5 WD, handled (chờ công khai) ≤ 15 WD; publication ≤ 2 WD after approval;
 * <li>the province's 1022 levels (DOMAIN.md §8.3), from the clock start of the routing to the competent agency:
 *     the specialist answers within 8 working hours, else the item escalates to the leader level; the leader
 *     level is overdue after 48 working hours. Both per category.
 * </ul>
 */
public final class SlaRules {

    /** The national deadlines of one receipt. */
    public record PaknDeadlines(OffsetDateTime clockStart, OffsetDateTime refuseDue, OffsetDateTime supplementDue,
                                OffsetDateTime handledDue) {
    }

    /** The 1022 levels of one routing. */
    public record LevelDeadlines(OffsetDateTime clockStart, OffsetDateTime specialistDue, OffsetDateTime leaderDue) {
    }

    private final WorkingCalendar calendar;
    private final FeedbackProperties.Sla sla;

    public SlaRules(WorkingCalendar calendar, FeedbackProperties.Sla sla) {
        this.calendar = calendar;
        this.sla = sla;
    }

    public PaknDeadlines pakn(OffsetDateTime receivedAt) {
        OffsetDateTime start = calendar.clockStart(receivedAt, Channel.ONLINE);
        return new PaknDeadlines(start,
                calendar.dueAt(start, ProcessingTime.workingDays(sla.refuseDays())),
                calendar.dueAt(start, ProcessingTime.workingDays(sla.firstSupplementDays())),
                calendar.dueAt(start, ProcessingTime.workingDays(sla.handledDays())));
    }

    public LevelDeadlines levels(FeedbackCategory category, OffsetDateTime routedAt) {
        OffsetDateTime start = calendar.clockStart(routedAt, Channel.ONLINE);
        return new LevelDeadlines(start,
                calendar.dueAt(start, ProcessingTime.workingHours(sla.specialistHours(category))),
                calendar.dueAt(start, ProcessingTime.workingHours(sla.leaderHours(category))));
    }

    public OffsetDateTime publishDue(OffsetDateTime approvedAt) {
        return calendar.dueAt(calendar.clockStart(approvedAt, Channel.ONLINE),
                ProcessingTime.workingDays(sla.publishDays()));
    }

    /** Late when done strictly after the due moment. */
    public static boolean late(OffsetDateTime doneAt, OffsetDateTime due) {
        return due != null && doneAt.isAfter(due);
    }
}
