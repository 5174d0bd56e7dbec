package vn.motcua.dossier.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Outcome;
import vn.motcua.platform.Channel;
import vn.motcua.platform.text.TextNormalizer;

/**
 * The SQL of the dossier tables, all of it. Every update of a dossier checks and bumps its version and writes its
 * history entry in the same statement; an intake draws the code, inserts the dossier, its documents and its first
 * history entry in one statement.
 */
@Repository
public class DossierRepository {

    static final String COLUMNS = """
            id, code, procedure_code, procedure_version, procedure_name, agency_code, province_code, district_code,
            commune_code, level, channel, status, applicant_account_id, applicant::text as applicant, applicant_name,
            applicant_id_number, applicant_phone, form::text as form, time_amount, time_unit, submitted_at,
            received_at, clock_started_at, due_at, original_due_at, paused_at, paused_remaining_min, finished_at,
            returned_at, outcome, supplement_count, reception_supplement_count, supplement_stage, apology_count,
            late_flag, assignee_id, assignee_name, current_step_seq, current_step_name, current_step_role,
            current_step_agency, current_step_due_at, consulting_agencies, due_soon, processing_since, received_by,
            digitised, fee_amount, fee_quote::text as fee_quote, paid_at, rating, rating_comment, rated_at,
            result_files, version, created_at, updated_at""";

