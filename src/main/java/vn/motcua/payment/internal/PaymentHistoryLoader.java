package vn.motcua.payment.internal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.FeeQuote;
import vn.motcua.payment.PaymentHistoryLoad;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.payment.receipt.EReceipts;
import vn.motcua.payment.vnpay.PastVnPayTransactions;
import vn.motcua.platform.BulkLoadListener;

/**
 * {@link PaymentHistoryLoad}: one transaction, batched inserts into {@code payment_transaction} (the same columns and
 * states the live flow writes), the e-receipts through {@link EReceipts#issueAll} (the receipts' own numbering and
 * XML), the VNPay sandbox's own record of the VNPay attempts when the sandbox runs (so that its {@code querydr}
 * answers the daily reconciliation of a past day as VNPay would), then the bulk-load listeners (the 766 index
 * recount reads the payments through {@link vn.motcua.payment.PaymentFacts}). Nothing in the outbox.
 */
@Component
class PaymentHistoryLoader implements PaymentHistoryLoad {

    private static final DateTimeFormatter REF_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss");
    private static final Set<PaymentStatus> ENDS = java.util.EnumSet.of(PaymentStatus.SUCCEEDED, PaymentStatus.FAILED,
            PaymentStatus.EXPIRED, PaymentStatus.REFUND_REQUESTED, PaymentStatus.REFUNDED);
    private static final Set<String> GATEWAYS = Set.of("VNPAY", "PAYMENT_PLATFORM", PaymentService.CASH);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final EReceipts receipts;
    private final JsonMapper json;
    private final ZoneId zone;
    private final ObjectProvider<PastVnPayTransactions> sandbox;
    private final ObjectProvider<BulkLoadListener> listeners;

