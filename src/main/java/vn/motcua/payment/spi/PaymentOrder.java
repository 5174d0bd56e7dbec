package vn.motcua.payment.spi;

import java.time.OffsetDateTime;

/**
 * A payment attempt as a gateway needs it.
 *
 * @param reference    the merchant reference (vnp_TxnRef, MaThamChieu): unique
 * @param amount       in đồng
 * @param orderInfo    what is paid, in words (an adapter strips what its gateway does not accept)
 * @param createdAt    when the attempt started (vnp_CreateDate, and vnp_TransactionDate of a query)
 * @param expiresAt    after this the gateway must not accept the payment (vnp_ExpireDate)
 * @param clientIp     the citizen's address
 * @param returnUrl    where the gateway sends the browser back
 * @param gatewayTxnNo the gateway's own number, once known
 * @param payer        who pays (the national platform's receipt data)
 */
public record PaymentOrder(String reference, long amount, String orderInfo, OffsetDateTime createdAt,
                           OffsetDateTime expiresAt, String clientIp, String returnUrl, String gatewayTxnNo,
                           Payer payer) {

    /** Who pays and for what (the national platform sends it for the receipt). */
    public record Payer(String name, String idNumber, String address, String dossierCode, String procedureCode,
                        String procedureName, String agencyCode, String agencyName) {
    }
}
