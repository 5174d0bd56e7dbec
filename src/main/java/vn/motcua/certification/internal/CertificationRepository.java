package vn.motcua.certification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.certification.CertificationStats;
import vn.motcua.certification.CertificationStatus;
import vn.motcua.platform.ProblemException;

/** The tables of the certification module: requests, the yearly register's books, the history. */
@Repository
class CertificationRepository implements CertificationStats {

    private final JdbcClient jdbc;

    /** Times are given in the province's zone (the calendar's). */
    private final java.time.ZoneId zone;

    CertificationRepository(JdbcClient jdbc, java.time.ZoneId zone) {
        this.zone = zone;
        this.jdbc = jdbc;
    }

    record NewRequest(String agencyCode, String channel, Long applicantAccountId, String applicantName,
                      String applicantIdNumber, String documentName, int pages, int copies, UUID originalFileId,
                      OffsetDateTime receivedAt, OffsetDateTime dueAt, boolean extended, long fee, String feeQuote) {
    }

    CertificationRecord insert(NewRequest r) {
        long seq = jdbc.sql("select nextval('certification_code_seq')").query(Long.class).single();
        String code = "CT" + r.receivedAt().getYear() + "-" + String.format("%06d", seq);
        long id = jdbc.sql("""
                insert into certification_request (code, agency_code, channel, applicant_account_id, applicant_name,
                    applicant_id_number, document_name, pages, copies, original_file_id, status, received_at, due_at,
                    extended, fee_amount, fee_quote)
                values (:code, :agency, :channel, :account, :name, :idn, :doc, :pages, :copies, :file, 'TIEP_NHAN',
                    :received, :due, :extended, :fee, cast(:quote as jsonb))
                returning id""")
                .param("code", code).param("agency", r.agencyCode()).param("channel", r.channel())
                .param("account", r.applicantAccountId()).param("name", r.applicantName())
                .param("idn", r.applicantIdNumber()).param("doc", r.documentName()).param("pages", r.pages())
                .param("copies", r.copies()).param("file", r.originalFileId())
                .param("received", ts(r.receivedAt())).param("due", ts(r.dueAt())).param("extended", r.extended())
                .param("fee", r.fee()).param("quote", r.feeQuote()).query(Long.class).single();
        return byId(id, false).orElseThrow();
    }

    Optional<CertificationRecord> byCode(String code, boolean lock) {
        return jdbc.sql("select * from certification_request where code = :c" + (lock ? " for update" : ""))
                .param("c", code).query(this::row).optional();
    }

    private Optional<CertificationRecord> byId(long id, boolean lock) {
        return jdbc.sql("select * from certification_request where id = :id" + (lock ? " for update" : ""))
                .param("id", id).query(this::row).optional();
    }

    List<CertificationRecord> ofApplicant(long accountId) {
        return jdbc.sql("select * from certification_request where applicant_account_id = :a order by id desc limit 200")
                .param("a", accountId).query(this::row).list();
    }

    /** The requests of some agencies (an officer's own, and those it succeeded), the open ones only when asked. */
    List<CertificationRecord> ofAgencies(java.util.Collection<String> agencyCodes, boolean open) {
        return jdbc.sql("select * from certification_request where agency_code = any(:a)"
                        + (open ? " and status in ('TIEP_NHAN', 'CHO_KY', 'CHO_DONG_DAU')" : "")
                        + " order by due_at, id limit 500")
                .param("a", agencyCodes.toArray(String[]::new)).query(this::row).list();
    }

    /** The next number of the agency's book of the year: gap-free, as it is taken in the caller's transaction. */
    BookNumber next(String agencyCode, int year) {
        jdbc.sql("insert into certification_book (agency_code, year) values (:a, :y) on conflict do nothing")
                .param("a", agencyCode).param("y", year).update();
        return jdbc.sql("""
                update certification_book set last_number = last_number + 1 where agency_code = :a and year = :y
                returning book_number, last_number""").param("a", agencyCode).param("y", year)
                .query((rs, i) -> new BookNumber(agencyCode, year, rs.getInt("book_number"), rs.getInt("last_number")))
                .single();
    }

    /** A number of an agency's book (the agency that gave it: a request handed over later keeps it). */
    record BookNumber(String agencyCode, int year, int book, int number) {

        /** "Số chứng thực: 15; Quyển số: 01/2026-SCT/BS-ĐT" (DOMAIN-2.md §3; the ĐT suffix for e-copies: design). */
        String text() {
            return "Số chứng thực: " + number + "; Quyển số: " + String.format("%02d", book) + "/" + year
                    + "-SCT/BS-ĐT";
        }
    }

    /** The change of a transition; {@code null} fields stay as they are. 409 when the version is stale. */
    record Change(CertificationStatus status, String statement, String certifierName, UUID signedFileId,
                  UUID documentKey, BookNumber number, String refusalGround, String refusalNote, UUID copyFileId,
                  OffsetDateTime completedAt, Boolean extended, OffsetDateTime dueAt) {
    }

