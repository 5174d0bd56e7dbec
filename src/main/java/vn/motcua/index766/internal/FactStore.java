package vn.motcua.index766.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** SQL of {@code index766_dossier}. */
@Component
public class FactStore {

    static final String COLUMNS = """
            dossier_id, code, procedure_code, procedure_name, agency_code, province_code, district_code, commune_code,
            level, channel, status, received_at, due_at, original_due_at, end_at, end_kind, returned_at, outcome,
            supplement_count, waiting_supplement_since, clock_stopped_at, apology_count, late_flag, electronic_result,
            digitised, population_data, applicant_account, fee_bearing, paid_online, rating, vneid_filed""";
    private static final String UPSERT;

    static {
        String[] cols = COLUMNS.replace("\n", " ").split(",\\s*");
        StringBuilder sets = new StringBuilder();
        for (String c : cols) {
            if (!c.trim().equals("dossier_id")) {
                sets.append(c.trim()).append(" = excluded.").append(c.trim()).append(", ");
            }
        }
        UPSERT = "insert into index766_dossier (" + COLUMNS + ") values (" + "?, ".repeat(cols.length - 1)
                + "?) on conflict (dossier_id) do update set " + sets + "updated_at = now()";
    }

    private final JdbcTemplate jdbc;

    FactStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public Map<Long, Fact> find(Collection<Long> ids) {
        Map<Long, Fact> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.query("select " + COLUMNS + " from index766_dossier where dossier_id = any(?)",
                (RowCallbackHandler) rs -> {
                    Fact f = map(rs);
                    out.put(f.id(), f);
                }, (Object) ids.toArray(Long[]::new));
        return out;
    }

    /** The facts of the dossiers with these codes (the population checks name dossiers by code). */
    public Map<Long, Fact> findByCodes(Collection<String> codes) {
        Map<Long, Fact> out = new HashMap<>();
        if (codes.isEmpty()) {
            return out;
        }
        jdbc.query("select " + COLUMNS + " from index766_dossier where code = any(?)",
                (RowCallbackHandler) rs -> {
                    Fact f = map(rs);
                    out.put(f.id(), f);
                }, (Object) codes.toArray(String[]::new));
        return out;
    }

    public void save(Collection<Fact> facts) {
        List<Object[]> rows = new ArrayList<>(facts.size());
        for (Fact f : facts) {
            rows.add(new Object[] {f.id(), f.code(), nz(f.procedureCode()), nz(f.procedureName()), nz(f.agencyCode()),
                nz(f.provinceCode()), f.districtCode(), f.communeCode(), nz(f.level()), nz(f.channel()), f.status(),
                ts(f.receivedAt()), ts(f.dueAt()), ts(f.originalDueAt()), ts(f.endAt()), f.endKind(),
                ts(f.returnedAt()), f.outcome(), f.supplementCount(), ts(f.waitingSupplementSince()),
                ts(f.clockStoppedAt()), f.apologyCount(), f.lateFlag(), f.electronicResult(), f.digitised(),
                f.populationData(), f.applicantAccount(), f.feeBearing(), f.paidOnline(), f.rating(), f.vneidFiled()});
        }
        for (int i = 0; i < rows.size(); i += 1000) {
            jdbc.batchUpdate(UPSERT, rows.subList(i, Math.min(rows.size(), i + 1000)));
        }
    }

    /**
     * Appends a fact as one line of PostgreSQL's COPY text format, columns in {@link #COLUMNS} order (the same
     * values {@link #save} writes).
     */
    static void copyLine(StringBuilder out, Fact f) {
        new CopyLine(out).add(f.id()).add(f.code()).add(nz(f.procedureCode())).add(nz(f.procedureName()))
                .add(nz(f.agencyCode())).add(nz(f.provinceCode())).add(f.districtCode()).add(f.communeCode())
                .add(nz(f.level())).add(nz(f.channel())).add(f.status()).add(f.receivedAt()).add(f.dueAt())
                .add(f.originalDueAt()).add(f.endAt()).add(f.endKind()).add(f.returnedAt()).add(f.outcome())
                .add(f.supplementCount()).add(f.waitingSupplementSince()).add(f.clockStoppedAt())
                .add(f.apologyCount()).add(f.lateFlag()).add(f.electronicResult()).add(f.digitised())
                .add(f.populationData()).add(f.applicantAccount()).add(f.feeBearing()).add(f.paidOnline())
                .add(f.rating()).add(f.vneidFiled()).end();
    }

    /** Every fact matching a condition, streamed (call inside a transaction for a server-side cursor). */
    public void forEach(String where, Object[] args, Consumer<Fact> each) {
        JdbcTemplate t = new JdbcTemplate(jdbc.getDataSource());
        t.setFetchSize(2000);
        t.query("select " + COLUMNS + " from index766_dossier where " + where, (RowCallbackHandler) rs -> each.accept(map(rs)),
                args);
    }

    static Fact map(ResultSet rs) throws SQLException {
        return new Fact(rs.getLong("dossier_id"), rs.getString("code"), rs.getString("procedure_code"),
                rs.getString("procedure_name"), rs.getString("agency_code"), rs.getString("province_code"),
                rs.getString("district_code"), rs.getString("commune_code"), rs.getString("level"),
                rs.getString("channel"), rs.getString("status"), t(rs, "received_at"), t(rs, "due_at"),
                t(rs, "original_due_at"), t(rs, "end_at"), rs.getString("end_kind"), t(rs, "returned_at"),
                rs.getString("outcome"), rs.getInt("supplement_count"), t(rs, "waiting_supplement_since"),
                t(rs, "clock_stopped_at"), rs.getInt("apology_count"), rs.getBoolean("late_flag"),
                rs.getBoolean("electronic_result"), rs.getBoolean("digitised"), rs.getBoolean("population_data"),
                rs.getBoolean("applicant_account"), rs.getBoolean("fee_bearing"), rs.getBoolean("paid_online"),
                rs.getString("rating"), rs.getBoolean("vneid_filed"));
    }

    private static OffsetDateTime t(ResultSet rs, String c) throws SQLException {
        return rs.getObject(c, OffsetDateTime.class);
    }

    private static Timestamp ts(OffsetDateTime t) {
        return t == null ? null : Timestamp.from(t.toInstant());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
