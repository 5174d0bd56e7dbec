package vn.motcua.payment.internal;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import vn.motcua.payment.PaymentStatus;

/**
 * Re-queries the gateways for attempts still open some minutes after their expiry (a lost callback, a citizen who
 * closed the tab): paid ones are settled as if the callback had come, failed and never-paid ones closed; after the
 * cutoff an attempt still pending is closed and reported.
 */
@Component
public class Reconciliation {

    private static final Log log = LogFactory.getLog(Reconciliation.class);
    private static final int BATCH = 200;

    private final PaymentRepository payments;
    private final PaymentService service;
    private final PaymentProperties properties;

    Reconciliation(PaymentRepository payments, PaymentService service, PaymentProperties properties) {
        this.payments = payments;
        this.service = service;
        this.properties = properties;
    }

    /** One pass: what became of each open attempt older than its expiry plus the grace. */
    public Map<PaymentStatus, Integer> run() {
        OffsetDateTime before = service.now().minus(properties.expireAfter()).minus(properties.reconcileAfter());
        List<PaymentRecord> pending = payments.pendingBefore(before, BATCH);
        Map<PaymentStatus, Integer> outcome = new EnumMap<>(PaymentStatus.class);
        for (PaymentRecord r : pending) {
            try {
                outcome.merge(service.reconcile(r), 1, Integer::sum);
            } catch (RuntimeException e) {
                log.error("reconciliation of payment " + r.reference() + " failed", e);
            }
        }
        if (!pending.isEmpty()) {
            log.info("payment reconciliation: " + pending.size() + " open attempts queried: " + outcome);
        }
        return outcome;
    }
}
