package vn.motcua.dossier.rules;

/**
 * The configurable choices of the rule book ({@code motcua.dossier.*}, docs/LIFECYCLE.md).
 *
 * @param apologyLeadWorkingDays        an apology (form 04) is given no later than this many working days before
 *                                      the due moment. Default 1: DOMAIN §2.4 "no later than 1 day before the due
 *                                      date"; that the day is a working day is UNCONFIRMED (design choice)
 * @param appraisalSupplementWorkingDays a supplement during appraisal is requested within this many working days
 *                                      of the dossier reaching processing (DOMAIN §2.3, "within 3 WD of receipt";
 *                                      counted from the first transfer or the supplement that restarted the time:
 *                                      UNCONFIRMED)
 * @param lateAppraisalSupplement       what a later request does: {@code REFUSE} (default) or
 *                                      {@code ALLOW_AND_MARK_LATE} (allowed, and the dossier counts as late, as a
 *                                      second request does in DOMAIN §2.6): UNCONFIRMED which one the law wants
 */
public record RuleSettings(int apologyLeadWorkingDays, int appraisalSupplementWorkingDays,
                           LateSupplement lateAppraisalSupplement) {

    /** What happens to a supplement request during appraisal after the window. */
    public enum LateSupplement {
        REFUSE, ALLOW_AND_MARK_LATE
    }

    public RuleSettings {
        if (apologyLeadWorkingDays < 0 || appraisalSupplementWorkingDays < 0) {
            throw new IllegalArgumentException("working days must not be negative");
        }
        if (lateAppraisalSupplement == null) {
            lateAppraisalSupplement = LateSupplement.REFUSE;
        }
    }

    public static RuleSettings defaults() {
        return new RuleSettings(1, 3, LateSupplement.REFUSE);
    }
}
