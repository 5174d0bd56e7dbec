package vn.motcua.dossier.internal;

import java.math.BigDecimal;
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
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Outcome;
import vn.motcua.platform.Channel;

/** SQL of the dossier tables. Every update of a dossier checks and bumps its version. */
@Repository
public class DossierRepository {

    static final String COLUMNS = """
            id, code, procedure_code, procedure_version, procedure_name, agency_code, province_code, district_code,
            commune_code, level, channel, status, applicant_account_id, applicant::text as applicant, applicant_name,
            applicant_id_number, applicant_phone, form::text as form, time_amount, time_unit, submitted_at,
            received_at, clock_started_at, due_at, original_due_at, paused_at, paused_remaining_min, finished_at,
            returned_at, outcome, supplement_count, supplement_stage, apology_count, late_flag, assignee_id,
            assignee_name, current_step_seq, current_step_name, current_step_role, current_step_agency,
            current_step_due_at, consulting_agencies, due_soon,
            received_by, digitised, fee_amount, paid_at, rating, rating_comment, rated_at, version, created_at,
            updated_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DossierRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public Optional<DossierRecord> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from dossier where code = :code").param("code", code)
                .query(this::map).optional();
    }

    public Optional<DossierRecord> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from dossier where id = :id").param("id", id).query(this::map).optional();
    }

    /** Reads and locks the row for the rest of the transaction. */
    public Optional<DossierRecord> lock(String code) {
        return jdbc.sql("select " + COLUMNS + " from dossier where code = :code for update").param("code", code)
                .query(this::map).optional();
    }

    public List<DossierRecord> query(String where, Map<String, ?> params, String orderAndLimit) {
        return jdbc.sql("select " + COLUMNS + " from dossier where " + where + " " + orderAndLimit)
                .params(params).query(this::map).list();
    }

    public long count(String where, Map<String, ?> params) {
        return jdbc.sql("select count(*) from dossier where " + where).params(params).query(Long.class).single();
    }

    /**
     * Applies column changes if the version is still {@code expectedVersion}; returns false when someone else
     * changed the dossier first (the caller answers 409).
     */
    public boolean update(long id, int expectedVersion, Map<String, Object> changes) {
        StringBuilder sql = new StringBuilder("update dossier set version = version + 1, updated_at = now()");
        for (String column : changes.keySet()) {
            if (!column.matches("[a-z_]+")) {
                throw new IllegalArgumentException(column);
            }
            boolean jsonb = column.equals("form") || column.equals("applicant");
            sql.append(", ").append(column).append(" = ").append(jsonb ? "cast(:" + column + " as jsonb)" : ":" + column);
        }
        sql.append(" where id = :id and version = :version");
        var spec = jdbc.sql(sql.toString()).param("id", id).param("version", expectedVersion);
        for (var e : changes.entrySet()) {
            Object v = e.getValue();
            spec = spec.param(e.getKey(), v instanceof Enum<?> en ? en.name() : v);
        }
        return spec.update() == 1;
    }

    public void history(long dossierId, HistoryEntry h) {
        jdbc.sql("""
                insert into dossier_history (dossier_id, at, actor_id, actor_name, actor_role, agency_code, origin,
                    action, from_status, to_status, step, reason, note, due_at, documents)
                values (:d, :at, :actorId, :actorName, :role, :agency, :origin, :action, :from, :to, :step, :reason,
                    :note, :due, cast(:docs as jsonb))""")
                .param("d", dossierId).param("at", h.at()).param("actorId", h.actorId())
                .param("actorName", h.actorName()).param("role", h.actorRole()).param("agency", h.agencyCode())
                .param("origin", h.origin()).param("action", h.action()).param("from", h.fromStatus())
                .param("to", h.toStatus()).param("step", h.step()).param("reason", h.reason())
                .param("note", h.note()).param("due", h.dueAt())
                .param("docs", json.writeValueAsString(h.documents() == null ? List.of() : h.documents()))
                .update();
    }

    public List<HistoryEntry> history(long dossierId) {
        return jdbc.sql("""
                select at, actor_id, actor_name, actor_role, agency_code, origin, action, from_status, to_status, step,
                       reason, note, due_at, documents::text as documents
                from dossier_history where dossier_id = :d order by id""")
                .param("d", dossierId)
                .query((rs, i) -> new HistoryEntry(rs.getObject("at", OffsetDateTime.class),
                        (Long) rs.getObject("actor_id"), rs.getString("actor_name"), rs.getString("actor_role"),
                        rs.getString("agency_code"), rs.getString("origin"), rs.getString("action"),
                        rs.getString("from_status"), rs.getString("to_status"), rs.getString("step"),
                        rs.getString("reason"), rs.getString("note"), rs.getObject("due_at", OffsetDateTime.class),
                        json.readValue(rs.getString("documents"), List.class)))
                .list();
    }

    public void attach(long dossierId, String kind, String componentCode, UUID fileId, String name, String contentType,
                       long size, boolean digitised, Long addedBy) {
        jdbc.sql("""
                insert into dossier_attachment (dossier_id, kind, component_code, file_id, name, content_type, size,
                    digitised, added_by)
                values (:d, :kind, :component, :file, :name, :type, :size, :digitised, :by)""")
                .param("d", dossierId).param("kind", kind).param("component", componentCode).param("file", fileId)
                .param("name", name).param("type", contentType).param("size", size).param("digitised", digitised)
                .param("by", addedBy).update();
    }

    public List<AttachmentRow> attachments(long dossierId) {
        return jdbc.sql("""
                select kind, component_code, file_id, name, content_type, size, digitised, added_at
                from dossier_attachment where dossier_id = :d order by id""")
                .param("d", dossierId).query(AttachmentRow.class).list();
    }

    /** A document of a dossier. */
    public record AttachmentRow(String kind, String componentCode, UUID fileId, String name, String contentType,
                                long size, boolean digitised, OffsetDateTime addedAt) {
    }

    DossierRecord map(ResultSet rs, int i) throws SQLException {
        String outcome = rs.getString("outcome");
        return new DossierRecord(rs.getLong("id"), rs.getString("code"), rs.getString("procedure_code"),
                rs.getInt("procedure_version"), rs.getString("procedure_name"), rs.getString("agency_code"),
                rs.getString("province_code"), rs.getString("district_code"), rs.getString("commune_code"),
                rs.getString("level"), Channel.valueOf(rs.getString("channel")),
                DossierStatus.valueOf(rs.getString("status")), (Long) rs.getObject("applicant_account_id"),
                json.readTree(rs.getString("applicant")), rs.getString("applicant_name"),
                rs.getString("applicant_id_number"), rs.getString("applicant_phone"), json.readTree(rs.getString("form")),
                (BigDecimal) rs.getObject("time_amount"), rs.getString("time_unit"), ts(rs, "submitted_at"),
                ts(rs, "received_at"), ts(rs, "clock_started_at"), ts(rs, "due_at"), ts(rs, "original_due_at"),
                ts(rs, "paused_at"), (Long) rs.getObject("paused_remaining_min"), ts(rs, "finished_at"),
                ts(rs, "returned_at"), outcome == null ? null : Outcome.valueOf(outcome), rs.getInt("supplement_count"),
                rs.getString("supplement_stage"), rs.getInt("apology_count"), rs.getBoolean("late_flag"),
                (Long) rs.getObject("assignee_id"), rs.getString("assignee_name"),
                (Integer) rs.getObject("current_step_seq"), rs.getString("current_step_name"),
                rs.getString("current_step_role"), rs.getString("current_step_agency"), ts(rs, "current_step_due_at"),
                List.of((String[]) rs.getArray("consulting_agencies").getArray()), rs.getBoolean("due_soon"), (Long) rs.getObject("received_by"), rs.getBoolean("digitised"),
                (Long) rs.getObject("fee_amount"), ts(rs, "paid_at"), rs.getString("rating"),
                rs.getString("rating_comment"), ts(rs, "rated_at"), rs.getInt("version"), ts(rs, "created_at"),
                ts(rs, "updated_at"));
    }

    private static OffsetDateTime ts(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
