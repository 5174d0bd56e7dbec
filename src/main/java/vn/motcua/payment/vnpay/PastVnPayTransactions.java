package vn.motcua.payment.vnpay;

import java.util.List;
import vn.motcua.payment.internal.PaymentRecord;

/**
 * The VNPay sandbox's own record of past VNPay attempts (the demo's history): what VNPay would hold for them, so that
 * its {@code querydr} answers a past day's reconciliation as VNPay would. Present only when the sandbox runs.
 */
public interface PastVnPayTransactions {

    /** Records the attempts VNPay's page saw (paid, cancelled; an attempt that expired unseen is unknown to VNPay). */
    void remember(List<PaymentRecord> attempts);
}
