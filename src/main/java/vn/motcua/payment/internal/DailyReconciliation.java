package vn.motcua.payment.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.payment.spi.GatewayResult;
import vn.motcua.payment.spi.GatewayResult.Outcome;
import vn.motcua.payment.spi.GatewayUnavailableException;
import vn.motcua.payment.spi.PaymentGateway;

/**
 * The daily reconciliation for the accountant: every online attempt of a calendar day is asked at its gateway (VNPay
 * {@code querydr}, the platform's {@code QUERY}) and compared with what this system holds — paid or not, the amount to
 * the đồng, refunds. The day's report (totals on both sides and each mismatch) replaces an earlier one of the same day;
 * mismatches are logged at ERROR (the alert). Nothing is changed on the payments: settling a lost callback is the
 * pending re-query's job ({@link Reconciliation}), deciding about a mismatch the accountant's.
 */
@Component
public class DailyReconciliation {

    private static final Log log = LogFactory.getLog(DailyReconciliation.class);
    private static final Set<PaymentStatus> PAID_HERE = EnumSet.of(PaymentStatus.SUCCEEDED,
            PaymentStatus.REFUND_REQUESTED, PaymentStatus.REFUNDED);
    private static final Set<Outcome> PAID_THERE = EnumSet.of(Outcome.PAID, Outcome.REFUNDED, Outcome.REFUND_PENDING);

    private final PaymentRepository payments;
    private final PaymentService service;
    private final List<PaymentGateway> gateways;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final WorkingCalendar calendar;

    DailyReconciliation(PaymentRepository payments, PaymentService service, List<PaymentGateway> gateways,
                        JdbcClient jdbc, TransactionTemplate tx, WorkingCalendar calendar) {
        this.payments = payments;
        this.service = service;
        this.gateways = gateways;
        this.jdbc = jdbc;
        this.tx = tx;
        this.calendar = calendar;
    }

    /** One mismatch. */
    public record Mismatch(UUID paymentId, String reference, String dossierCode, String agencyCode, String kind,
                           String ourStatus, long ourAmount, String gatewayOutcome, Long gatewayAmount,
                           String gatewayTxnNo, String note) {
    }

    /** A day's report for one gateway. */
    public record Report(long id, LocalDate day, String gateway, OffsetDateTime runAt, int checked, int matched,
                         int mismatched, long ourPaidTotal, long gatewayPaidTotal, List<Mismatch> mismatches) {

        /** What this system holds as paid less what the gateway says, in đồng (0: reconciled to the đồng). */
        public long difference() {
            return ourPaidTotal - gatewayPaidTotal;
        }
    }

    /** Yesterday in the calendar's zone, for every enabled gateway (the scheduled task). */
    public List<Report> runYesterday() {
        return run(service.now().atZoneSameInstant(calendar.zone()).toLocalDate().minusDays(1));
    }

    /** The day's reports, one per enabled gateway. */
    public List<Report> run(LocalDate day) {
        List<Report> out = new ArrayList<>();
        for (PaymentGateway g : gateways) {
            if (g.enabled()) {
                out.add(run(day, g));
            }
        }
        return out;
    }

    Report run(LocalDate day, PaymentGateway gateway) {
        ZoneId zone = calendar.zone();
        OffsetDateTime from = day.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        List<PaymentRecord> attempts = payments.ofGatewayBetween(gateway.name(), from, to);
        List<Mismatch> mismatches = new ArrayList<>();
        long ours = 0;
        long theirs = 0;
        for (PaymentRecord r : attempts) {
            boolean paidHere = PAID_HERE.contains(r.status());
            if (paidHere) {
                ours += r.amount();
            }
            GatewayResult g;
            try {
                g = gateway.query(service.order(r));
            } catch (GatewayUnavailableException | ArithmeticException e) {
                mismatches.add(mismatch(r, "QUERY_FAILED", null, e.getMessage()));
                continue;
            }
            boolean paidThere = PAID_THERE.contains(g.outcome());
            if (paidThere) {
                theirs += g.amount() == null ? 0 : g.amount();
            }
            String kind = compare(r, g, paidHere, paidThere);
            if (kind != null) {
                mismatches.add(mismatch(r, kind, g, g.message()));
            }
        }
        int checked = attempts.size();
        long ourTotal = ours;
        long theirTotal = theirs;
        OffsetDateTime now = service.now();
        long id = tx.execute(s -> {
            jdbc.sql("delete from payment_reconciliation where day = :d and gateway = :g").param("d", day)
                    .param("g", gateway.name()).update();
            long rid = jdbc.sql("""
                    insert into payment_reconciliation (day, gateway, run_at, checked, matched, mismatched,
                        our_paid_total, gateway_paid_total)
                    values (:d, :g, :at, :c, :m, :x, :ours, :theirs) returning id""")
                    .param("d", day).param("g", gateway.name()).param("at", now).param("c", checked)
                    .param("m", checked - mismatches.size()).param("x", mismatches.size()).param("ours", ourTotal)
                    .param("theirs", theirTotal).query(Long.class).single();
            for (Mismatch m : mismatches) {
                jdbc.sql("""
                        insert into payment_reconciliation_item (reconciliation_id, payment_id, reference, dossier_code,
                            agency_code, kind, our_status, our_amount, gateway_outcome, gateway_amount, gateway_txn_no,
                            note)
                        values (:rid, :p, :ref, :dossier, :agency, :kind, :status, :amount, :outcome, :gamount,
                            :txn, :note)""")
                        .param("rid", rid).param("p", m.paymentId()).param("ref", m.reference())
                        .param("dossier", m.dossierCode()).param("agency", m.agencyCode()).param("kind", m.kind())
                        .param("status", m.ourStatus()).param("amount", m.ourAmount())
                        .param("outcome", m.gatewayOutcome()).param("gamount", m.gatewayAmount())
                        .param("txn", m.gatewayTxnNo()).param("note", m.note()).update();
            }
            return rid;
        });
        if (!mismatches.isEmpty() || ourTotal != theirTotal) {
            log.error("payment reconciliation " + day + " " + gateway.name() + ": " + mismatches.size()
                    + " mismatches of " + checked + " attempts, " + ourTotal + " đ here, " + theirTotal
                    + " đ at the gateway: the accountant checks the report");
        } else if (checked > 0) {
            log.info("payment reconciliation " + day + " " + gateway.name() + ": " + checked
                    + " attempts reconciled, " + ourTotal + " đ");
        }
        return report(id).orElseThrow();
    }

