package vn.motcua.feedback;

import java.time.OffsetDateTime;

/**
 * The feedback counts of a period (items first received in [from, to)), as the 1022 desk's report shows them and as
 * the 766 indicators 5.1–5.3 need them (DOMAIN.md §1.2, §8.2). Spam is counted apart and is not "under competence".
 */
public interface FeedbackFigures {

    /** The counts. {@code at} is the moment "in progress within time" is judged at (the period's end or now). */
    Counts count(OffsetDateTime from, OffsetDateTime to, OffsetDateTime at);

    /**
     * @param received           every item received in the period
     * @param handled            handled in the national sense, spam aside (chờ công khai, đã công khai, từ chối)
     * @param inProgress         not yet handled
     * @param spam               marked spam
     * @param overdueSpecialist  overdue at the specialist level (escalated)
     * @param overdueLeader      overdue at the leader level
     * @param classified         classified by the desk (5.1 numerator): past the receipt, spam aside
     * @param handledOnTime      handled within the 15 working days
     * @param inProgressInTime   not handled, and {@code at} not past the 15 working days
     * @param overdue            handled late, or still open past the 15 working days
     * @param unsatisfied        rated unsatisfied
     * @param raisedAgain        raised again at least once
     * @param unsatisfactory     unsatisfied, overdue or raised again (5.3: each item once)
     */
    record Counts(long received, long handled, long inProgress, long spam, long overdueSpecialist, long overdueLeader,
                  long classified, long handledOnTime, long inProgressInTime, long overdue, long unsatisfied,
                  long raisedAgain, long unsatisfactory) {

        /** Items under the unit's competence: everything but spam. */
        public long underCompetence() {
            return received - spam;
        }
    }
}
