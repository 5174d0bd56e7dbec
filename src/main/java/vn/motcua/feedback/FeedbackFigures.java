package vn.motcua.feedback;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The feedback counts of a period (items first received in [from, to)), as the 1022 desk's report shows them and as
 * the 766 indicators 5.1–5.3 need them (DOMAIN.md §1.2, §8.2). Spam is counted apart and is not "under competence".
 * The fractions of 5.1–5.3 are defined here, once ({@link Counts#classification()}, {@link Counts#onTime()},
 * {@link Counts#satisfaction()}); their points are the 766 index's.
 */
public interface FeedbackFigures {

    /** Key of {@link #countByAgency} for the items not yet routed to a competent agency (still at the desk). */
    String NOT_ROUTED = "";

    /** The counts. {@code at} is the moment "in progress within time" is judged at (the period's end or now). */
    default Counts count(OffsetDateTime from, OffsetDateTime to, OffsetDateTime at) {
        return countByAgency(from, to, at).values().stream().reduce(Counts.ZERO, Counts::plus);
    }

    /**
     * The counts per competent agency (the agency an item was routed to; {@link #NOT_ROUTED} for the others), so that
     * a unit's figures are those of its agencies.
     */
    Map<String, Counts> countByAgency(OffsetDateTime from, OffsetDateTime to, OffsetDateTime at);

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

        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** Items under the unit's competence: everything but spam. */
        public long underCompetence() {
            return received - spam;
        }

        /** 766 indicator 5.1 (tỷ lệ PAKN theo phân loại): classified ÷ items under competence. */
        public Fraction classification() {
            return new Fraction(classified, underCompetence());
        }

        /**
         * 766 indicator 5.2 (tỷ lệ PAKN xử lý đúng hạn): handled on time + in progress within time ÷ items under
         * competence.
         */
        public Fraction onTime() {
            return new Fraction(handledOnTime + inProgressInTime, underCompetence());
        }

        /**
         * 766 indicator 5.3 (tỷ lệ hài lòng trong xử lý PAKN): items under competence less those rated unsatisfied,
         * overdue or raised again (each once) ÷ items under competence.
         */
        public Fraction satisfaction() {
            return new Fraction(Math.max(0, underCompetence() - unsatisfactory), underCompetence());
        }

        /** Both periods' or both agencies' items together. */
        public Counts plus(Counts o) {
            return new Counts(received + o.received, handled + o.handled, inProgress + o.inProgress, spam + o.spam,
                    overdueSpecialist + o.overdueSpecialist, overdueLeader + o.overdueLeader,
                    classified + o.classified, handledOnTime + o.handledOnTime, inProgressInTime + o.inProgressInTime,
                    overdue + o.overdue, unsatisfied + o.unsatisfied, raisedAgain + o.raisedAgain,
                    unsatisfactory + o.unsatisfactory);
        }
    }

    /** A numerator over a denominator; no ratio when the denominator is 0 (no feedback). */
    record Fraction(long numerator, long denominator) {

        public Double ratio() {
            return denominator == 0 ? null : (double) numerator / denominator;
        }
    }
}
