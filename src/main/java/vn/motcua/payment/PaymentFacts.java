package vn.motcua.payment;

import java.util.function.Consumer;

/**
 * The payment module's facts for other modules that rebuild their own state (the 766 index's recount), without
 * reading the payment tables: the online payments whose money is held — confirmed by a gateway (VNPay, the national
 * payment platform), not refunded; cash never. Live changes come as {@link PaymentSettled} events.
 */
public interface PaymentFacts {

    /** An online payment whose money is held for a dossier. */
    record PaidOnline(String paymentId, long dossierId, String gateway) {
    }

    /** Every online payment held (SUCCEEDED or REFUND_REQUESTED), streamed (call inside a transaction). */
    void forEachPaidOnline(Consumer<PaidOnline> each);
}
