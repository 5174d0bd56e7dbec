package vn.motcua.integration.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierChanged;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.platform.outbox.OutboxConsumer;
import vn.motcua.platform.outbox.OutboxEvent;

/** Turns each dossier change into the newest payload to send to the national portal (one row per dossier). */
@Component
class NationalSyncQueue implements OutboxConsumer {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Organization organization;
    private final NationalPortalProperties properties;

    NationalSyncQueue(JdbcClient jdbc, JsonMapper json, Organization organization, NationalPortalProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.organization = organization;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "national-portal";
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        for (OutboxEvent e : events) {
            DossierChanged changed = DossierChanged.of(e).orElse(null);
            if (changed == null) {
                continue;
            }
            String agency = organization.agency(changed.dossier().agencyCode()).map(Agency::name).orElse(null);
            var payload = NationalPortalPayload.of(changed, properties.procedureSuffix(), agency);
            jdbc.sql("""
                    insert into national_sync (dossier_code, payload, status)
                    values (:code, cast(:payload as jsonb), 'PENDING')
                    on conflict (dossier_code) do update set payload = excluded.payload, status = 'PENDING',
                        attempts = 0, last_error = null, next_attempt = now(), changed_at = now()""")
                    .param("code", e.aggregateId()).param("payload", json.writeValueAsString(payload)).update();
        }
    }
}