    PaymentHistoryLoader(JdbcTemplate jdbc, TransactionTemplate tx, EReceipts receipts, JsonMapper json, ZoneId zone,
                         ObjectProvider<PastVnPayTransactions> sandbox, ObjectProvider<BulkLoadListener> listeners) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.receipts = receipts;
        this.json = json;
        this.zone = zone;
        this.sandbox = sandbox;
        this.listeners = listeners;
    }

    @Override
    public Report load(String marker, long seed, java.util.function.Supplier<List<PastPayment>> planned) {
        long t0 = System.nanoTime();
        Report report = tx.execute(s -> {
            if (marker != null && !claim(marker)) {
                return null;
            }
            List<PastPayment> payments = planned.get();
            Report r = write(seed, payments);
            if (marker != null) {
                jdbc.update("insert into demo_data_loaded (name, fingerprint) values (?, ?) on conflict (name) do nothing",
                        marker, payments.size() + "@" + seed);
            }
            return r;
        });
        if (report == null) {
            return new Report(true, 0, 0, 0, 0, 0, 0);
        }
        // the planner learns the new volume now, not at autovacuum's next pass
        jdbc.execute("analyze payment_transaction");
        jdbc.execute("analyze payment_e_receipt");
        for (BulkLoadListener l : listeners.orderedStream().toList()) {
            l.afterBulkLoad();
        }
        return new Report(false, report.dossiers(), report.attempts(), report.paid(), report.refunded(),
                report.receipts(), (System.nanoTime() - t0) / 1_000_000);
    }

    @Override
    public List<Taken> taken(java.util.Collection<Long> dossierIds) {
        if (dossierIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select dossier_id, reference, gateway, method, amount, paid_at, settled_at from payment_transaction
                where dossier_id = any(?) and paid_at is not null order by dossier_id, settled_at""",
                (rs, i) -> new Taken(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class)),
                (Object) dossierIds.toArray(Long[]::new));
    }

    /** The marker is taken (advisory lock of the transaction, as the dossier bulk load) and not yet recorded. */
    private boolean claim(String marker) {
        Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(hashtext(?))", Boolean.class,
                "demo:" + marker);
        return Boolean.TRUE.equals(locked) && jdbc.queryForList(
                "select 1 from demo_data_loaded where name = ?", Integer.class, marker).isEmpty();
    }

    private Report write(long seed, List<PastPayment> payments) {
        Set<Long> already = new HashSet<>(jdbc.queryForList(
                "select distinct dossier_id from payment_transaction", Long.class));
        SplittableRandom rnd = new SplittableRandom(seed);
        Set<String> references = new HashSet<>();
        Set<Long> vnpayNumbers = new HashSet<>();
        List<Object[]> rows = new ArrayList<>();
        List<PaymentRecord> paid = new ArrayList<>();
        List<PaymentRecord> vnpay = new ArrayList<>();
        long dossiers = 0;
        long refunded = 0;
        for (PastPayment p : payments) {
            if (!already.add(p.dossierId()) || p.attempts().isEmpty()) {
                continue;
            }
            long amount = p.lines().stream().mapToLong(i -> i.amount() == null ? 0 : i.amount()).sum();
            if (amount <= 0 || p.lines().stream().anyMatch(i -> i.amount() == null)) {
                throw new IllegalArgumentException("dossier " + p.dossierCode() + ": the catalogue's lines have no "
                        + "complete amount");
            }
            var items = json.valueToTree(lines(p.lines()));
            int paidAttempts = 0;
            dossiers++;
            for (Attempt a : p.attempts()) {
                check(p, a);
                paidAttempts += a.paidAt() != null ? 1 : 0;
                boolean cash = PaymentService.CASH.equals(a.gateway());
                String reference;
                do {
                    reference = "MC" + a.startedAt().atZoneSameInstant(zone).format(REF_TIME)
                            + String.format("%06d", rnd.nextInt(1_000_000));
                } while (!references.add(reference));
                String txnNo = null;
                // VNPay numbers every transaction its page saw (paid or cancelled); the platform gives its MaGiaoDich
                // with the money
                if ("VNPAY".equals(a.gateway()) && a.status() != PaymentStatus.EXPIRED
                        || "PAYMENT_PLATFORM".equals(a.gateway()) && a.paidAt() != null) {
                    if ("VNPAY".equals(a.gateway())) {
                        long n;
                        do {
                            // below the sandbox's live numbers (14,000,000–93,999,999): never the same
                            n = 10_000_000 + rnd.nextInt(4_000_000);
                        } while (!vnpayNumbers.add(n));
                        txnNo = Long.toString(n);
                    } else {
                        txnNo = "GD" + a.paidAt().atZoneSameInstant(zone).format(REF_TIME)
                                + String.format("%06d", rnd.nextInt(1_000_000));
                    }
                }
                Refund refund = a.refund();
                PaymentRecord r = new PaymentRecord(UUID.nameUUIDFromBytes(("payment-history:" + reference)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)), reference, p.dossierId(), p.dossierCode(),
                        p.agencyCode(), p.procedureCode(), p.procedureName(), null, p.payerName(), p.payerIdNumber(),
                        p.payerAddress(), a.gateway(), cash ? "CASH" : "ONLINE", amount, items, a.status(), null, null,
                        null, a.startedAt(), cash ? a.startedAt() : a.startedAt().plusMinutes(15), a.settledAt(),
                        a.paidAt(), txnNo, a.bankCode(), a.responseCode(), a.failureReason(), a.confirmedBy(),
                        a.paidAt() != null, refund == null ? null : refund.requestedAt(),
                        refund == null ? null : refund.reason(), refund == null ? null : refund.refundedAt(), null, 0,
                        version(a.status()));
                rows.add(new Object[] {r.id(), r.reference(), r.dossierId(), r.dossierCode(), r.agencyCode(),
                        r.procedureCode(), r.procedureName(), r.payerName(), r.payerIdNumber(), r.payerAddress(),
                        r.gateway(), r.method(), r.amount(), items.toString(), r.status().name(), r.createdAt(),
                        r.expiresAt(), r.settledAt(), r.paidAt(), r.gatewayTxnNo(), r.bankCode(), r.responseCode(),
                        r.failureReason(), r.confirmedBy(), r.dossierTaken(), r.refundRequestedAt(), r.refundReason(),
                        r.refundedAt(), r.version(), last(r)});
                if (r.paidAt() != null) {
                    paid.add(r);
                }
                if (r.status() == PaymentStatus.REFUNDED) {
                    refunded++;
                }
                if ("VNPAY".equals(r.gateway())) {
                    vnpay.add(r);
                }
            }
            if (paidAttempts > 1) {
                throw new IllegalArgumentException("dossier " + p.dossierCode() + ": more than one attempt took its fee");
            }
        }
        for (int from = 0; from < rows.size(); from += 2000) {
            jdbc.batchUpdate("""
                    insert into payment_transaction (id, reference, dossier_id, dossier_code, agency_code,
                        procedure_code, procedure_name, payer_name, payer_id_number, payer_address, gateway, method,
                        amount, items, status, created_at, expires_at, settled_at, paid_at, gateway_txn_no, bank_code,
                        response_code, failure_reason, confirmed_by, dossier_taken, refund_requested_at, refund_reason,
                        refunded_at, version, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                        ?, ?, ?, ?)""", rows.subList(from, Math.min(rows.size(), from + 2000)));
        }
        long issued = receipts.issueAll(paid);
        PastVnPayTransactions past = sandbox.getIfAvailable();
        if (past != null) {
            past.remember(vnpay);
        }
        return new Report(false, dossiers, rows.size(), paid.size(), refunded, issued, 0);
    }

    /** The row's version after the turns the live flow makes: settled 1, refund asked 2, refunded 3. */
    private static int version(PaymentStatus status) {
        return status == PaymentStatus.REFUNDED ? 3 : status == PaymentStatus.REFUND_REQUESTED ? 2 : 1;
    }

    /** The last change of the row (its updated_at). */
    private static OffsetDateTime last(PaymentRecord r) {
        return r.refundedAt() != null ? r.refundedAt() : r.refundRequestedAt() != null ? r.refundRequestedAt()
                : r.settledAt();
    }

    private static void check(PastPayment p, Attempt a) {
        String where = "dossier " + p.dossierCode() + ": ";
        if (!GATEWAYS.contains(a.gateway())) {
            throw new IllegalArgumentException(where + "unknown gateway " + a.gateway());
        }
        if (a.status() == null || !ENDS.contains(a.status())) {
            throw new IllegalArgumentException(where + "a past attempt is settled, not " + a.status());
        }
        boolean paid = a.status() == PaymentStatus.SUCCEEDED || a.status() == PaymentStatus.REFUND_REQUESTED
                || a.status() == PaymentStatus.REFUNDED;
        if (paid != (a.paidAt() != null) || a.startedAt() == null || a.settledAt() == null
                || a.settledAt().isBefore(a.startedAt())) {
            throw new IllegalArgumentException(where + "the attempt's moments do not fit its status " + a.status());
        }
        if (PaymentService.CASH.equals(a.gateway()) && !paid) {
            throw new IllegalArgumentException(where + "cash is recorded when taken: it cannot fail");
        }
        boolean refund = a.status() == PaymentStatus.REFUND_REQUESTED || a.status() == PaymentStatus.REFUNDED;
        if (refund != (a.refund() != null) || refund && (a.status() == PaymentStatus.REFUNDED)
                != (a.refund().refundedAt() != null)) {
            throw new IllegalArgumentException(where + "the refund does not fit the status " + a.status());
        }
    }

    /** The catalogue's lines as a payment keeps them (as a live attempt of the whole fee does). */
    private static List<Map<String, Object>> lines(List<FeeQuote.Item> lines) {
        return lines.stream().map(i -> PaymentService.line(i, false)).toList();
    }
}
