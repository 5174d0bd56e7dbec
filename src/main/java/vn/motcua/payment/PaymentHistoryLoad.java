package vn.motcua.payment;

import java.time.OffsetDateTime;
import java.util.List;
import vn.motcua.catalog.FeeQuote;

/**
 * Loads past payments in bulk (the demo's history): the rows the real flow would have written — the attempts with
 * their states, references and gateway facts, the e-receipts one per category numbered in the agencies' series —
 * straight into the payment module's tables in one transaction, without outbox events (history is not re-announced);
 * afterwards every {@link vn.motcua.platform.BulkLoadListener} rebuilds what it derives (the 766 index recounts its
 * payments from {@link PaymentFacts}, the same facts live payments give). The amount of a payment is the sum of the
 * catalogue's lines given, sorted into phí / lệ phí by the module's own policy; a dossier that already has a payment
 * is left alone.
 */
public interface PaymentHistoryLoad {

    /**
     * Runs a load. With a {@code marker} (a demo_data_loaded name) it is skipped when recorded, and recorded in the
     * same transaction: a second start does not duplicate, a load cut short is redone whole. {@code payments} is
     * asked only when the load is not skipped.
     */
    Report load(String marker, long seed, java.util.function.Supplier<List<PastPayment>> payments);

    /**
     * The attempts that took the fee of these dossiers (paid, whether refunded since or not), for the dossiers'
     * histories to tell them.
     */
    List<Taken> taken(java.util.Collection<Long> dossierIds);

    /**
     * An attempt that took a dossier's fee.
     *
     * @param method    ONLINE or CASH
     * @param paidAt    when the money moved
     * @param settledAt when this system recorded it (the dossier's confirmation)
     */
    record Taken(long dossierId, String reference, String gateway, String method, long amount, OffsetDateTime paidAt,
                 OffsetDateTime settledAt) {
    }

    /**
     * What one dossier paid: the catalogue's lines (each with its kind {@code phi} / {@code le_phi}) and its attempts
     * in time order; at most one attempt took the money.
     */
    record PastPayment(long dossierId, String dossierCode, String agencyCode, String procedureCode,
                       String procedureName, String payerName, String payerIdNumber, String payerAddress,
                       List<FeeQuote.Item> lines, List<Attempt> attempts) {

        public PastPayment {
            lines = List.copyOf(lines);
            attempts = List.copyOf(attempts);
        }
    }

    /**
     * One attempt.
     *
     * @param gateway     VNPAY, PAYMENT_PLATFORM or CASH
     * @param status      SUCCEEDED, FAILED, EXPIRED, REFUND_REQUESTED or REFUNDED (never INITIATED: history is over)
     * @param startedAt   when the applicant started it (cash: when the officer took it)
     * @param paidAt      when the money moved (paid attempts)
     * @param settledAt   when this system recorded the outcome
     * @param confirmedBy IPN, RETURN, CALLBACK, QUERY or COUNTER
     * @param refund      the refund of a paid attempt (REFUND_REQUESTED, REFUNDED), else null
     */
    record Attempt(String gateway, PaymentStatus status, OffsetDateTime startedAt, OffsetDateTime paidAt,
                   OffsetDateTime settledAt, String bankCode, String responseCode, String confirmedBy,
                   String failureReason, Refund refund) {
    }

    /** A refund: asked with its reason, and done (null: still asked). */
    record Refund(OffsetDateTime requestedAt, String reason, OffsetDateTime refundedAt) {
    }

    /** What was loaded. */
    record Report(boolean skipped, long dossiers, long attempts, long paid, long refunded, long receipts,
                  long millis) {
    }
}
