package vn.motcua.index766;

/**
 * The UNCONFIRMED choices of the index, as properties {@code motcua.index766.*} (docs/INDEX766.md).
 *
 * @param dueBasis                   {@code IN_FORCE} (default): compare with the due moment in force, i.e. the
 *                                   apology's new one; {@code ORIGINAL}: with the one before any apology (DOMAIN §2.4)
 * @param noFeedbackFullPoints       5.2 and 5.3 give full points when the unit had no feedback (default true, DVCQG API)
 * @param feedbackAvailable          feedback (PAKN) is handled in MotCua's feedback module (default true): 5.1–5.3 computed from it per unit; false: they need the national system's data
 * @param emptyDenominatorFullPoints an indicator with nothing to count gives full points (default false: ratio 0)
 * @param key42                      scoring key of 4.2: {@code LIN} (default, DVCQG API) or {@code T80} ([S8])
 * @param paymentStopsClock          waiting for a fee payment stops the 2.1 clock like a supplement request
 *                                   (default true: the dossier module stops its clock then)
 */
public record Index766Settings(String dueBasis, boolean noFeedbackFullPoints, boolean feedbackAvailable,
                               boolean emptyDenominatorFullPoints, Indicators.Key key42, boolean paymentStopsClock) {

    public static Index766Settings defaults() {
        return new Index766Settings("IN_FORCE", true, false, false, Indicators.Key.LIN, true);
    }

    public boolean originalDue() {
        return "ORIGINAL".equalsIgnoreCase(dueBasis);
    }

    /** The key used for an indicator (4.2 is configurable). */
    public Indicators.Key keyOf(Indicators.Indicator i) {
        return i.id().equals("4.2") ? key42 : i.key();
    }
}
