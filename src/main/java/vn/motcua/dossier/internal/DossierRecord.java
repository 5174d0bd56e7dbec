package vn.motcua.dossier.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.TimeUnit;
import vn.motcua.dossier.DossierSnapshot;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Outcome;
import vn.motcua.dossier.rules.ClockState;
import vn.motcua.dossier.rules.DossierFacts;
import vn.motcua.dossier.rules.SupplementStage;
import vn.motcua.platform.Channel;

/**
 * A dossier row, as read for a decision or a view.
 *
 * @param receptionSupplementCount supplement requests made at reception (guide once, completely)
 * @param processingSince          when the complete dossier last reached processing (the 3-working-day window)
 * @param resultFiles              result documents attached
 * @param feeQuote                 the catalogue's quote at intake ({@code {total, items, complete}}); null before
 */
public record DossierRecord(long id, String code, String procedureCode, int procedureVersion, String procedureName,
                            String agencyCode, String provinceCode, String districtCode, String communeCode,
                            String level, Channel channel, DossierStatus status, Long applicantAccountId,
                            JsonNode applicant, String applicantName, String applicantIdNumber, String applicantPhone,
                            JsonNode form, BigDecimal timeAmount, String timeUnit, OffsetDateTime submittedAt,
                            OffsetDateTime receivedAt, OffsetDateTime clockStartedAt, OffsetDateTime dueAt,
                            OffsetDateTime originalDueAt, OffsetDateTime pausedAt, Long pausedRemainingMin,
                            OffsetDateTime finishedAt, OffsetDateTime returnedAt, Outcome outcome, int supplementCount,
                            int receptionSupplementCount, String supplementStage, int apologyCount, boolean lateFlag,
                            Long assigneeId, String assigneeName, Integer currentStepSeq, String currentStepName,
                            String currentStepRole, String currentStepAgency, OffsetDateTime currentStepDueAt,
                            List<String> consultingAgencies, boolean dueSoon, OffsetDateTime processingSince,
                            Long receivedBy, boolean digitised, Long feeAmount, JsonNode feeQuote, OffsetDateTime paidAt,
                            String rating, String ratingComment, OffsetDateTime ratedAt, int resultFiles, int version,
                            OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** The statutory processing time the dossier was filed under. */
    public ProcessingTime processingTime() {
        return new ProcessingTime(timeAmount, TimeUnit.valueOf(timeUnit));
    }

    public ClockState clock() {
        return new ClockState(clockStartedAt, dueAt, originalDueAt, pausedAt, pausedRemainingMin);
    }

    public SupplementStage stage() {
        return supplementStage == null ? null : SupplementStage.valueOf(supplementStage);
    }

    /** What the rules know of it; {@code lastStep}/{@code hasNextStep} from the workflow when they matter. */
    public DossierFacts facts(boolean lastStep, boolean hasNextStep) {
        return new DossierFacts(status, channel, stage(), receivedAt, dueAt, processingSince, apologyCount,
                receptionSupplementCount, lastStep, hasNextStep, rating != null);
    }

    /** The applicant's e-mail address, if given. */
    public String applicantEmail() {
        JsonNode v = applicant == null ? null : applicant.get("email");
        return v == null || v.isNull() ? null : v.asString();
    }

    /** The state other modules see. */
    public DossierSnapshot snapshot() {
        return new DossierSnapshot(id, code, status, procedureCode, procedureName, agencyCode, provinceCode,
                districtCode, communeCode, level, channel, submittedAt, receivedAt, dueAt, originalDueAt, pausedAt,
                finishedAt, returnedAt, outcome, supplementCount, apologyCount, lateFlag, digitised, feeAmount, paidAt,
                rating, assigneeId, currentStepRole, currentStepAgency, applicantAccountId, applicantName,
                applicantEmail(), applicantPhone, applicantIdNumber, supplementStage, resultFiles, version);
    }
}
