package vn.motcua.dossier.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Outcome;
import vn.motcua.platform.Channel;

/** A dossier row, as read for a decision or a view. */
public record DossierRecord(long id, String code, String procedureCode, int procedureVersion, String procedureName,
                            String agencyCode, String provinceCode, String districtCode, String communeCode,
                            String level, Channel channel, DossierStatus status, Long applicantAccountId,
                            JsonNode applicant, String applicantName, String applicantIdNumber, String applicantPhone,
                            JsonNode form, BigDecimal timeAmount, String timeUnit, OffsetDateTime submittedAt,
                            OffsetDateTime receivedAt, OffsetDateTime clockStartedAt, OffsetDateTime dueAt,
                            OffsetDateTime originalDueAt, OffsetDateTime pausedAt, Long pausedRemainingMin,
                            OffsetDateTime finishedAt, OffsetDateTime returnedAt, Outcome outcome, int supplementCount,
                            String supplementStage, int apologyCount, boolean lateFlag, Long assigneeId, String assigneeName,
                            Integer currentStepSeq, String currentStepName, String currentStepRole,
                            String currentStepAgency, OffsetDateTime currentStepDueAt, java.util.List<String> consultingAgencies,
                            boolean dueSoon,
                            Long receivedBy, boolean digitised, Long feeAmount, OffsetDateTime paidAt, String rating,
                            String ratingComment, OffsetDateTime ratedAt, int version, OffsetDateTime createdAt,
                            OffsetDateTime updatedAt) {
}
