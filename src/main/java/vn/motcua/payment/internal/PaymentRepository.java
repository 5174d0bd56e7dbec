package vn.motcua.payment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.payment.PaymentStatus;

/** The payment module's tables; every change of a transaction checks the version and the status it read. */
@Repository
public class PaymentRepository {

    private static final String COLUMNS = """
            id, reference, dossier_id, dossier_code, agency_code, procedure_code, procedure_name, payer_account_id,
            payer_name, payer_id_number, payer_address, gateway, method, amount, items::text as items, status,
            redirect_url, client_ip, created_by, created_at, expires_at, settled_at, paid_at, gateway_txn_no,
            bank_code, response_code, failure_reason, confirmed_by, dossier_taken, refund_requested_at, refund_reason,
            refunded_at, last_query_at, query_count, version""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PaymentRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A new attempt; false when the dossier already has one open (the unique index decides, not a read). */
    boolean insert(PaymentRecord r) {
        int n = jdbc.sql("""
                insert into payment_transaction (id, reference, dossier_id, dossier_code, agency_code, procedure_code,
                    procedure_name, payer_account_id, payer_name, payer_id_number, payer_address, gateway, method,
                    amount, items, status, client_ip, created_by, created_at, expires_at, settled_at, paid_at,
                    confirmed_by)
                values (:id, :reference, :dossierId, :dossierCode, :agencyCode, :procedureCode, :procedureName,
                    :payerAccountId, :payerName, :payerIdNumber, :payerAddress, :gateway, :method, :amount,
                    cast(:items as jsonb), :status, :clientIp, :createdBy, :createdAt, :expiresAt, :settledAt, :paidAt,
                    :confirmedBy)
                on conflict do nothing""")
                .param("id", r.id()).param("reference", r.reference()).param("dossierId", r.dossierId())
                .param("dossierCode", r.dossierCode()).param("agencyCode", r.agencyCode())
                .param("procedureCode", r.procedureCode()).param("procedureName", r.procedureName())
                .param("payerAccountId", r.payerAccountId()).param("payerName", r.payerName())
                .param("payerIdNumber", r.payerIdNumber()).param("payerAddress", r.payerAddress())
                .param("gateway", r.gateway()).param("method", r.method()).param("amount", r.amount())
                .param("items", json.writeValueAsString(r.items())).param("status", r.status().name())
                .param("clientIp", r.clientIp()).param("createdBy", r.createdBy()).param("createdAt", r.createdAt())
                .param("expiresAt", r.expiresAt()).param("settledAt", r.settledAt()).param("paidAt", r.paidAt())
                .param("confirmedBy", r.confirmedBy())
                .update();
        return n == 1;
    }

    public Optional<PaymentRecord> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from payment_transaction where id = :id").param("id", id)
                .query(this::map).optional();
    }

    public Optional<PaymentRecord> byReference(String reference) {
        return jdbc.sql("select " + COLUMNS + " from payment_transaction where reference = :r").param("r", reference)
                .query(this::map).optional();
    }

    /** Reads and locks the row for the rest of the transaction. */
    Optional<PaymentRecord> lockByReference(String reference) {
        return jdbc.sql("select " + COLUMNS + " from payment_transaction where reference = :r for update")
                .param("r", reference).query(this::map).optional();
    }

    Optional<PaymentRecord> open(long dossierId) {
        return jdbc.sql("select " + COLUMNS + " from payment_transaction where dossier_id = :d and status = 'INITIATED'")
                .param("d", dossierId).query(this::map).optional();
    }

    public List<PaymentRecord> ofDossier(String code) {
        return jdbc.sql("select " + COLUMNS + " from payment_transaction where dossier_code = :c order by created_at, id")
                .param("c", code).query(this::map).list();
    }

    /** What the dossier's successful payments add up to (refunds requested still count until refunded). */
    long paidFor(long dossierId) {
        return jdbc.sql("""
                select coalesce(sum(amount), 0) from payment_transaction
                where dossier_id = :d and status in ('SUCCEEDED', 'REFUND_REQUESTED')""")
                .param("d", dossierId).query(Long.class).single();
    }

    /** Attempts still open that started before {@code before} (the reconciliation's work list). */
    public List<PaymentRecord> pendingBefore(OffsetDateTime before, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from payment_transaction where status = 'INITIATED' and created_at < :before
                order by created_at limit :limit""").param("before", before).param("limit", limit)
                .query(this::map).list();
    }

    /** A gateway's attempts started in [from, to) (a day of the reconciliation). */
    public List<PaymentRecord> ofGatewayBetween(String gateway, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("select " + COLUMNS + """
                 from payment_transaction where gateway = :g and method = 'ONLINE'
                and created_at >= :from and created_at < :to order by created_at, id""")
                .param("g", gateway).param("from", from).param("to", to).query(this::map).list();
    }

    /** The attempts started in [from, to), of some agencies (null: all) and one channel when given (the ledger). */
    public List<PaymentRecord> between(OffsetDateTime from, OffsetDateTime to, List<String> agencies, String gateway) {
        return jdbc.sql("select " + COLUMNS + """
                 from payment_transaction where created_at >= :from and created_at < :to
                and (cast(:a as text[]) is null or agency_code = any(cast(:a as text[])))
                and (cast(:g as text) is null or gateway = :g)
                order by created_at, id""")
                .param("from", from).param("to", to)
                .param("a", agencies == null ? null : agencies.toArray(String[]::new)).param("g", gateway)
                .query(this::map).list();
    }

    /** The redirect, once the gateway gave it. */
    void redirect(UUID id, String url) {
        jdbc.sql("update payment_transaction set redirect_url = :u, updated_at = now() where id = :id")
                .param("u", url).param("id", id).update();
    }

    /**
     * Turns the row from the status and version read to {@code to}, writing the facts given (null keeps a value); false
     * when someone else turned it first.
     */
    boolean turn(PaymentRecord r, PaymentStatus to, Map<String, Object> facts) {
        if (!r.status().canBecome(to)) {
            throw new IllegalStateException(r.status() + " cannot become " + to);
        }
        return jdbc.sql("""
                update payment_transaction set status = :to, version = version + 1, updated_at = now(),
                    settled_at = coalesce(:settledAt, settled_at), paid_at = coalesce(:paidAt, paid_at),
                    gateway_txn_no = coalesce(:txnNo, gateway_txn_no), bank_code = coalesce(:bank, bank_code),
                    response_code = coalesce(:response, response_code),
                    failure_reason = coalesce(:failure, failure_reason),
                    confirmed_by = coalesce(:confirmedBy, confirmed_by),
                    refund_requested_at = coalesce(:refundAt, refund_requested_at),
                    refund_requested_by = coalesce(:refundBy, refund_requested_by),
                    refund_reason = coalesce(:refundReason, refund_reason),
                    refunded_at = coalesce(:refundedAt, refunded_at)
                where id = :id and version = :version and status = :from""")
                .param("to", to.name()).param("id", r.id()).param("version", r.version())
                .param("from", r.status().name())
                .param("settledAt", facts.get("settledAt")).param("paidAt", facts.get("paidAt"))
                .param("txnNo", facts.get("txnNo")).param("bank", facts.get("bank"))
                .param("response", facts.get("response")).param("failure", facts.get("failure"))
                .param("confirmedBy", facts.get("confirmedBy")).param("refundAt", facts.get("refundAt"))
                .param("refundBy", facts.get("refundBy")).param("refundReason", facts.get("refundReason"))
                .param("refundedAt", facts.get("refundedAt"))
                .update() == 1;
    }

    void dossierTaken(UUID id, boolean taken) {
        jdbc.sql("update payment_transaction set dossier_taken = :t where id = :id").param("t", taken).param("id", id)
                .update();
    }

    void queried(UUID id, OffsetDateTime at, String response) {
        jdbc.sql("""
                update payment_transaction set last_query_at = :at, query_count = query_count + 1,
                    response_code = coalesce(:r, response_code) where id = :id""")
                .param("at", at).param("r", response).param("id", id).update();
    }

    /** Keeps a callback or query answer as received, whatever was done with it. */
    void logCallback(String gateway, String source, String reference, String outcome, String remoteAddr,
                     Map<String, String> params) {
        jdbc.sql("""
                insert into payment_callback_log (gateway, source, reference, outcome, remote_addr, params)
                values (:g, :s, :r, :o, :a, cast(:p as jsonb))""")
                .param("g", gateway).param("s", source).param("r", reference).param("o", outcome)
                .param("a", remoteAddr).param("p", json.writeValueAsString(params)).update();
    }

    private PaymentRecord map(ResultSet rs, int i) throws SQLException {
        return new PaymentRecord(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getLong("dossier_id"),
                rs.getString("dossier_code"), rs.getString("agency_code"), rs.getString("procedure_code"),
                rs.getString("procedure_name"), (Long) rs.getObject("payer_account_id"), rs.getString("payer_name"),
                rs.getString("payer_id_number"), rs.getString("payer_address"), rs.getString("gateway"),
                rs.getString("method"), rs.getLong("amount"), json.readTree(rs.getString("items")),
                PaymentStatus.valueOf(rs.getString("status")), rs.getString("redirect_url"), rs.getString("client_ip"),
                (Long) rs.getObject("created_by"), ts(rs, "created_at"), ts(rs, "expires_at"), ts(rs, "settled_at"),
                ts(rs, "paid_at"), rs.getString("gateway_txn_no"), rs.getString("bank_code"),
                rs.getString("response_code"), rs.getString("failure_reason"), rs.getString("confirmed_by"),
                rs.getBoolean("dossier_taken"), ts(rs, "refund_requested_at"), rs.getString("refund_reason"),
                ts(rs, "refunded_at"), ts(rs, "last_query_at"), rs.getInt("query_count"), rs.getInt("version"));
    }

    private static OffsetDateTime ts(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
