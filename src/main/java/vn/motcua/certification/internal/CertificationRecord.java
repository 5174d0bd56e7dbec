package vn.motcua.certification.internal;

import java.time.OffsetDateTime;
import java.util.UUID;
import vn.motcua.certification.CertificationStatus;

/** One row of {@code certification_request}. */
record CertificationRecord(long id, String code, String agencyCode, String channel, Long applicantAccountId,
                           String applicantName, String applicantIdNumber, String documentName, int pages, int copies,
                           UUID originalFileId, CertificationStatus status, OffsetDateTime receivedAt,
                           OffsetDateTime dueAt, boolean extended, long feeAmount, String statement,
                           String certifierName, UUID signedFileId, UUID documentKey, Integer bookYear,
                           Integer bookNumber, Integer certificationNumber, String numberText, String refusalGround,
                           String refusalNote, UUID copyFileId, OffsetDateTime completedAt, int version) {
}
