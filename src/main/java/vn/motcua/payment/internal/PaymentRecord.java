package vn.motcua.payment.internal;

import java.time.OffsetDateTime;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import vn.motcua.payment.PaymentStatus;

/** One row of {@code payment_transaction}: one attempt to pay what a dossier owes through one channel. */
public record PaymentRecord(UUID id, String reference, long dossierId, String dossierCode, String agencyCode,
                            String procedureCode, String procedureName, Long payerAccountId, String payerName,
                            String payerIdNumber, String payerAddress, String gateway, String method, long amount,
                            JsonNode items, PaymentStatus status, String redirectUrl, String clientIp, Long createdBy,
                            OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime settledAt,
                            OffsetDateTime paidAt, String gatewayTxnNo, String bankCode, String responseCode,
                            String failureReason, String confirmedBy, boolean dossierTaken,
                            OffsetDateTime refundRequestedAt, String refundReason, OffsetDateTime refundedAt,
                            OffsetDateTime lastQueryAt, int queryCount, int version) {

    public boolean cash() {
        return "CASH".equals(method);
    }
}