    CertificationRecord update(CertificationRecord r, Change c) {
        int n = jdbc.sql("""
                update certification_request set status = :status,
                    statement = coalesce(:statement, statement), certifier_name = coalesce(:certifier, certifier_name),
                    signed_file_id = coalesce(:signed, signed_file_id), document_key = coalesce(:key, document_key),
                    book_agency_code = coalesce(:bookagency, book_agency_code),
                    book_year = coalesce(:year, book_year), book_number = coalesce(:book, book_number),
                    certification_number = coalesce(:num, certification_number),
                    number_text = coalesce(:numtext, number_text),
                    refusal_ground = coalesce(:ground, refusal_ground), refusal_note = coalesce(:note, refusal_note),
                    copy_file_id = coalesce(:copy, copy_file_id), completed_at = coalesce(:done, completed_at),
                    extended = coalesce(:extended, extended), due_at = coalesce(:due, due_at),
                    version = version + 1
                where id = :id and version = :version""")
                .param("status", c.status().name()).param("statement", c.statement())
                .param("certifier", c.certifierName()).param("signed", c.signedFileId()).param("key", c.documentKey())
                .param("bookagency", c.number() == null ? null : c.number().agencyCode())
                .param("year", c.number() == null ? null : c.number().year())
                .param("book", c.number() == null ? null : c.number().book())
                .param("num", c.number() == null ? null : c.number().number())
                .param("numtext", c.number() == null ? null : c.number().text())
                .param("ground", c.refusalGround()).param("note", c.refusalNote()).param("copy", c.copyFileId())
                .param("done", c.completedAt() == null ? null : ts(c.completedAt())).param("extended", c.extended())
                .param("due", c.dueAt() == null ? null : ts(c.dueAt()))
                .param("id", r.id()).param("version", r.version()).update();
        if (n != 1) {
            throw ProblemException.conflict("certification.stale");
        }
        return byId(r.id(), false).orElseThrow();
    }

    /**
     * The open requests of an agency (not in a final state), locked, oldest first: what a reorganisation hands over.
     */
    List<CertificationRecord> openOf(String agencyCode) {
        return jdbc.sql("""
                select * from certification_request where agency_code = :a
                and status = any(:open) order by id for update""")
                .param("a", agencyCode).param("open", java.util.Arrays.stream(CertificationStatus.values())
                        .filter(s -> !s.finished()).map(Enum::name).toArray(String[]::new))
                .query(this::row).list();
    }

    /** Hands a request over to another agency: its agency changes, its state stays; 409 when the version is stale. */
    CertificationRecord handOver(CertificationRecord r, String toAgency) {
        int n = jdbc.sql("""
                update certification_request set agency_code = :to, version = version + 1
                where id = :id and version = :version""")
                .param("to", toAgency).param("id", r.id()).param("version", r.version()).update();
        if (n != 1) {
            throw ProblemException.conflict("certification.stale");
        }
        return byId(r.id(), false).orElseThrow();
    }

    void history(long requestId, OffsetDateTime at, Long actorId, String actorName, String action,
                 CertificationStatus from, CertificationStatus to, String note) {
        jdbc.sql("""
                insert into certification_history (request_id, at, actor_id, actor_name, action, from_status, to_status,
                    note) values (:r, :at, :aid, :an, :action, :from, :to, :note)""")
                .param("r", requestId).param("at", ts(at)).param("aid", actorId).param("an", actorName)
                .param("action", action).param("from", from == null ? null : from.name()).param("to", to.name())
                .param("note", note).update();
    }

    List<CertificationHistoryEntry> history(long requestId) {
        return jdbc.sql("select * from certification_history where request_id = :r order by id").param("r", requestId)
                .query((rs, i) -> new CertificationHistoryEntry(odt(rs, "at"), rs.getString("actor_name"), rs.getString("action"),
                        rs.getString("from_status"), rs.getString("to_status"), rs.getString("note"))).list();
    }

    @Override
    public Set<String> agenciesCertifying(OffsetDateTime from, OffsetDateTime to) {
        return new HashSet<>(jdbc.sql("""
                select distinct agency_code from certification_request
                where status = 'HOAN_THANH' and completed_at >= :f and completed_at < :t""")
                .param("f", ts(from)).param("t", ts(to)).query(String.class).list());
    }

    private static Timestamp ts(OffsetDateTime t) {
        return Timestamp.from(t.toInstant());
    }

    private OffsetDateTime odt(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant().atZone(zone).toOffsetDateTime();
    }

    private CertificationRecord row(ResultSet rs, int i) throws SQLException {
        return new CertificationRecord(rs.getLong("id"), rs.getString("code"), rs.getString("agency_code"),
                rs.getString("channel"), (Long) rs.getObject("applicant_account_id"), rs.getString("applicant_name"),
                rs.getString("applicant_id_number"), rs.getString("document_name"), rs.getInt("pages"),
                rs.getInt("copies"), rs.getObject("original_file_id", UUID.class),
                CertificationStatus.valueOf(rs.getString("status")), odt(rs, "received_at"), odt(rs, "due_at"),
                rs.getBoolean("extended"), rs.getLong("fee_amount"), rs.getString("statement"),
                rs.getString("certifier_name"), rs.getObject("signed_file_id", UUID.class),
                rs.getObject("document_key", UUID.class), (Integer) rs.getObject("book_year"),
                (Integer) rs.getObject("book_number"), (Integer) rs.getObject("certification_number"),
                rs.getString("number_text"), rs.getString("refusal_ground"), rs.getString("refusal_note"),
                rs.getObject("copy_file_id", UUID.class), odt(rs, "completed_at"), rs.getInt("version"));
    }
}
