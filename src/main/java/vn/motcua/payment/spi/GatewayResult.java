package vn.motcua.payment.spi;

import java.time.OffsetDateTime;

/**
 * A gateway's answer to a query or a refund.
 *
 * @param outcome      PAID, FAILED, PENDING (not known yet), NOT_FOUND (never reached the gateway), REFUNDED,
 *                     REFUND_PENDING, REFUSED (a refund not accepted)
 * @param amount       in đồng, when the gateway says
 * @param responseCode the gateway's code as sent
 */
public record GatewayResult(Outcome outcome, Long amount, String gatewayTxnNo, String bankCode, String responseCode,
                            String message, OffsetDateTime paidAt) {

    /** Where a transaction stands at the gateway. */
    public enum Outcome {
        PAID,
        FAILED,
        PENDING,
        NOT_FOUND,
        REFUNDED,
        REFUND_PENDING,
        REFUSED
    }
}