    /** What a write returns: the columns without the JSON documents the writer already has (no parsing again). */
    static final String WRITTEN_COLUMNS = COLUMNS.replace(" applicant::text as applicant,", "")
            .replace(" form::text as form,", "").replace(" fee_quote::text as fee_quote,", "");

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final String HISTORY_COLUMNS = """
            dossier_id, at, actor_id, actor_name, actor_role, agency_code, origin, action, from_status, to_status,
            step, reason, note, due_at, documents""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    DossierRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    // ------------------------------------------------------------------------------------------ one dossier

    public Optional<DossierRecord> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from dossier where code = :code").param("code", code)
                .query(this::map).optional();
    }

    public Optional<DossierRecord> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from dossier where id = :id").param("id", id).query(this::map).optional();
    }

    /** Reads and locks the row for the rest of the transaction. */
    Optional<DossierRecord> lock(String code) {
        return jdbc.sql("select " + COLUMNS + " from dossier where code = :code for update").param("code", code)
                .query(this::map).optional();
    }

    /**
     * Writes the changed dossier and its history entry, if the version is still the one read; empty when someone
     * else changed the dossier first (the caller answers 409).
     */
    Optional<DossierRecord> update(DossierRecord before, DossierUpdate u, HistoryEntry h) {
        var c = u.clock;
        return jdbc.sql("with u as (update dossier set " + """
                    status = :status, received_at = :receivedAt, received_by = :receivedBy,
                    clock_started_at = :clockStartedAt, due_at = :dueAt, original_due_at = :originalDueAt,
                    paused_at = :pausedAt, paused_remaining_min = :pausedRemaining, finished_at = :finishedAt,
                    returned_at = :returnedAt, outcome = :outcome, supplement_count = :supplementCount,
                    reception_supplement_count = :receptionSupplementCount, supplement_stage = :supplementStage,
                    apology_count = :apologyCount, late_flag = :lateFlag, assignee_id = :assigneeId,
                    assignee_name = :assigneeName, current_step_seq = :stepSeq, current_step_name = :stepName,
                    current_step_role = :stepRole, current_step_agency = :stepAgency, agency_code = :agencyCode,
                    current_step_due_at = :stepDueAt, consulting_agencies = cast(:consulting as text[]),
                    processing_since = :processingSince, fee_amount = :feeAmount, paid_at = :paidAt,
                    rating = :rating, rating_comment = :ratingComment, rated_at = :ratedAt,
                    form = coalesce(cast(:form as jsonb), form), result_files = :resultFiles,
                    version = version + 1, updated_at = now()
                where id = :id and version = :version
                returning\s""" + WRITTEN_COLUMNS + "), h as (insert into dossier_history (" + HISTORY_COLUMNS + """
                ) select u.id, :at, :actorId, :actorName, :actorRole, :actorAgency, :origin, :action, :fromStatus,
                    u.status, :step, :reason, :note, u.due_at, cast(:docs as jsonb) from u)
                select * from u""")
                .param("id", before.id()).param("version", before.version())
                .param("status", u.status.name()).param("receivedAt", u.receivedAt).param("receivedBy", u.receivedBy)
                .param("clockStartedAt", c.startedAt()).param("dueAt", c.dueAt())
                .param("originalDueAt", c.originalDueAt()).param("pausedAt", c.pausedAt())
                .param("pausedRemaining", c.pausedRemainingMinutes()).param("finishedAt", u.finishedAt)
                .param("returnedAt", u.returnedAt).param("outcome", u.outcome == null ? null : u.outcome.name())
                .param("supplementCount", u.supplementCount)
                .param("receptionSupplementCount", u.receptionSupplementCount)
                .param("supplementStage", u.supplementStage == null ? null : u.supplementStage.name())
                .param("apologyCount", u.apologyCount).param("lateFlag", u.lateFlag)
                .param("assigneeId", u.assigneeId).param("assigneeName", u.assigneeName)
                .param("stepSeq", u.stepSeq).param("stepName", u.stepName).param("stepRole", u.stepRole)
                .param("stepAgency", u.stepAgency).param("stepDueAt", u.stepDueAt).param("agencyCode", u.agencyCode)
                .param("consulting", u.consultingAgencies.toArray(String[]::new))
                .param("processingSince", u.processingSince).param("feeAmount", u.feeAmount)
                .param("paidAt", u.paidAt).param("rating", u.rating).param("ratingComment", u.ratingComment)
                .param("ratedAt", u.ratedAt)
                .param("form", u.form == before.form() ? null : json.writeValueAsString(u.form))
                .param("resultFiles", u.resultFiles)
                .params(historyParams(h))
                .query((rs, i) -> map(rs, before.applicant(), u.form, before.feeQuote())).optional();
    }

    /**
     * Inserts an intake: the code drawn from the agency's gap-free counter of the day (the counter row stays locked
     * until the transaction ends, so a rolled-back intake gives its number back), the dossier, its documents, its
     * first history entry, and the idempotency record's link when there is a key. One statement.
     */
    DossierRecord insert(NewDossier n, HistoryEntry h, long accountId, String idempotencyKey, JsonNode applicant,
                         JsonNode form, JsonNode feeQuote) {
        var c = n.clock();
        List<NewDossier.Document> docs = n.documents();
        return jdbc.sql("""
                with seq as (
                    insert into dossier_code_seq (agency_eid, day, last) values (:eid, :day, 1)
                    on conflict (agency_eid, day) do update set last = dossier_code_seq.last + 1
                    returning last),
                d as (
                    insert into dossier (code, procedure_code, procedure_version, procedure_name, agency_code,
                        province_code, district_code, commune_code, level, channel, status, applicant_account_id,
                        applicant, applicant_name, applicant_id_number, applicant_phone, form, time_amount, time_unit,
                        submitted_at, received_at, clock_started_at, due_at, original_due_at, received_by, digitised,
                        fee_amount, fee_quote)
                    select :eid || '-' || :yymmdd || '-' || case when seq.last < 10000 then lpad(seq.last::text, 4, '0')
                            else seq.last::text end,
                        :procedureCode, :procedureVersion, :procedureName, :agencyCode, :provinceCode, :districtCode,
                        :communeCode, :level, :channel, :status, :applicantAccountId, cast(:applicant as jsonb),
                        :applicantName, :applicantIdNumber, :applicantPhone, cast(:form as jsonb), :timeAmount,
                        :timeUnit, :submittedAt, :receivedAt, :clockStartedAt, :dueAt, :originalDueAt, :receivedBy,
                        :digitised, :feeAmount, cast(:feeQuote as jsonb)
                    from seq
                    returning\s""" + WRITTEN_COLUMNS + """
                ),
                a as (
                    insert into dossier_attachment (dossier_id, kind, component_code, file_id, name, content_type, size,
                        digitised, added_by)
                    select d.id, 'INPUT', x.component, x.file, x.name, x.type, x.size, :digitised, :actorId
                    from d, unnest(cast(:components as text[]), cast(:files as uuid[]), cast(:names as text[]),
                        cast(:types as text[]), cast(:sizes as bigint[])) as x(component, file, name, type, size)),
                h as (
                    insert into dossier_history (""" + HISTORY_COLUMNS + """
                    ) select d.id, :at, :actorId, :actorName, :actorRole, :actorAgency, :origin, :action, :fromStatus,
                        d.status, :step, :reason, :note, d.due_at, cast(:docs as jsonb) from d),
                i as (
                    update idempotency_record set dossier_id = (select id from d)
                    where account_id = :account and key = :key)
                select * from d""")
                .param("eid", n.agencyEid()).param("day", n.day()).param("yymmdd", n.day().format(YYMMDD))
                .param("procedureCode", n.procedureCode()).param("procedureVersion", n.procedureVersion())
                .param("procedureName", n.procedureName()).param("agencyCode", n.agencyCode())
                .param("provinceCode", n.provinceCode()).param("districtCode", n.districtCode())
                .param("communeCode", n.communeCode()).param("level", n.level())
                .param("channel", n.channel().name()).param("status", n.status().name())
                .param("applicantAccountId", n.applicantAccountId()).param("applicant", n.applicantJson())
                .param("applicantName", n.applicantName()).param("applicantIdNumber", n.applicantIdNumber())
                .param("applicantPhone", n.applicantPhone()).param("form", n.formJson())
                .param("timeAmount", n.timeAmount()).param("timeUnit", n.timeUnit())
                .param("submittedAt", n.submittedAt()).param("receivedAt", n.receivedAt())
                .param("clockStartedAt", c.startedAt()).param("dueAt", c.dueAt())
                .param("originalDueAt", c.originalDueAt()).param("receivedBy", n.receivedBy())
                .param("digitised", n.digitised()).param("feeAmount", n.feeAmount()).param("feeQuote", n.feeQuoteJson())
                .param("components", docs.stream().map(NewDossier.Document::componentCode).toArray(String[]::new))
                .param("files", docs.stream().map(x -> x.fileId().toString()).toArray(String[]::new))
                .param("names", docs.stream().map(NewDossier.Document::name).toArray(String[]::new))
                .param("types", docs.stream().map(NewDossier.Document::contentType).toArray(String[]::new))
                .param("sizes", docs.stream().mapToLong(NewDossier.Document::size).toArray())
                .param("account", accountId).param("key", idempotencyKey)
                .params(historyParams(h))
                .query((rs, i) -> map(rs, applicant, form, feeQuote)).single();
    }

    private Map<String, Object> historyParams(HistoryEntry h) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("at", h.at());
        p.put("actorId", h.actorId());
        p.put("actorName", h.actorName());
        p.put("actorRole", h.actorRole());
        p.put("actorAgency", h.agencyCode());
        p.put("origin", h.origin());
        p.put("action", h.action());
        p.put("fromStatus", h.fromStatus());
        p.put("step", h.step());
        p.put("reason", h.reason());
        p.put("note", h.note());
        p.put("docs", json.writeValueAsString(h.documents() == null ? List.of() : h.documents()));
        return p;
    }

    // ------------------------------------------------------------------------------------------ documents

    /** Attaches stored files to a dossier, in one statement. */
    void attach(long dossierId, String kind, List<NewDossier.Document> docs, boolean digitised, Long addedBy) {
        if (docs.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into dossier_attachment (dossier_id, kind, component_code, file_id, name, content_type, size,
                    digitised, added_by)
                select :d, :kind, x.component, x.file, x.name, x.type, x.size, :digitised, :by
                from unnest(cast(:components as text[]), cast(:files as uuid[]), cast(:names as text[]),
                    cast(:types as text[]), cast(:sizes as bigint[])) as x(component, file, name, type, size)""")
                .param("d", dossierId).param("kind", kind).param("digitised", digitised).param("by", addedBy)
                .param("components", docs.stream().map(NewDossier.Document::componentCode).toArray(String[]::new))
                .param("files", docs.stream().map(x -> x.fileId().toString()).toArray(String[]::new))
                .param("names", docs.stream().map(NewDossier.Document::name).toArray(String[]::new))
                .param("types", docs.stream().map(NewDossier.Document::contentType).toArray(String[]::new))
                .param("sizes", docs.stream().mapToLong(NewDossier.Document::size).toArray())
                .update();
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

    // ------------------------------------------------------------------------------------------ history

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

    // ------------------------------------------------------------------------------------------ supplements

    void supplementRequested(long dossierId, String stage, OffsetDateTime at, long by, String reason,
                             List<String> items) {
        jdbc.sql("""
                insert into dossier_supplement (dossier_id, stage, requested_at, requested_by, reason, items)
                values (:d, :stage, :at, :by, :reason, cast(:items as jsonb))""")
                .param("d", dossierId).param("stage", stage).param("at", at).param("by", by)
                .param("reason", reason).param("items", json.writeValueAsString(items)).update();
    }

    void supplied(long dossierId, OffsetDateTime at, String note) {
        jdbc.sql("update dossier_supplement set supplied_at = :at, note = :note where dossier_id = :d and supplied_at is null")
                .param("at", at).param("note", note).param("d", dossierId).update();
    }

    /** The supplement request still waiting: stage, when, why, what. */
    public record PendingSupplement(String stage, OffsetDateTime requestedAt, String reason, JsonNode items) {
    }

    public Optional<PendingSupplement> pendingSupplement(long dossierId) {
        return jdbc.sql("""
                select stage, requested_at, reason, items::text as items from dossier_supplement
                where dossier_id = :d and supplied_at is null order by id desc limit 1""")
                .param("d", dossierId)
                .query((rs, i) -> new PendingSupplement(rs.getString("stage"),
                        rs.getObject("requested_at", OffsetDateTime.class), rs.getString("reason"),
                        json.readTree(rs.getString("items"))))
                .optional();
    }

    /** What the last supplement request asked for. */
    List<String> lastSupplementItems(long dossierId) {
        List<String> items = new ArrayList<>();
        jdbc.sql("select items::text from dossier_supplement where dossier_id = :d order by id desc limit 1")
                .param("d", dossierId).query(String.class).optional()
                .ifPresent(s -> json.readTree(s).forEach(n -> items.add(n.asString())));
        return items;
    }

    // ------------------------------------------------------------------------------------------ idempotency

    /** Claims a key; false when it was claimed before (then {@link #idempotencyRecord} says by what). */
    boolean claimIdempotencyKey(long accountId, String key, String requestHash) {
        return jdbc.sql("""
                insert into idempotency_record (account_id, key, request_hash) values (:a, :k, :h)
                on conflict do nothing""")
                .param("a", accountId).param("k", key).param("h", requestHash).update() == 1;
    }

    /** The request hash and the dossier of a claimed key. */
    record IdempotencyRecord(String requestHash, Long dossierId) {
    }

    IdempotencyRecord idempotencyRecord(long accountId, String key) {
        return jdbc.sql("select request_hash, dossier_id from idempotency_record where account_id = :a and key = :k")
                .param("a", accountId).param("k", key)
                .query((rs, i) -> new IdempotencyRecord(rs.getString(1), (Long) rs.getObject(2))).single();
    }

    // ------------------------------------------------------------------------------------------ lists

    /**
     * What a queue shows: {@code readable} the agencies whose dossiers the officer reads (theirs and those it
     * succeeded: {@link Access#officerSees}), {@code agencyCode} their own, whose work is theirs to do.
     */
    record Queue(String agencyCode, String[] readable, long accountId, boolean reception, List<String> processingRoles,
                 DossierQueries.View view, List<DossierStatus> statuses, String procedure, String text,
                 OffsetDateTime now) {
    }

    List<DossierRecord> queue(Queue q, int limit, long offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(q, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("select " + COLUMNS + " from dossier where " + where
                        + " order by due_at asc nulls last, id limit :limit offset :offset")
                .params(params).query(this::map).list();
    }

    long count(Queue q) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("select count(*) from dossier where " + where(q, params)).params(params).query(Long.class)
                .single();
    }

    private static String where(Queue q, Map<String, Object> params) {
        params.put("ag", q.agencyCode());
        params.put("readable", q.readable());
        params.put("now", q.now());
        List<String> conditions = new ArrayList<>();
        conditions.add("(agency_code = any(:readable) or current_step_agency = any(:readable)"
                + " or consulting_agencies && cast(:readable as text[]))");
        String open = "status in ('RECEIVED', 'PROCESSING')";
        switch (q.view()) {
            case TODO -> {
                List<String> mine = new ArrayList<>();
                if (q.reception()) {
                    mine.add("(agency_code = :ag and status in ('SUBMITTED', 'RECEIVED', 'COMPLETED'))");
                }
                if (!q.processingRoles().isEmpty()) {
                    params.put("roles", q.processingRoles());
                    params.put("me", q.accountId());
                    mine.add("(status = 'PROCESSING' and current_step_agency = :ag and current_step_role in (:roles)"
                            + " and (assignee_id is null or assignee_id = :me))");
                    mine.add("(:ag = any(consulting_agencies))");
                }
                conditions.add(mine.isEmpty() ? "false" : "(" + String.join(" or ", mine) + ")");
            }
            case DUE_SOON -> conditions.add(open + " and due_soon and due_at >= :now");
            case OVERDUE -> conditions.add(open + " and due_at < :now");
            case WAITING -> conditions.add("status in ('SUPPLEMENT_REQUESTED', 'AWAITING_PAYMENT')");
            case ALL -> { }
        }
        if (q.statuses() != null && !q.statuses().isEmpty()) {
            params.put("statuses", q.statuses().stream().map(Enum::name).toList());
            conditions.add("status in (:statuses)");
        }
        if (q.procedure() != null && !q.procedure().isBlank()) {
            params.put("procedure", q.procedure().trim());
            conditions.add("procedure_code = :procedure");
        }
        if (q.text() != null && !q.text().isBlank()) {
            String text = q.text().trim();
            if (text.length() > 100) {
                text = text.substring(0, 100);
            }
            // forgiving: the code in any case, with spaces, in part; the name without diacritics, in part;
            // the phone number in any common writing; the identification number with spaces
            String code = DossierQueries.normalizeCode(text);
            params.put("code", "%" + likeEscape(code == null ? "" : code) + "%");
            String folded = TextNormalizer.fold(text);
            params.put("name", folded.isEmpty() ? null : "%" + folded + "%");
            String phone = DossierQueries.normalizePhone(text);
            params.put("phone", phone);
            params.put("phone84", phone != null && phone.startsWith("0") ? "+84" + phone.substring(1) : phone);
            conditions.add("(code like :code escape '\\' or motcua_fold(applicant_name) like :name"
                    + " or applicant_phone in (:phone, :phone84) or applicant_id_number = :phone)");
        }
        return String.join(" and ", conditions);
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    List<DossierRecord> ofApplicant(long accountId, int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + " from dossier where applicant_account_id = :me"
                        + " order by created_at desc limit :limit offset :offset")
                .param("me", accountId).param("limit", limit).param("offset", offset).query(this::map).list();
    }

    long countOfApplicant(long accountId) {
        return jdbc.sql("select count(*) from dossier where applicant_account_id = :me").param("me", accountId)
                .query(Long.class).single();
    }

    /** Every dossier in id order, streamed with a server-side cursor (call inside a read-only transaction). */
    void forEachInIdOrder(Consumer<DossierRecord> each) {
        JdbcTemplate t = new JdbcTemplate(template.getDataSource());
        t.setFetchSize(2000);
        t.query("select " + COLUMNS + " from dossier order by id", (RowCallbackHandler) rs -> each.accept(map(rs, 0)));
    }

    // ------------------------------------------------------------------------------------------ deadlines

    /** A dossier whose deadline matters to someone: for the alerts. */
    record Deadline(long id, String code, String procedureName, String agencyCode, String stepAgency, String stepRole,
                    Long assigneeId, OffsetDateTime dueAt) {
    }

    /**
     * One overdue watch at a time (for its transaction): db-scheduler runs the recurring one on one node, but a run
     * asked for directly could overlap it, and two set-based updates of the same dossiers in different orders deadlock.
     */
    void lockWatch() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('overdue-watch'))").query((rs, i) -> 1).single();
    }

    /** Sets the due-soon flags of open dossiers; returns those newly flagged. */
    List<Deadline> flagDueSoon(OffsetDateTime now, OffsetDateTime soon) {
        List<Deadline> flagged = jdbc.sql("""
                update dossier set due_soon = (due_at > :now and due_at <= :soon)
                where status in ('RECEIVED', 'PROCESSING') and due_soon <> (due_at > :now and due_at <= :soon)
                returning id, code, procedure_name, agency_code, current_step_agency, current_step_role, assignee_id,
                          due_at, due_soon""")
                .param("now", now).param("soon", soon)
                .query((rs, i) -> rs.getBoolean("due_soon") ? deadline(rs) : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
        jdbc.sql("update dossier set due_soon = false where due_soon and status not in ('RECEIVED', 'PROCESSING')")
                .update();
        return flagged;
    }

    /** Marks the open dossiers that became overdue and returns them (each once). */
    List<Deadline> markOverdue(OffsetDateTime now) {
        return jdbc.sql("""
                update dossier set overdue_notified_at = :now
                where status in ('RECEIVED', 'PROCESSING') and due_at < :now and overdue_notified_at is null
                returning id, code, procedure_name, agency_code, current_step_agency, current_step_role, assignee_id,
                          due_at""")
                .param("now", now).query((rs, i) -> deadline(rs)).list();
    }

    private static Deadline deadline(ResultSet rs) throws SQLException {
        return new Deadline(rs.getLong("id"), rs.getString("code"), rs.getString("procedure_name"),
                rs.getString("agency_code"), rs.getString("current_step_agency"), rs.getString("current_step_role"),
                (Long) rs.getObject("assignee_id"), rs.getObject("due_at", OffsetDateTime.class));
    }

    /** Open dossiers whose running clock spans {@code [start, end)}: for a review after a calendar change. */
    List<Deadline> openSpanning(OffsetDateTime start, OffsetDateTime end) {
        return jdbc.sql("""
                select id, code, procedure_name, agency_code, current_step_agency, current_step_role, assignee_id,
                       due_at from dossier
                where status in ('RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'AWAITING_PAYMENT')
                  and due_at >= :start and coalesce(clock_started_at, received_at) < :end
                order by due_at limit 500""")
                .param("start", start).param("end", end).query((rs, i) -> deadline(rs)).list();
    }

    // ------------------------------------------------------------------------------------------ desk log

    /** A line of the desk log: a walk-in guided (form 02) or refused (form 03), without a dossier. */
    record DeskVisit(long id, String form, String procedureCode, String procedureName, String agencyCode,
                     String provinceCode, String districtCode, String communeCode, String level, String applicantName,
                     String applicantIdNumber, String applicantPhone, String reason, List<String> items,
                     Long officerId, String officerName, String origin, OffsetDateTime at) {
    }

    DeskVisit insertDeskVisit(DeskVisit v) {
        long id = jdbc.sql("""
                insert into dossier_desk_visit (form, procedure_code, procedure_name, agency_code, province_code,
                    district_code, commune_code, level, applicant_name, applicant_id_number, applicant_phone, reason,
                    items, officer_id, officer_name, origin, at)
                values (:form, :pc, :pn, :ag, :prov, :dist, :comm, :level, :name, :idn, :phone, :reason,
                    cast(:items as jsonb), :officer, :officerName, :origin, :at) returning id""")
                .param("form", v.form()).param("pc", v.procedureCode()).param("pn", v.procedureName())
                .param("ag", v.agencyCode()).param("prov", v.provinceCode()).param("dist", v.districtCode())
                .param("comm", v.communeCode()).param("level", v.level()).param("name", v.applicantName())
                .param("idn", v.applicantIdNumber()).param("phone", v.applicantPhone()).param("reason", v.reason())
                .param("items", json.writeValueAsString(v.items())).param("officer", v.officerId())
                .param("officerName", v.officerName()).param("origin", v.origin()).param("at", v.at())
                .query(Long.class).single();
        return new DeskVisit(id, v.form(), v.procedureCode(), v.procedureName(), v.agencyCode(), v.provinceCode(),
                v.districtCode(), v.communeCode(), v.level(), v.applicantName(), v.applicantIdNumber(),
                v.applicantPhone(), v.reason(), v.items(), v.officerId(), v.officerName(), v.origin(), v.at());
    }

    Optional<DeskVisit> deskVisit(long id, String agencyCode) {
        return jdbc.sql("""
                select id, form, procedure_code, procedure_name, agency_code, province_code, district_code,
                       commune_code, level, applicant_name, applicant_id_number, applicant_phone, reason,
                       items::text as items, officer_id, officer_name, origin, at
                from dossier_desk_visit where id = :id and agency_code = :ag""")
                .param("id", id).param("ag", agencyCode)
                .query((rs, i) -> {
                    List<String> items = new ArrayList<>();
                    json.readTree(rs.getString("items")).forEach(n -> items.add(n.asString()));
                    return new DeskVisit(rs.getLong("id"), rs.getString("form"), rs.getString("procedure_code"),
                            rs.getString("procedure_name"), rs.getString("agency_code"), rs.getString("province_code"),
                            rs.getString("district_code"), rs.getString("commune_code"), rs.getString("level"),
                            rs.getString("applicant_name"), rs.getString("applicant_id_number"),
                            rs.getString("applicant_phone"), rs.getString("reason"), items,
                            (Long) rs.getObject("officer_id"), rs.getString("officer_name"), rs.getString("origin"),
                            rs.getObject("at", OffsetDateTime.class));
                }).optional();
    }

    // ------------------------------------------------------------------------------------------ mapping

    DossierRecord map(ResultSet rs, int i) throws SQLException {
        String feeQuote = rs.getString("fee_quote");
        return map(rs, json.readTree(rs.getString("applicant")), json.readTree(rs.getString("form")),
                feeQuote == null ? null : json.readTree(feeQuote));
    }

    /** A row whose JSON documents are already known (a write returns the other columns only). */
    private DossierRecord map(ResultSet rs, JsonNode applicant, JsonNode form, JsonNode feeQuote) throws SQLException {
        String outcome = rs.getString("outcome");
        return new DossierRecord(rs.getLong("id"), rs.getString("code"), rs.getString("procedure_code"),
                rs.getInt("procedure_version"), rs.getString("procedure_name"), rs.getString("agency_code"),
                rs.getString("province_code"), rs.getString("district_code"), rs.getString("commune_code"),
                rs.getString("level"), Channel.valueOf(rs.getString("channel")),
                DossierStatus.valueOf(rs.getString("status")), (Long) rs.getObject("applicant_account_id"),
                applicant, rs.getString("applicant_name"), rs.getString("applicant_id_number"),
                rs.getString("applicant_phone"), form,
                (BigDecimal) rs.getObject("time_amount"), rs.getString("time_unit"), ts(rs, "submitted_at"),
                ts(rs, "received_at"), ts(rs, "clock_started_at"), ts(rs, "due_at"), ts(rs, "original_due_at"),
                ts(rs, "paused_at"), (Long) rs.getObject("paused_remaining_min"), ts(rs, "finished_at"),
                ts(rs, "returned_at"), outcome == null ? null : Outcome.valueOf(outcome), rs.getInt("supplement_count"),
                rs.getInt("reception_supplement_count"), rs.getString("supplement_stage"), rs.getInt("apology_count"),
                rs.getBoolean("late_flag"), (Long) rs.getObject("assignee_id"), rs.getString("assignee_name"),
                (Integer) rs.getObject("current_step_seq"), rs.getString("current_step_name"),
                rs.getString("current_step_role"), rs.getString("current_step_agency"), ts(rs, "current_step_due_at"),
                List.of((String[]) rs.getArray("consulting_agencies").getArray()), rs.getBoolean("due_soon"),
                ts(rs, "processing_since"), (Long) rs.getObject("received_by"), rs.getBoolean("digitised"),
                (Long) rs.getObject("fee_amount"), feeQuote,
                ts(rs, "paid_at"), rs.getString("rating"), rs.getString("rating_comment"), ts(rs, "rated_at"),
                rs.getInt("result_files"), rs.getInt("version"), ts(rs, "created_at"), ts(rs, "updated_at"));
    }

    private static OffsetDateTime ts(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

}
