package vn.motcua.dossier.internal;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.platform.Actor;
import vn.motcua.platform.outbox.Outbox;

/**
 * Writes {@code dossier.changed} events to the outbox, in the transaction of the change. The payload is a
 * full snapshot of what downstream modules need (the index, notifications, national sync), so they never
 * read the dossier tables.
 */
@Component
public class DossierEvents {

    public static final String TYPE = "dossier.changed";
    private final Outbox outbox;
    private final JdbcClient jdbc;

    DossierEvents(Outbox outbox, JdbcClient jdbc) {
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    public void changed(DossierRecord d, DossierAction action, DossierStatus from, Actor actor, OffsetDateTime at,
                        String reason, Map<String, ?> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", d.id());
        p.put("code", d.code());
        p.put("action", action.name());
        p.put("fromStatus", from == null ? null : from.name());
        p.put("toStatus", d.status().name());
        p.put("at", at.toString());
        p.put("actorId", actor.accountId());
        p.put("actorName", actor.displayName());
        p.put("reason", reason);
        int resultFiles = jdbc.sql("select count(*) from dossier_attachment where dossier_id = :d and kind = 'RESULT'")
                .param("d", d.id()).query(Integer.class).single();
        p.putAll(snapshot(d, resultFiles));
        if (extra != null) {
            p.putAll(extra);
        }
        outbox.append("dossier", d.code(), TYPE, p);
    }

    /**
     * The state part of the payload (everything but the action that caused the event): also what
     * {@link vn.motcua.dossier.DossierSnapshots} streams.
     *
     * @param resultFiles result documents attached (kind RESULT): an electronic result was issued when &gt; 0
     */
    static Map<String, Object> snapshot(DossierRecord d, int resultFiles) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", d.id());
        p.put("code", d.code());
        p.put("status", d.status().name());
        p.put("procedureCode", d.procedureCode());
        p.put("procedureName", d.procedureName());
        p.put("agencyCode", d.agencyCode());
        p.put("provinceCode", d.provinceCode());
        p.put("districtCode", d.districtCode());
        p.put("communeCode", d.communeCode());
        p.put("level", d.level());
        p.put("channel", d.channel().name());
        p.put("submittedAt", str(d.submittedAt()));
        p.put("receivedAt", str(d.receivedAt()));
        p.put("dueAt", str(d.dueAt()));
        p.put("originalDueAt", str(d.originalDueAt()));
        p.put("pausedAt", str(d.pausedAt()));
        p.put("finishedAt", str(d.finishedAt()));
        p.put("returnedAt", str(d.returnedAt()));
        p.put("outcome", d.outcome() == null ? null : d.outcome().name());
        p.put("supplementCount", d.supplementCount());
        p.put("apologyCount", d.apologyCount());
        p.put("lateFlag", d.lateFlag());
        p.put("digitised", d.digitised());
        p.put("feeAmount", d.feeAmount());
        p.put("paidAt", str(d.paidAt()));
        p.put("rating", d.rating());
        p.put("assigneeId", d.assigneeId());
        p.put("currentStepRole", d.currentStepRole());
        p.put("currentStepAgency", d.currentStepAgency());
        p.put("applicantAccountId", d.applicantAccountId());
        p.put("applicantName", d.applicantName());
        p.put("applicantEmail", text(d, "email"));
        p.put("applicantPhone", d.applicantPhone());
        p.put("applicantIdNumber", d.applicantIdNumber());
        p.put("supplementStage", d.supplementStage());
        p.put("resultFiles", resultFiles);
        return p;
    }

    private static String text(DossierRecord d, String field) {
        var v = d.applicant().get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static String str(OffsetDateTime t) {
        return t == null ? null : t.toString();
    }
}
