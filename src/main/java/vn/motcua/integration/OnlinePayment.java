package vn.motcua.integration;

import java.time.OffsetDateTime;

/**
 * A fee paid online for a dossier, as the payment gateway confirmed it: what makes the national portal's
 * {@code DuocThanhToanTrucTuyen} (DOMAIN.md §3.1, 766 indicator 3.6). An officer's "paid" confirmation at the counter
 * is not one.
 *
 * @param gateway       where it was paid
 * @param transactionId the gateway's transaction reference
 * @param amount        in đồng
 */
public record OnlinePayment(Gateway gateway, String transactionId, long amount, OffsetDateTime paidAt) {

    /** DuocThanhToanTrucTuyen: 1 paid on the national portal's payment platform, 2 on the provincial gateway. */
    public enum Gateway {
        NATIONAL_PORTAL(1), PROVINCIAL_GATEWAY(2);

        private final int code;

        Gateway(int code) {
            this.code = code;
        }

        public int nationalCode() {
            return code;
        }
    }
}