    /** The kind of mismatch, or null when both sides agree. */
    static String compare(PaymentRecord r, GatewayResult g, boolean paidHere, boolean paidThere) {
        if (r.status() == PaymentStatus.INITIATED) {
            return paidThere ? "PAID_ONLY_AT_GATEWAY" : "PENDING";
        }
        if (paidHere && !paidThere) {
            return g.outcome() == Outcome.PENDING ? "PENDING" : "PAID_ONLY_HERE";
        }
        if (!paidHere && paidThere) {
            return "PAID_ONLY_AT_GATEWAY";
        }
        if (paidHere && g.amount() != null && g.amount() != r.amount()) {
            return "AMOUNT_DIFFERS";
        }
        if (r.status() == PaymentStatus.REFUNDED && g.outcome() == Outcome.PAID) {
            return "REFUND_DIFFERS";
        }
        return null;
    }

    private static Mismatch mismatch(PaymentRecord r, String kind, GatewayResult g, String note) {
        return new Mismatch(r.id(), r.reference(), r.dossierCode(), r.agencyCode(), kind, r.status().name(),
                r.amount(), g == null ? null : g.outcome().name(), g == null ? null : g.amount(),
                g == null ? null : g.gatewayTxnNo(), note);
    }

    /** The kept report of a day and gateway. */
    public Optional<Report> report(LocalDate day, String gateway) {
        return jdbc.sql("select id from payment_reconciliation where day = :d and gateway = :g").param("d", day)
                .param("g", gateway).query(Long.class).optional().flatMap(this::report);
    }

    /** The kept reports, newest day first. */
    public List<Report> recent(int limit) {
        return jdbc.sql("select id from payment_reconciliation order by day desc, gateway limit :n").param("n", limit)
                .query(Long.class).list().stream().map(this::report).flatMap(Optional::stream).toList();
    }

    Optional<Report> report(long id) {
        List<Mismatch> items = jdbc.sql("""
                select payment_id, reference, dossier_code, agency_code, kind, our_status, our_amount, gateway_outcome,
                    gateway_amount, gateway_txn_no, note
                from payment_reconciliation_item where reconciliation_id = :id order by id""").param("id", id)
                .query((rs, i) -> new Mismatch(rs.getObject("payment_id", UUID.class), rs.getString("reference"),
                        rs.getString("dossier_code"), rs.getString("agency_code"), rs.getString("kind"),
                        rs.getString("our_status"), rs.getLong("our_amount"), rs.getString("gateway_outcome"),
                        (Long) rs.getObject("gateway_amount"), rs.getString("gateway_txn_no"), rs.getString("note")))
                .list();
        return jdbc.sql("""
                select id, day, gateway, run_at, checked, matched, mismatched, our_paid_total, gateway_paid_total
                from payment_reconciliation where id = :id""").param("id", id)
                .query((rs, i) -> new Report(rs.getLong("id"), rs.getObject("day", LocalDate.class),
                        rs.getString("gateway"), rs.getObject("run_at", OffsetDateTime.class), rs.getInt("checked"),
                        rs.getInt("matched"), rs.getInt("mismatched"), rs.getLong("our_paid_total"),
                        rs.getLong("gateway_paid_total"), items)).optional();
    }
}
