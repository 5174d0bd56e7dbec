package vn.motcua.payment.internal;

import vn.motcua.payment.PaymentCategory;

/**
 * The policy that sorts what a dossier pays into phí, lệ phí and other financial obligations (docs/PAYMENTS.md
 * "Categories"), written into every line of a payment when it starts ({@code items[].category}) so that reports and
 * receipts read it back instead of guessing.
 * <ul>
 * <li><b>phí</b> and <b>lệ phí</b> are the catalogue's (fees through the catalogue, docs/FEES.md): a line the
 *     catalogue quoted keeps its row's {@code kind} — {@code phi} → PHI, {@code le_phi} → LE_PHI. Law on Fees and
 *     Charges No. 97/2015/QH13 Art. 3: phí recovers the cost of a service, lệ phí is fixed for a State management
 *     service; they are managed apart (the collector may keep part of a phí, a lệ phí goes wholly to the State budget,
 *     Art. 12–13 of the Law: article numbers to verify), hence counted apart and receipted apart
 *     (DOMAIN-2.md §1c, implementation evidence: separate receipts for phí and lệ phí).</li>
 * <li>An amount an officer set when asking for payment (REQUEST_PAYMENT with an amount, "yêu cầu thực hiện nghĩa vụ
 *     tài chính", Decree 61/2018/NĐ-CP Art. 22 as the lifecycle cites it, AWAITING_PAYMENT) for a procedure the catalogue
 *     quotes a phí or lệ phí for keeps that kind: the catalogue knew the charge but not its amount (e.g. a lệ phí set
 *     by the People's Council).</li>
 * <li>An amount an officer asked for a dossier whose quote has no phí or lệ phí line at all is a <b>financial
 *     obligation</b> outside the catalogue (NGHIA_VU_TAI_CHINH: e.g. a land-use levy or registration tax the tax
 *     authority notified, which the seed data names "Cơ quan thuế nếu có nghĩa vụ tài chính").</li>
 * <li>A line without a kind (data from before kinds existed) is a lệ phí, as the receipts always printed it.</li>
 * </ul>
 */
public final class PaymentCategories {

    private PaymentCategories() {
    }

    /**
     * The category of a line.
     *
     * @param kind             the catalogue row's kind ({@code phi}, {@code le_phi}) or null
     * @param outsideCatalogue the dossier's amount was asked by an officer and its quote had no line
     */
    public static PaymentCategory of(String kind, boolean outsideCatalogue) {
        if (outsideCatalogue) {
            return PaymentCategory.NGHIA_VU_TAI_CHINH;
        }
        return "phi".equals(kind) ? PaymentCategory.PHI : PaymentCategory.LE_PHI;
    }

    /** The category kept in a payment line ({@code items[].category}); a line kept before categories by its kind. */
    public static PaymentCategory stored(String category, String kind) {
        if (category != null) {
            try {
                return PaymentCategory.valueOf(category);
            } catch (IllegalArgumentException e) {
                // fall through to the kind
            }
        }
        return of(kind, false);
    }
}
