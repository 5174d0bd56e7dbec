package vn.motcua.index766.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import vn.motcua.payment.PaymentFacts;
import vn.motcua.payment.PaymentSettled;
import vn.motcua.payment.PaymentStatus;

/**
 * The index's own record of real online payments ({@code index766_payment}, V32): which dossiers have money taken by
 * a gateway and not returned. Fed by the payment module's {@link PaymentSettled} events (a SUCCEEDED online payment
 * is added, a REFUNDED one marked), rebuilt by the recount from {@link PaymentFacts}. Cash never enters it. The
 * rule "paid online" is the one the national sync sends as {@code DuocThanhToanTrucTuyen} (docs/PAYMENTS.md).
 */
@Component
public class PaidOnlineStore {

    private static final Log log = LogFactory.getLog(PaidOnlineStore.class);

    private final JdbcTemplate jdbc;
    private final PaymentFacts payments;

    PaidOnlineStore(JdbcTemplate jdbc, PaymentFacts payments) {
        this.jdbc = jdbc;
        this.payments = payments;
    }

    /** Records settlements (in the caller's transaction); returns the dossiers whose state may have changed. */
    public Set<Long> record(List<PaymentSettled> events) {
        Set<Long> touched = new HashSet<>();
        for (PaymentSettled e : events) {
            if (!"ONLINE".equals(e.method()) || e.paymentId() == null) {
                continue;
            }
            if (e.dossierId() <= 0) {
                log.warn("index766: payment " + e.reference() + " without its dossier id; counted at the next recount");
                continue;
            }
            if (e.status() == PaymentStatus.SUCCEEDED) {
                jdbc.update("insert into index766_payment (payment_id, dossier_id, gateway) values (?, ?, ?) "
                        + "on conflict (payment_id) do nothing", e.paymentId(), e.dossierId(), e.gateway());
                touched.add(e.dossierId());
            } else if (e.status() == PaymentStatus.REFUNDED) {
                // a refund may arrive for a payment recorded before this table existed: keep it, refunded
                jdbc.update("insert into index766_payment (payment_id, dossier_id, gateway, refunded) values (?, ?, ?, true) "
                        + "on conflict (payment_id) do update set refunded = true, updated_at = now()",
                        e.paymentId(), e.dossierId(), e.gateway());
                touched.add(e.dossierId());
            }
        }
        return touched;
    }

    /** Of these dossiers, those with an online payment held. */
    public Set<Long> paidOnline(Collection<Long> dossierIds) {
        Set<Long> out = new HashSet<>();
        if (dossierIds.isEmpty()) {
            return out;
        }
        jdbc.query("select distinct dossier_id from index766_payment where not refunded and dossier_id = any(?)",
                (RowCallbackHandler) rs -> out.add(rs.getLong(1)), (Object) dossierIds.toArray(Long[]::new));
        return out;
    }

    /**
     * For the recount (in its transaction): empties the table, refills it from the payment module's facts and returns
     * the sorted ids of the dossiers paid online (8 bytes a dossier; binary search with {@link #contains}).
     */
    long[] rebuild() {
        jdbc.execute("truncate index766_payment");
        List<Object[]> rows = new ArrayList<>();
        long[][] ids = {new long[1024]};
        int[] n = {0};
        payments.forEachPaidOnline(p -> {
            rows.add(new Object[] {p.paymentId(), p.dossierId(), p.gateway()});
            if (rows.size() == 5000) {
                flush(rows);
            }
            if (n[0] == ids[0].length) {
                ids[0] = Arrays.copyOf(ids[0], n[0] * 2);
            }
            ids[0][n[0]++] = p.dossierId();
        });
        flush(rows);
        long[] sorted = Arrays.copyOf(ids[0], n[0]);
        Arrays.sort(sorted);
        return sorted;
    }

    static boolean contains(long[] sorted, long id) {
        return Arrays.binarySearch(sorted, id) >= 0;
    }

    private void flush(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into index766_payment (payment_id, dossier_id, gateway) values (?, ?, ?) "
                    + "on conflict (payment_id) do nothing", rows);
            rows.clear();
        }
    }
}
