package vn.motcua.payment;

/**
 * What a line of a payment is, for the revenue reports and the receipts. The rule that sorts a line into one of them
 * is {@link vn.motcua.payment.internal.PaymentCategories} (legal basis there).
 */
public enum PaymentCategory {
    /** phí: pays for a public service (Law on Fees and Charges 97/2015/QH13 Art. 3.1) */
    PHI,
    /** lệ phí: fixed for a State management service (Law 97/2015/QH13 Art. 3.2) */
    LE_PHI,
    /** nghĩa vụ tài chính khác: an amount an officer asked for that the catalogue does not quote (e.g. a tax) */
    NGHIA_VU_TAI_CHINH;

    /** The lowercase key of the catalogue / the receipts ({@code phi}, {@code le_phi}, {@code nghia_vu_tai_chinh}). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
