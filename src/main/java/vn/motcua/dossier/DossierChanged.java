package vn.motcua.dossier;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import vn.motcua.platform.outbox.OutboxEvent;

/**
 * The event of every change of a dossier ({@value #TYPE} in the outbox, written in the transaction of the change):
 * what happened, who did it, and the dossier after it. The 766 index, notifications, the national portal sync and
 * the procedures' usage count follow it, so they never read the dossier tables.
 *
 * <p>JSON codec: {@link #toPayload()} and {@link #fromPayload(JsonNode)}, one flat object whose field names are
 * those of the first release (events already in the outbox keep decoding). An old rating event (action
 * {@code RETURN_RESULT} with {@code rated: true}) decodes as {@link DossierAction#RATE}. A field that cannot be read
 * (a malformed date, an unknown status) decodes as null rather than making the event unreadable.
 *
 * @param dossier           the dossier after the change
 * @param action            what happened
 * @param fromStatus        the status before (null when the dossier was created)
 * @param actorId           who did it (0 for the system)
 * @param reason            the reason given, if any
 * @param created           the action created the dossier (SUBMIT, RECEIVE)
 * @param items             REQUEST_SUPPLEMENT: what to supply
 * @param toAgency          CONSULT and FORWARD to another agency: that agency
 * @param consultationDueAt CONSULT: the consultation's deadline
 * @param previousDueAt     APOLOGIZE: the due moment before
 */
public record DossierChanged(DossierSnapshot dossier, DossierAction action, DossierStatus fromStatus, OffsetDateTime at,
                             Long actorId, String actorName, String reason, boolean created, List<String> items,
                             String toAgency, OffsetDateTime consultationDueAt, OffsetDateTime previousDueAt) {

    /** The outbox event type. */
    public static final String TYPE = "dossier.changed";

    public DossierChanged {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public String code() {
        return dossier.code();
    }

    /** The status after the change. */
    public DossierStatus toStatus() {
        return dossier.status();
    }

    /** The event of an outbox row, if it is one. */
    public static Optional<DossierChanged> of(OutboxEvent e) {
        return TYPE.equals(e.type()) && e.payload() != null && e.payload().hasNonNull("code")
                ? Optional.of(fromPayload(e.payload())) : Optional.empty();
    }

    /** The outbox payload. */
    public Map<String, Object> toPayload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", dossier.id());
        p.put("code", dossier.code());
        p.put("action", action.name());
        p.put("fromStatus", fromStatus == null ? null : fromStatus.name());
        p.put("toStatus", dossier.status() == null ? null : dossier.status().name());
        p.put("at", DossierSnapshot.Json.time(at));
        p.put("actorId", actorId);
        p.put("actorName", actorName);
        p.put("reason", reason);
        dossier.write(p);
        if (created) {
            p.put("created", true);
        }
        if (!items.isEmpty()) {
            p.put("items", items);
        }
        if (toAgency != null) {
            p.put("toAgency", toAgency);
        }
        if (consultationDueAt != null) {
            p.put("consultationDueAt", consultationDueAt.toString());
        }
        if (previousDueAt != null) {
            p.put("previousDueAt", previousDueAt.toString());
        }
        return p;
    }

    /** Decodes a payload written by {@link #toPayload()} or by the first release. */
    public static DossierChanged fromPayload(JsonNode p) {
        DossierSnapshot d = DossierSnapshot.read(p);
        String a = DossierSnapshot.Json.text(p, "action");
        DossierAction action = DossierSnapshot.Json.constant(DossierAction.class, a);
        if (action == DossierAction.RETURN_RESULT && DossierSnapshot.Json.bool(p, "rated")) {
            action = DossierAction.RATE; // the first release published ratings as RETURN_RESULT
        }
        String from = DossierSnapshot.Json.text(p, "fromStatus");
        List<String> items = new ArrayList<>();
        JsonNode list = p.get("items");
        if (list != null && list.isArray()) {
            list.forEach(n -> {
                if (n.isString()) {
                    items.add(n.asString());
                }
            });
        }
        return new DossierChanged(d, action, DossierSnapshot.Json.constant(DossierStatus.class, from),
                DossierSnapshot.Json.time(p, "at"), DossierSnapshot.Json.number(p, "actorId"),
                DossierSnapshot.Json.text(p, "actorName"), DossierSnapshot.Json.text(p, "reason"),
                DossierSnapshot.Json.bool(p, "created"), items, DossierSnapshot.Json.text(p, "toAgency"),
                DossierSnapshot.Json.time(p, "consultationDueAt"), DossierSnapshot.Json.time(p, "previousDueAt"));
    }
}
