package vn.motcua.dossier.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.NonNull;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Outcome;
import vn.motcua.platform.Channel;

/**
 * The JSON the dossier endpoints answer (written by {@code DossierViews}), for the OpenAPI description: the
 * response validation of the integration tests checks every real answer against these (docs/API-CONVENTIONS.md).
 * Reference fields may be null unless {@code @NonNull}; {@code @Nullable} ones may also be absent.
 */
final class DossierSchemas {

    private DossierSchemas() {
    }

    @Schema(name = "DossierSummary", description = "A dossier in a list")
    record Summary(@NonNull String code, @NonNull DossierStatus status,
                   int statusCode, @NonNull String statusName, @NonNull String procedureCode,
                   @NonNull String procedureName, @NonNull String agencyCode,
                   @NonNull Channel channel, String applicantName,
                   OffsetDateTime submittedAt, OffsetDateTime receivedAt, OffsetDateTime dueAt,
                   OffsetDateTime finishedAt, Outcome outcome, boolean overdue,
                   boolean dueSoon, String currentStep, @Nullable String assignee, int version) {
    }

    @Schema(name = "Dossier", description = "The whole dossier; officers also see steps, consultations and the "
            + "current step; allowedActions are the actions the caller may take now")
    record Full(@NonNull String code, @NonNull DossierStatus status,
                int statusCode, @NonNull String statusName, @NonNull String procedureCode,
                @NonNull String procedureName, @NonNull String agencyCode,
                @NonNull Channel channel, String applicantName,
                OffsetDateTime submittedAt, OffsetDateTime receivedAt, OffsetDateTime dueAt, OffsetDateTime finishedAt,
                Outcome outcome, boolean overdue, boolean dueSoon,
                String currentStep, @Nullable String assignee, int version, int procedureVersion, String agencyName,
                Applicant applicant, JsonNode form, OffsetDateTime clockStartedAt, OffsetDateTime originalDueAt,
                OffsetDateTime pausedAt, OffsetDateTime returnedAt, int supplementCount, int apologyCount,
                boolean lateFlag, Long feeAmount, @NonNull Fee fee, OffsetDateTime paidAt, String rating,
                @NonNull @Schema(allowableValues = {"DIRECT", "POSTAL", "ONLINE"}, description = "how the result "
                        + "reaches the applicant: at the counter, by post or to download") String resultDelivery,
                @Schema(description = "the postal address (POSTAL)") String deliveryAddress,
                @Schema(description = "the procedure's processing time the dossier was filed under")
                vn.motcua.calendar.ProcessingTime processingTime,
                @NonNull List<Attachment> attachments, @Nullable PendingSupplement pendingSupplement,
                @Nullable List<Step> steps, @Nullable String currentStepAgency, @Nullable String currentStepRole,
                @Nullable OffsetDateTime currentStepDueAt, @Nullable List<Consultation> consultations,
                @NonNull List<DossierAction> allowedActions) {
    }

    @Schema(name = "DossierConsultation", description = "A question asked to another agency about the dossier "
            + "(lấy ý kiến), and its answer once given (officers)")
    record Consultation(long id, long dossierId, @NonNull String dossierCode, @NonNull String fromAgency,
                        @NonNull String toAgency, @NonNull String question, @NonNull String requestedBy,
                        @NonNull OffsetDateTime requestedAt, @NonNull OffsetDateTime dueAt,
                        @Schema(description = "null while unanswered") OffsetDateTime answeredAt, String answer,
                        String answeredBy) {
    }

    @Schema(name = "DossierTracking", description = "What the public tracking shows: status and history, never any "
            + "personal data")
    record Tracking(@NonNull @Schema(example = "H10.25.01-260512-0001") String code, @NonNull String procedureCode,
                    @NonNull String procedureName, @NonNull String agencyName, @NonNull DossierStatus status,
                    @Schema(description = "the national portal's status code", example = "2") int statusCode,
                    @NonNull @Schema(example = "Đang giải quyết") String statusName, OffsetDateTime submittedAt,
                    OffsetDateTime receivedAt, OffsetDateTime dueAt, OffsetDateTime finishedAt,
                    OffsetDateTime returnedAt, Outcome outcome, @NonNull List<TrackingStep> history) {
    }

    @Schema(name = "DossierTrackingStep", description = "A change of status, oldest first")
    record TrackingStep(@NonNull DossierStatus status, @NonNull String statusName, @NonNull OffsetDateTime at) {
    }

    @Schema(name = "DossierFee", description = "The fee as the catalogue computed it at intake")
    record Fee(long total, @NonNull List<FeeItem> items, boolean complete) {
    }

    @Schema(name = "DossierFeeItem")
    record FeeItem(String name, Long amount, String condition, int quantity, Long unitAmount,
                   @Nullable @Schema(allowableValues = {"phi", "le_phi"}, description = "phí (a charge for a service) "
                           + "or lệ phí (a state fee), as the catalogue lists it") String kind) {
    }

    @Schema(name = "DossierAttachment", description = "A document of the dossier (download: …/files/{fileId})")
    record Attachment(@NonNull String kind, String componentCode, @NonNull UUID fileId, @NonNull String name,
                      @NonNull String contentType, long size, boolean digitised) {
    }

    @Schema(name = "PendingSupplement", description = "What the applicant is asked to supply")
    record PendingSupplement(String stage, OffsetDateTime requestedAt, String reason, List<String> items) {
    }

    @Schema(name = "DossierStep", description = "A step of the processing (officers)")
    record Step(int seq, String name, String role, String agencyCode, String status, String assignee,
                OffsetDateTime startedAt, OffsetDateTime dueAt, OffsetDateTime finishedAt) {
    }

    @Schema(name = "DossierHistoryEntry", description = "Who did what, when and from where; the applicant sees the "
            + "role's and the agency's names instead of the officer's name and the origin")
    record History(@NonNull OffsetDateTime at, @Nullable String actor, String actorRole,
                   @Nullable @Schema(description = "the applicant's view") String actorRoleName, String agencyCode,
                   @Nullable @Schema(description = "the applicant's view") String agencyName,
                   @Nullable String origin,
                   @NonNull String action, String actionName,
                   String fromStatus, String toStatus, String step, String reason, String note, OffsetDateTime dueAt,
                   List<HistoryDocument> documents) {
    }

    @Schema(name = "DossierHistoryDocument", description = "A file the action attached to the dossier (download it "
            + "with GET /api/v1/files/{id} when allowed)")
    record HistoryDocument(@NonNull @Schema(format = "uuid") String fileId,
                           @NonNull @Schema(description = "the file's name as uploaded") String name,
                           @NonNull @Schema(description = "SUPPLEMENT: supplied by the applicant (online, or scanned "
                                   + "at the counter); RESULT: the result; WITHDRAWAL: the request to withdraw",
                                   allowableValues = {"SUPPLEMENT", "RESULT", "WITHDRAWAL"}) String kind) {
    }

    @Schema(name = "OfficeQueue", description = "A page of the work queue, with the count of each view")
    record Queue(@NonNull List<Summary> items, long total, int page, int size, @NonNull Map<String, Long> counts) {
    }

    @Schema(name = "DossierSummaryPage", description = "A page of the caller's dossiers")
    record SummaryPage(@NonNull List<Summary> items, long total, int page, int size) {
    }
}
