package vn.motcua.dossier.internal;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierBulkLoad;
import vn.motcua.dossier.PaymentReceived;
import vn.motcua.platform.Actor;
import vn.motcua.platform.BulkLoadListener;

/**
 * {@link DossierBulkLoad} with PostgreSQL COPY in one transaction: the dossier module keeps its tables to itself even
 * when the generator loads millions of dossiers. Ids are reserved a block at a time on a second connection; the
 * generated code counters are merged with the live ones before the commit.
 */
@Component
class DossierBulkLoader implements DossierBulkLoad {

    static final String DOSSIER_COLUMNS = "id, code, procedure_code, procedure_version, procedure_name, agency_code, "
            + "province_code, district_code, commune_code, level, channel, status, applicant, applicant_name, "
            + "applicant_id_number, applicant_phone, form, time_amount, time_unit, submitted_at, received_at, "
            + "clock_started_at, due_at, original_due_at, paused_at, paused_remaining_min, finished_at, returned_at, "
            + "outcome, supplement_count, reception_supplement_count, supplement_stage, apology_count, late_flag, "
            + "assignee_name, processing_since, digitised, fee_amount, paid_at, rating, rated_at, created_at, updated_at";
    static final String HISTORY_COLUMNS = "dossier_id, at, actor_name, actor_role, agency_code, origin, action, "
            + "from_status, to_status, step, reason, note, due_at";
    static final String SUPPLEMENT_COLUMNS = "dossier_id, stage, requested_at, reason, items, supplied_at, note";

    private final DataSource dataSource;
    private final ObjectProvider<BulkLoadListener> listeners;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    DossierBulkLoader(DataSource dataSource, ObjectProvider<BulkLoadListener> listeners,
                      org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.listeners = listeners;
        this.jdbc = jdbc;
    }

    @Override
    public boolean load(String marker, String fingerprint, Loader loader) throws Exception {
        try (Connection tx = dataSource.getConnection(); Connection side = dataSource.getConnection()) {
            tx.setAutoCommit(false);
            side.setAutoCommit(true);
            try (Statement st = tx.createStatement()) {
                st.execute("set local synchronous_commit = off");
                st.execute("create temp table gen_code_seq (agency_eid text, day date, last int) on commit drop");
            }
            if (marker != null && !claim(tx, marker)) {
                tx.rollback();
                return false;
            }
            try {
                loader.run(new JdbcSession(tx.unwrap(PGConnection.class).getCopyAPI(), side));
                try (Statement st = tx.createStatement()) {
                    // live intake continues after the loaded numbers (dossier codes stay unique)
                    st.executeUpdate("""
                            insert into dossier_code_seq (agency_eid, day, last)
                            select agency_eid, day, max(last) from gen_code_seq group by agency_eid, day
                            on conflict (agency_eid, day) do update
                            set last = greatest(dossier_code_seq.last, excluded.last)""");
                }
                if (marker != null) {
                    try (PreparedStatement ps = tx.prepareStatement(
                            "insert into demo_data_loaded (name, fingerprint) values (?, ?) on conflict (name) do nothing")) {
                        ps.setString(1, marker);
                        ps.setString(2, fingerprint);
                        ps.executeUpdate();
                    }
                }
                tx.commit();
            } catch (Exception | Error e) {
                tx.rollback();
                throw e;
            }
        }
        for (BulkLoadListener l : listeners.orderedStream().toList()) {
            l.afterBulkLoad();
        }
        return true;
    }

