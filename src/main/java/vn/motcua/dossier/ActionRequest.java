package vn.motcua.dossier;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An officer's action on a dossier (POST /api/v1/office/dossiers/{code}/actions); the rule book decides
 * ({@code allowedActions} of the dossier lists what is possible now).
 *
 * @param action     ACCEPT, REFUSE, REQUEST_SUPPLEMENT, SUPPLY, ASSIGN, FORWARD, CONSULT, ANSWER_CONSULTATION, REJECT,
 *                   APOLOGIZE, REQUEST_PAYMENT, CONFIRM_PAYMENT, WAIVE_PAYMENT, COMPLETE, RETURN_RESULT, STOP, WITHDRAW
 * @param version    the dossier version the officer saw (optimistic locking)
 * @param attachments COMPLETE: the result files; SUPPLY (a counter or postal dossier): the scans of the papers the
 *                   applicant brought, with their component; WITHDRAW (idem): the written request, scanned
 * @param assignee   username of the officer to assign (ASSIGN)
 * @param agencyCode the other agency (CONSULT, FORWARD to another agency)
 * @param newDueAt   the new appointment (APOLOGIZE)
 * @param items      what the applicant must supply, one line each (REQUEST_SUPPLEMENT)
 * @param amount     the amount to pay in VND (REQUEST_PAYMENT; default: the catalogue's fees)
 * @param generateResult COMPLETE without uploads: generate the result document from the procedure's template
 */
public record ActionRequest(@Schema(implementation = DossierAction.class) String action, @Nullable Integer version,
                            @Nullable String reason, @Nullable String note, @Nullable String assignee,
                            @Nullable String agencyCode, @Nullable OffsetDateTime newDueAt,
                            @Nullable List<IntakeRequest.AttachmentRef> attachments, @Nullable List<String> items,
                            @Nullable Long amount, @Nullable Boolean generateResult) {
}
