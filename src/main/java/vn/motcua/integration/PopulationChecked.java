package vn.motcua.integration;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import vn.motcua.platform.outbox.OutboxEvent;

/**
 * A check of a dossier's applicant against the national population database now belongs to the dossier (issue 14;
 * {@value #TYPE} in the outbox, in the transaction of the check or of its link to the dossier filed after it): made
 * for the dossier by an officer or by the system's job, or made at the counter or for a pre-fill just before filing.
 * The 766 index follows it (indicators 4.5a/4.5b): a dossier uses population data when the registry answered about
 * its applicant, the rule the national sync sends as DSKetNoiCSDL.
 *
 * @param result   MATCH, MISMATCH, NOT_FOUND or NOT_DONE (the registry away)
 * @param answered the population database answered about the applicant, its data used for the dossier
 *                 ({@code PopulationChecks.Result#answered}: MATCH or MISMATCH)
 */
public record PopulationChecked(long checkId, String dossierCode, String result, boolean answered,
                                OffsetDateTime checkedAt) {

    /** The outbox event type. */
    public static final String TYPE = "population.checked";

    /** The event of an outbox row, if it is one. */
    public static Optional<PopulationChecked> of(OutboxEvent e) {
        if (!TYPE.equals(e.type()) || e.payload() == null) {
            return Optional.empty();
        }
        JsonNode p = e.payload();
        String code = p.path("dossierCode").asString(null);
        String at = p.path("checkedAt").asString(null);
        if (code == null || at == null) {
            return Optional.empty();
        }
        return Optional.of(new PopulationChecked(p.path("checkId").asLong(0), code, p.path("result").asString(null),
                p.path("answered").asBoolean(false), OffsetDateTime.parse(at)));
    }

    /** The outbox payload. */
    public Map<String, Object> toPayload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("checkId", checkId);
        p.put("dossierCode", dossierCode);
        p.put("result", result);
        p.put("answered", answered);
        p.put("checkedAt", checkedAt.toString());
        return p;
    }
}
