package vn.motcua.payment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.NonNull;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.payment.spi.GatewayResult;

/**
 * The JSON the accountant's API answers ({@link AccountingApi}, built as maps from {@link PaymentViews}), for the
 * OpenAPI description: the response validation of the integration tests checks every real answer against these
 * (docs/API-CONVENTIONS.md). Reference fields may be null unless {@code @NonNull}. The payment fields repeat
 * {@link PaymentSchemas.Payment}'s: a field added there (and to {@link PaymentViews}) is added here too.
 */
final class AccountingSchemas {

    private AccountingSchemas() {
    }

    @Schema(name = "LedgerPayment", description = "A payment attempt as the accountant sees it: the Payment fields "
            + "with the agency, the payer and the refund's reason")
    record LedgerPayment(@NonNull @Schema(format = "uuid") String paymentId, @NonNull String reference,
                         @NonNull String dossierCode, @Schema(description = "đồng") long amount,
                         @NonNull PaymentStatus status,
                         @NonNull @Schema(allowableValues = {"VNPAY", "PAYMENT_PLATFORM", "CASH"}) String channel,
                         @NonNull @Schema(allowableValues = {"ONLINE", "CASH"}) String method, String redirectUrl,
                         @NonNull List<PaymentSchemas.PaymentItem> items, @NonNull OffsetDateTime createdAt,
                         OffsetDateTime expiresAt, OffsetDateTime paidAt, String gatewayTransactionNo,
                         String failureReason, int version, String receiptUrl,
                         @NonNull List<PaymentSchemas.PaymentReceiptLink> receipts,
                         String agencyCode, String payerName,
                         @Schema(description = "why it was refunded (null unless a refund was asked)")
                         String refundReason) {
    }

    @Schema(name = "LedgerTotals", description = "Totals of a group (a day, agency and channel) or of everything "
            + "(date, agencyCode and channel null)")
    record LedgerTotals(LocalDate date, String agencyCode,
                        @Schema(allowableValues = {"VNPAY", "PAYMENT_PLATFORM", "CASH"}) String channel, int attempts,
                        int paid, @Schema(description = "đồng") long paidAmount, int refunded,
                        @Schema(description = "đồng") long refundedAmount,
                        @Schema(description = "paid (refunded included) of the attempts, percent; null when none")
                        Double successRate) {
    }

    @Schema(name = "Ledger", description = "The payment attempts of a period with totals by day, agency and channel")
    record Ledger(@NonNull LocalDate from, @NonNull LocalDate to,
                  @Schema(description = "the agency (always the accountant's own for an agency's accountant)")
                  String agency, @Schema(allowableValues = {"VNPAY", "PAYMENT_PLATFORM", "CASH"}) String channel,
                  @NonNull List<LedgerPayment> items, @NonNull List<LedgerTotals> groups,
                  @NonNull LedgerTotals total) {
    }

    @Schema(name = "RefundedPayment", description = "The payment attempt after the refund was recorded (REFUNDED, or "
            + "REFUND_REQUESTED while the gateway has not confirmed it), with its reason")
    record RefundedPayment(@NonNull @Schema(format = "uuid") String paymentId, @NonNull String reference,
                           @NonNull String dossierCode, @Schema(description = "đồng") long amount,
                           @NonNull PaymentStatus status,
                           @NonNull @Schema(allowableValues = {"VNPAY", "PAYMENT_PLATFORM", "CASH"}) String channel,
                           @NonNull @Schema(allowableValues = {"ONLINE", "CASH"}) String method, String redirectUrl,
                           @NonNull List<PaymentSchemas.PaymentItem> items, @NonNull OffsetDateTime createdAt,
                           OffsetDateTime expiresAt, OffsetDateTime paidAt, String gatewayTransactionNo,
                           String failureReason, int version, String receiptUrl,
                           @NonNull List<PaymentSchemas.PaymentReceiptLink> receipts, String refundReason) {
    }

    @Schema(name = "ReconciliationMismatch", description = "An attempt on which this system and the gateway disagree")
    record Mismatch(@NonNull @Schema(format = "uuid") String paymentId, @NonNull String reference, String dossierCode,
                    String agencyCode,
                    @NonNull @Schema(allowableValues = {"QUERY_FAILED", "PENDING", "PAID_ONLY_HERE",
                            "PAID_ONLY_AT_GATEWAY", "AMOUNT_DIFFERS", "REFUND_DIFFERS"}) String kind,
                    @NonNull PaymentStatus ourStatus, @Schema(description = "đồng") long ourAmount,
                    @Schema(description = "null when the gateway could not be asked")
                    GatewayResult.Outcome gatewayOutcome,
                    Long gatewayAmount, String gatewayTransactionNo, String note) {
    }

    @Schema(name = "ReconciliationReport", description = "A day's reconciliation with one gateway: totals here and "
            + "there (đồng), and each mismatch the caller may see")
    record Report(@NonNull LocalDate date, @NonNull String gateway, @NonNull OffsetDateTime runAt, int checked,
                  int matched, int mismatched, long ourPaidTotal, long gatewayPaidTotal,
                  @Schema(description = "ourPaidTotal − gatewayPaidTotal (0: reconciled to the đồng)") long difference,
                  @NonNull List<Mismatch> mismatches) {
    }

    @Schema(name = "Reconciliations", description = "The reconciliation reports of a day, one per gateway")
    record Reconciliations(@NonNull LocalDate date, @NonNull List<Report> items) {
    }
}