    @Override
    public void forEachLoaded(String origin, java.time.OffsetDateTime from, java.time.OffsetDateTime to, java.util.function.Consumer<Loaded> each) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement("""
                    select d.id, d.code, d.procedure_code, d.procedure_name, d.agency_code, d.channel, d.status,
                        d.received_at, d.finished_at, coalesce(d.fee_amount, 0), d.paid_at, d.applicant_name,
                        d.applicant_id_number, d.applicant ->> 'address', d.submitted_at,
                        d.applicant ->> 'dateOfBirth', d.applicant_phone, d.applicant_account_id,
                        (select h.actor_name from dossier_history h where h.dossier_id = d.id
                           and h.action in ('RECEIVE', 'ACCEPT') order by h.id limit 1)
                    from dossier d
                    where d.received_at >= ? and d.received_at < ?
                      and exists (select 1 from dossier_history h where h.dossier_id = d.id and h.origin = ?)
                    order by d.id""")) {
                ps.setFetchSize(5000);
                ps.setObject(1, from);
                ps.setObject(2, to);
                ps.setString(3, origin);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(new Loaded(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getObject(8, java.time.OffsetDateTime.class),
                                rs.getObject(9, java.time.OffsetDateTime.class), rs.getLong(10),
                                rs.getObject(11, java.time.OffsetDateTime.class), rs.getString(12), rs.getString(13),
                                rs.getString(14), rs.getObject(15, java.time.OffsetDateTime.class),
                                rs.getString(16) == null ? null : LocalDate.parse(rs.getString(16)), rs.getString(17),
                                rs.getObject(18, Long.class), rs.getString(19)));
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the loaded dossiers failed: " + e.getMessage(), e);
        }
    }

    @Override
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public int setApplicantAccounts(Map<Long, Long> accountByDossier) {
        if (accountByDossier.isEmpty()) {
            return 0;
        }
        // one statement for all: the pairs copied into a temporary table, then joined
        jdbc.execute("create temp table gen_applicant_account (dossier_id bigint, account_id bigint) on commit drop");
        vn.motcua.platform.db.CopyIn.rows(dataSource, "gen_applicant_account", "dossier_id, account_id",
                accountByDossier.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()}).toList());
        int set = jdbc.update("update dossier d set applicant_account_id = g.account_id from gen_applicant_account g "
                + "where d.id = g.dossier_id and d.applicant_account_id is null");
        jdbc.execute("drop table gen_applicant_account");
        return set;
    }

    @Override
    public int notePayments(String origin, String marker, java.util.function.Supplier<List<PaymentNote>> notes) {
        try (Connection tx = dataSource.getConnection()) {
            tx.setAutoCommit(false);
            try {
                if (marker != null && !claim(tx, marker)) {
                    tx.rollback();
                    return -1;
                }
                int told = 0;
                // the live flow's actor for a gateway's confirmation (Transitions.paymentReceived by Actor.SYSTEM)
                try (PreparedStatement ps = tx.prepareStatement("""
                        update dossier_history set note = ?,
                            actor_name = case when ? then ? else actor_name end,
                            actor_role = case when ? then ? else actor_role end,
                            agency_code = case when ? then null else agency_code end
                        where dossier_id = ? and action = 'CONFIRM_PAYMENT' and origin = ? and at = ?""")) {
                    int n = 0;
                    for (PaymentNote p : notes.get()) {
                        boolean online = p.payment().method() == PaymentReceived.Method.ONLINE;
                        ps.setString(1, p.payment().note());
                        ps.setBoolean(2, online);
                        ps.setString(3, Actor.SYSTEM.displayName());
                        ps.setBoolean(4, online);
                        ps.setString(5, Access.role(Actor.SYSTEM));
                        ps.setBoolean(6, online);
                        ps.setLong(7, p.dossierId());
                        ps.setString(8, origin);
                        ps.setObject(9, p.at());
                        ps.addBatch();
                        if (++n % 2000 == 0) {
                            told += sum(ps.executeBatch());
                        }
                    }
                    told += sum(ps.executeBatch());
                }
                if (marker != null) {
                    try (PreparedStatement ps = tx.prepareStatement(
                            "insert into demo_data_loaded (name, fingerprint) values (?, ?) on conflict (name) do nothing")) {
                        ps.setString(1, marker);
                        ps.setString(2, told + " lines");
                        ps.executeUpdate();
                    }
                }
                tx.commit();
                return told;
            } catch (SQLException | RuntimeException e) {
                tx.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("telling the payments in the histories failed: " + e.getMessage(), e);
        }
    }

    private static int sum(int[] counts) {
        int n = 0;
        for (int c : counts) {
            n += Math.max(c, 0);
        }
        return n;
    }

    private static boolean claim(Connection tx, String marker) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("select pg_try_advisory_xact_lock(hashtext(?))")) {
            ps.setString(1, "demo:" + marker);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return false;
                }
            }
        }
        try (PreparedStatement ps = tx.prepareStatement("select 1 from demo_data_loaded where name = ?")) {
            ps.setString(1, marker);
            try (ResultSet rs = ps.executeQuery()) {
                return !rs.next();
            }
        }
    }

    /** A load in progress. */
    private static final class JdbcSession implements Session {
        private final CopyManager copy;
        private final Connection side;
        private final ArrayDeque<Long> free = new ArrayDeque<>();

        JdbcSession(CopyManager copy, Connection side) {
            this.copy = copy;
            this.side = side;
        }

        @Override
        public synchronized long nextId() {
            if (free.isEmpty()) {
                try (PreparedStatement ps = side.prepareStatement(
                        "select nextval(pg_get_serial_sequence('dossier', 'id')) from generate_series(1, 10000)");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        free.add(rs.getLong(1));
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return free.poll();
        }

        @Override
        public synchronized Map<String, Integer> existingCodes(LocalDate day) {
            Map<String, Integer> out = new HashMap<>();
            try (PreparedStatement ps = side.prepareStatement("select agency_eid, last from dossier_code_seq where day = ?")) {
                ps.setObject(1, day);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getInt(2));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return out;
        }

        @Override
        public void write(Batch b) throws Exception {
            if (!b.dossiers().isEmpty()) {
                StringBuilder rows = new StringBuilder(b.dossiers().size() * 700);
                for (Dossier d : b.dossiers()) {
                    CopyText.row(rows, d.id(), d.code(), d.procedureCode(), d.procedureVersion(), d.procedureName(),
                            d.agencyCode(), d.provinceCode(), d.districtCode(), d.communeCode(), d.level(), d.channel(),
                            d.status(), d.applicantJson(), d.applicantName(), d.applicantIdNumber(), d.applicantPhone(),
                            d.formJson(), d.timeAmount(), d.timeUnit(), d.submittedAt(), d.receivedAt(),
                            d.clockStartedAt(), d.dueAt(), d.originalDueAt(), d.pausedAt(), d.pausedRemainingMin(),
                            d.finishedAt(), d.returnedAt(), d.outcome(), d.supplementCount(),
                            d.receptionSupplementCount(), d.supplementStage(), d.apologyCount(), d.lateFlag(),
                            d.assigneeName(), d.processingSince(), d.digitised(), d.feeAmount(), d.paidAt(), d.rating(),
                            d.ratedAt(), d.createdAt(), d.updatedAt());
                }
                copy.copyIn("copy dossier (" + DOSSIER_COLUMNS + ") from stdin", new StringReader(rows.toString()));
            }
            if (!b.history().isEmpty()) {
                StringBuilder rows = new StringBuilder(b.history().size() * 200);
                for (History h : b.history()) {
                    CopyText.row(rows, h.dossierId(), h.at(), h.actorName(), h.actorRole(), h.agencyCode(), h.origin(),
                            h.action(), h.fromStatus(), h.toStatus(), h.step(), h.reason(), h.note(), h.dueAt());
                }
                copy.copyIn("copy dossier_history (" + HISTORY_COLUMNS + ") from stdin", new StringReader(rows.toString()));
            }
            if (!b.supplements().isEmpty()) {
                StringBuilder rows = new StringBuilder(b.supplements().size() * 200);
                for (Supplement s : b.supplements()) {
                    CopyText.row(rows, s.dossierId(), s.stage(), s.requestedAt(), s.reason(), "[]", s.suppliedAt(),
                            s.note());
                }
                copy.copyIn("copy dossier_supplement (" + SUPPLEMENT_COLUMNS + ") from stdin",
                        new StringReader(rows.toString()));
            }
            if (!b.counters().isEmpty()) {
                StringBuilder rows = new StringBuilder();
                for (CodeCounter c : b.counters()) {
                    CopyText.row(rows, c.agencyEid(), c.day(), c.last());
                }
                copy.copyIn("copy gen_code_seq (agency_eid, day, last) from stdin", new StringReader(rows.toString()));
            }
        }
    }

    /** PostgreSQL COPY text format: tab-separated, escaped, {@code \N} for null. */
    static final class CopyText {

        private CopyText() {
        }

        static void row(StringBuilder sb, Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    sb.append('\t');
                }
                field(sb, values[i]);
            }
            sb.append('\n');
        }

        private static void field(StringBuilder sb, Object value) {
            if (value == null) {
                sb.append("\\N");
                return;
            }
            String s = value.toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> sb.append("\\\\");
                    case '\t' -> sb.append("\\t");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(c);
                }
            }
        }
    }
}
