package vn.motcua.certification;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request for electronic certified copies, as the API shows it.
 *
 * @param code                the request's code, e.g. {@code CT2026-000042}
 * @param pages               pages of the original (the fee counts them)
 * @param copies              certified copies wanted
 * @param extended            the time limit is extended by 2 working days (many pages or copies, Art. 21)
 * @param fee                 the fee in đồng ({@code Catalog.quote} of the e-certification procedure)
 * @param certificationNumber e.g. "Số chứng thực: 15; Quyển số: 01/2026-SCT/BS-ĐT", once signed
 * @param signedDocumentId    the key of the signed e-copy in the register of signed documents (its QR code)
 * @param allowedActions      what the caller may do now
 */
public record CertificationRequest(String code, String agencyCode, String channel, String applicantName,
                                   String documentName, int pages, int copies, CertificationStatus status,
                                   OffsetDateTime receivedAt, OffsetDateTime dueAt, boolean extended, long fee,
                                   @Nullable String statement, @Nullable String certifierName,
                                   @Nullable String certificationNumber, @Nullable String refusalGround,
                                   @Nullable String refusalNote, @Nullable String signedDocumentId,
                                   @Nullable OffsetDateTime completedAt, int version,
                                   List<CertificationAction> allowedActions) {
}
