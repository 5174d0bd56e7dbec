package vn.motcua.dossier;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An officer's action on a dossier (POST /api/v1/office/dossiers/{code}/actions).
 *
 * @param version    the dossier version the officer saw (optimistic locking)
 * @param assignee   username of the officer to assign (ASSIGN)
 * @param agencyCode the other agency (CONSULT, FORWARD to another agency)
 * @param newDueAt   the new appointment (APOLOGIZE)
 * @param items      what the applicant must supply, one line each (REQUEST_SUPPLEMENT)
 * @param amount     the amount to pay in VND (REQUEST_PAYMENT; default: the catalogue's fees)
 * @param generateResult COMPLETE without uploads: generate the result document from the procedure's template
 */
public record ActionRequest(String action, Integer version, String reason, String note, String assignee,
                            String agencyCode, OffsetDateTime newDueAt, List<IntakeRequest.AttachmentRef> attachments,
                            List<String> items, Long amount, Boolean generateResult) {
}
