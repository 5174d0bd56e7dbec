package vn.motcua.dossier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Loads dossiers straight into the dossier module's tables (PostgreSQL COPY), for the demo generator and imports:
 * one transaction, all or nothing, no outbox events (history is not re-announced to citizens or re-sent to the
 * national portal); every {@link vn.motcua.platform.BulkLoadListener} rebuilds what it derives afterwards. The rows
 * must follow the rule book ({@link vn.motcua.dossier.rules}): the loader writes them as given.
 */
public interface DossierBulkLoad {

    /**
     * Runs a load. With a {@code marker} (a demo_data_loaded name) the load is skipped when it was recorded, and
     * recorded in the same transaction (idempotent, safe with several nodes).
     *
     * @return false when skipped
     */
    boolean load(String marker, String fingerprint, Loader loader) throws Exception;

    /**
     * Streams, in id order, the dossiers received in [{@code from}, {@code to}) whose history was loaded from
     * {@code origin} (the generator writes {@code generator}), for a module that loads what their lives would have
     * produced in its own tables (the demo's past payments). Read-only, in its own transaction.
     */
    void forEachLoaded(String origin, OffsetDateTime from, OffsetDateTime to, java.util.function.Consumer<Loaded> each);

    /**
     * Tells the payments of loaded dossiers in their histories as the live flow does ({@link PaymentReceived#note()};
     * an online payment confirmed by the system, cash by the reception officer who took it): each dossier's
     * {@code CONFIRM_PAYMENT} line of {@code origin} at the payment's moment gets the note, and the system as its
     * actor when paid online. With a {@code marker} (demo_data_loaded) skipped when recorded, recorded in the same
     * transaction; {@code notes} is asked only when not skipped.
     *
     * @return the lines told (-1: skipped)
     */
    int notePayments(String origin, String marker, java.util.function.Supplier<List<PaymentNote>> notes);

    /** A payment a loaded dossier received, at the moment its history confirms it. */
    record PaymentNote(long dossierId, OffsetDateTime at, PaymentReceived payment) {
    }

    /**
     * A dossier loaded in bulk, as another module needs it.
     *
     * @param channel   ONLINE, DIRECT or POSTAL (as submitted)
     * @param feeAmount the fee the catalogue quoted at intake (0: none)
     * @param paidAt    when its fee was confirmed paid (null: never)
     * @param submittedAt        when it was submitted online (null: filed at the counter or by post)
     * @param applicantAccountId the citizen's account that filed it (null: none)
     * @param receivedBy         the one-stop officer who received it (the receipt's line of its history)
     */
    record Loaded(long id, String code, String procedureCode, String procedureName, String agencyCode, String channel,
                  String status, OffsetDateTime receivedAt, OffsetDateTime finishedAt, long feeAmount,
                  OffsetDateTime paidAt, String applicantName, String applicantIdNumber, String applicantAddress,
                  OffsetDateTime submittedAt, LocalDate applicantDateOfBirth, String applicantPhone,
                  Long applicantAccountId, String receivedBy) {
    }

    /**
     * The citizens' accounts that filed loaded dossiers (the demo history's online applicants, issue 14), in the
     * caller's transaction (required): each dossier by id gets its account unless it already has one. A history row
     * is left as it is (who filed it was already the applicant).
     *
     * @return the dossiers given an account
     */
    int setApplicantAccounts(Map<Long, Long> accountByDossier);

    /** The work of a load: produces batches and hands them to {@link Session#write}. */
    @FunctionalInterface
    interface Loader {
        void run(Session session) throws Exception;
    }

    /** What a load may use. {@link #nextId} and {@link #existingCodes} may be called from another thread. */
    interface Session {

        /** A dossier id reserved from the table's own sequence (safe beside live intake). */
        long nextId();

        /** The daily code counters already used on {@code day}, by agency electronic id. */
        Map<String, Integer> existingCodes(LocalDate day);

        /** Copies a batch into the tables. */
        void write(Batch batch) throws Exception;
    }

    /** Rows to copy; code counters are merged with the live ones at the end (codes stay unique). */
    record Batch(List<Dossier> dossiers, List<History> history, List<Supplement> supplements,
                 List<CodeCounter> counters) {
    }

    /** A dossier row. */
    record Dossier(long id, String code, String procedureCode, int procedureVersion, String procedureName,
                   String agencyCode, String provinceCode, String districtCode, String communeCode, String level,
                   String channel, String status, String applicantJson, String applicantName, String applicantIdNumber,
                   String applicantPhone, String formJson, BigDecimal timeAmount, String timeUnit,
                   OffsetDateTime submittedAt, OffsetDateTime receivedAt, OffsetDateTime clockStartedAt,
                   OffsetDateTime dueAt, OffsetDateTime originalDueAt, OffsetDateTime pausedAt, Long pausedRemainingMin,
                   OffsetDateTime finishedAt, OffsetDateTime returnedAt, String outcome, int supplementCount,
                   int receptionSupplementCount, String supplementStage, int apologyCount, boolean lateFlag,
                   String assigneeName, OffsetDateTime processingSince, boolean digitised, long feeAmount,
                   OffsetDateTime paidAt, String rating, OffsetDateTime ratedAt, OffsetDateTime createdAt,
                   OffsetDateTime updatedAt) {
    }

    /** A history row. */
    record History(long dossierId, OffsetDateTime at, String actorName, String actorRole, String agencyCode,
                   String origin, String action, String fromStatus, String toStatus, String step, String reason,
                   String note, OffsetDateTime dueAt) {
    }

    /** A supplement request and when it was answered. */
    record Supplement(long dossierId, String stage, OffsetDateTime requestedAt, String reason,
                      OffsetDateTime suppliedAt, String note) {
    }

    /** The last code number used by an agency on a day. */
    record CodeCounter(String agencyEid, LocalDate day, int last) {
    }
}
