package vn.motcua.payment.spi;

import java.time.OffsetDateTime;

/**
 * What a callback says, once its signature is checked.
 *
 * @param signatureValid the signature matched (nothing else is read when false)
 * @param terminal       the merchant code it is for (vnp_TmnCode, MaDoiTac)
 * @param amount         in đồng (VNPay's ×100 undone); null when missing or not a whole number of đồng
 * @param outcome        what happened to the payment
 * @param responseCode   the gateway's code as sent
 */
public record CallbackData(boolean signatureValid, String terminal, String reference, Long amount,
                           GatewayResult.Outcome outcome, String gatewayTxnNo, String bankCode, String responseCode,
                           OffsetDateTime paidAt) {

    public static CallbackData forged() {
        return new CallbackData(false, null, null, null, null, null, null, null, null);
    }
}
