package vn.motcua.dossier;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import vn.motcua.platform.outbox.OutboxEvent;

/**
 * A walk-in at the counter whose papers were incomplete ({@value #TYPE} in the outbox): guided with form 02 (what to
 * add, once, completely) or refused with form 03, recorded in the desk's log without a dossier (no dossier number
 * is used). The reports count them.
 *
 * @param id   the line of the desk log
 * @param form {@code GUIDANCE} (form 02) or {@code REFUSAL} (form 03)
 */
public record DeskVisitRecorded(long id, String form, String procedureCode, String procedureName, String agencyCode,
                                String provinceCode, String districtCode, String communeCode, String level,
                                OffsetDateTime at) {

    public static final String TYPE = "dossier.desk-visit";
    public static final String GUIDANCE = "GUIDANCE";
    public static final String REFUSAL = "REFUSAL";

    public Map<String, Object> toPayload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("form", form);
        p.put("procedureCode", procedureCode);
        p.put("procedureName", procedureName);
        p.put("agencyCode", agencyCode);
        p.put("provinceCode", provinceCode);
        p.put("districtCode", districtCode);
        p.put("communeCode", communeCode);
        p.put("level", level);
        p.put("at", at.toString());
        return p;
    }

    public static DeskVisitRecorded fromPayload(JsonNode p) {
        return new DeskVisitRecorded(DossierSnapshot.Json.number(p, "id", 0L), DossierSnapshot.Json.text(p, "form"),
                DossierSnapshot.Json.text(p, "procedureCode"), DossierSnapshot.Json.text(p, "procedureName"),
                DossierSnapshot.Json.text(p, "agencyCode"), DossierSnapshot.Json.text(p, "provinceCode"),
                DossierSnapshot.Json.text(p, "districtCode"), DossierSnapshot.Json.text(p, "communeCode"),
                DossierSnapshot.Json.text(p, "level"), DossierSnapshot.Json.time(p, "at"));
    }

    /** The event of an outbox row, if it is one. */
    public static Optional<DeskVisitRecorded> of(OutboxEvent e) {
        return TYPE.equals(e.type()) && e.payload() != null ? Optional.of(fromPayload(e.payload())) : Optional.empty();
    }
}
