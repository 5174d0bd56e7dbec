package vn.motcua.payment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.NonNull;
import vn.motcua.payment.PaymentStatus;

/**
 * The JSON the payment endpoints answer (written by {@link PaymentViews} and {@link PaymentApi}), for the OpenAPI
 * description: the response validation of the integration tests checks every real answer against these
 * (docs/API-CONVENTIONS.md). Reference fields may be null unless {@code @NonNull}.
 */
final class PaymentSchemas {

    private PaymentSchemas() {
    }

    @Schema(name = "Payment", description = "A payment attempt: online through a gateway, or cash at the counter")
    record Payment(@NonNull @Schema(format = "uuid") String paymentId,
                   @NonNull @Schema(description = "the merchant reference sent to the gateway") String reference,
                   @NonNull String dossierCode, @Schema(description = "đồng") long amount,
                   @NonNull PaymentStatus status,
                   @NonNull @Schema(description = "VNPAY, PAYMENT_PLATFORM or CASH") String channel,
                   @NonNull @Schema(allowableValues = {"ONLINE", "CASH"}) String method,
                   @Schema(description = "where to send the citizen (while INITIATED)") String redirectUrl,
                   @NonNull List<PaymentItem> items, @NonNull OffsetDateTime createdAt, OffsetDateTime expiresAt,
                   OffsetDateTime paidAt, String gatewayTransactionNo, String failureReason, int version,
                   @Schema(description = "the (first) electronic receipt, once paid") String receiptUrl,
                   @NonNull @Schema(description = "the electronic receipts once paid: one per category of the lines "
                           + "(phí, lệ phí, other financial obligations)") List<PaymentReceiptLink> receipts) {
    }

    @Schema(name = "PaymentReceiptLink", description = "One electronic receipt of a payment")
    record PaymentReceiptLink(@NonNull @Schema(allowableValues = {"PHI", "LE_PHI", "NGHIA_VU_TAI_CHINH"})
                              String category, @NonNull String url) {
    }

    @Schema(name = "PaymentItem", description = "A line paid: phí or lệ phí, as the catalogue quoted it")
    record PaymentItem(String name, @Schema(allowableValues = {"phi", "le_phi"}) String kind,
                       @Schema(allowableValues = {"PHI", "LE_PHI", "NGHIA_VU_TAI_CHINH"}, description = "the receipt "
                               + "and report category (docs/PAYMENTS.md \"Categories\")") String category,
                       int quantity, Long unitAmount, long amount) {
    }

    @Schema(name = "PaymentFeeItem", description = "A line of the fee the catalogue quoted for the dossier")
    record FeeItem(String name, Long amount, String condition, int quantity, Long unitAmount,
                   @Schema(allowableValues = {"phi", "le_phi"}) String kind) {
    }

    @Schema(name = "PaymentFee", description = "What the dossier owes according to the catalogue")
    record Fee(long total, boolean complete, @NonNull List<FeeItem> items) {
    }

    @Schema(name = "DossierPayments", description = "A dossier's payment attempts and what it owes")
    record DossierPayments(@NonNull List<Payment> items, int total, @NonNull Fee fee,
                           @Schema(description = "đồng paid") long paid, @Schema(description = "đồng still due") long due,
                           @NonNull @Schema(description = "the online channels that can be chosen now")
                           List<String> channels) {
    }
}
