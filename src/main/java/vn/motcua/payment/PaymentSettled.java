package vn.motcua.payment;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import vn.motcua.platform.outbox.OutboxEvent;

/**
 * The event of a payment attempt reaching an end ({@value #TYPE} in the outbox, in the transaction of the change):
 * SUCCEEDED, FAILED, EXPIRED, REFUNDED. The 766 index counts real payments from it (indicators 3.5b and 3.6).
 *
 * @param dossierId the dossier's id (0 in events written before it was carried: use the code)
 * @param gateway   VNPAY, PAYMENT_PLATFORM or CASH
 * @param method    ONLINE or CASH
 */
public record PaymentSettled(String paymentId, String reference, long dossierId, String dossierCode, String procedureCode,
                             String agencyCode, String gateway, String method, long amount, PaymentStatus status,
                             OffsetDateTime at) {

    /** The outbox event type. */
    public static final String TYPE = "payment.settled";

    /** The event of an outbox row, if it is one. */
    public static Optional<PaymentSettled> of(OutboxEvent e) {
        if (!TYPE.equals(e.type()) || e.payload() == null) {
            return Optional.empty();
        }
        JsonNode p = e.payload();
        PaymentStatus status;
        try {
            status = PaymentStatus.valueOf(p.path("status").asString(""));
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
        String at = p.path("at").asString(null);
        return Optional.of(new PaymentSettled(p.path("paymentId").asString(null), p.path("reference").asString(null),
                p.path("dossierId").asLong(0), p.path("dossierCode").asString(null), p.path("procedureCode").asString(null),
                p.path("agencyCode").asString(null), p.path("gateway").asString(null), p.path("method").asString(null),
                p.path("amount").asLong(0), status, at == null ? null : OffsetDateTime.parse(at)));
    }

    /** The outbox payload. */
    public Map<String, Object> toPayload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("paymentId", paymentId);
        p.put("reference", reference);
        p.put("dossierId", dossierId);
        p.put("dossierCode", dossierCode);
        p.put("procedureCode", procedureCode);
        p.put("agencyCode", agencyCode);
        p.put("gateway", gateway);
        p.put("method", method);
        p.put("amount", amount);
        p.put("status", status.name());
        p.put("at", at == null ? null : at.toString());
        return p;
    }
}
