package vn.motcua.integration.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.Catalog;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierChanged;
import vn.motcua.dossier.DossierContents;
import vn.motcua.integration.OnlinePayment;
import vn.motcua.integration.OnlinePayments;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.platform.outbox.OutboxConsumer;
import vn.motcua.platform.outbox.OutboxEvent;

/**
 * Queues every committed dossier change for the national portal: the dossier record and the process history line of
 * the change, built from the typed facts of the other modules (DOMAIN.md §3.1). Runs in the outbox consumer's
 * transaction, so each change is queued exactly once (the outbox event id is unique in the queue). A rating changes
 * nothing the portal knows and is not queued.
 */
@Component
class NationalSyncQueue implements OutboxConsumer {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Organization organization;
    private final Catalog catalog;
    private final DossierContents contents;
    private final ObjectProvider<OnlinePayments> payments;
    private final PopulationEvidence evidence;
    private final NationalFileLinks links;
    private final MessageSource messages;
    private final NationalPortalProperties properties;
    private final Clock clock;
    /** The province's zone (the calendar's): the portal's dates are in Vietnam time. */
    private final java.time.ZoneId zone;

    NationalSyncQueue(JdbcClient jdbc, JsonMapper json, Organization organization, Catalog catalog,
                      DossierContents contents, ObjectProvider<OnlinePayments> payments, PopulationEvidence evidence,
                      NationalFileLinks links, MessageSource messages, NationalPortalProperties properties,
                      Clock clock, java.time.ZoneId zone) {
        this.zone = zone;
        this.jdbc = jdbc;
        this.json = json;
        this.organization = organization;
        this.catalog = catalog;
        this.contents = contents;
        this.payments = payments;
        this.evidence = evidence;
        this.links = links;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "national-portal";
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        for (OutboxEvent e : events) {
            DossierChanged changed = DossierChanged.of(e).orElse(null);
            if (changed == null || changed.action() == DossierAction.RATE) {
                continue;
            }
            if (changed.created()) {
                evidence.filed(changed);
            }
            NationalPortalPayload.Facts facts = facts(changed);
            OffsetDateTime now = OffsetDateTime.now(clock);
            jdbc.sql("""
                    insert into national_sync_change (dossier_code, event_id, action, national_status, payload, history,
                        status, next_attempt, created_at)
                    values (:code, :event, :action, :status, cast(:payload as jsonb), cast(:history as jsonb), 'PENDING',
                        :now, :now)
                    on conflict (event_id) do nothing""")
                    .param("code", changed.code()).param("event", e.id())
                    .param("action", changed.action() == null ? null : changed.action().name())
                    .param("status", changed.toStatus() == null ? 0 : changed.toStatus().nationalCode())
                    .param("payload", json.writeValueAsString(NationalPortalPayload.dossier(facts)))
                    .param("history", json.writeValueAsString(NationalPortalPayload.history(facts)))
                    .param("now", now).update();
        }
    }

    NationalPortalPayload.Facts facts(DossierChanged changed) {
        var d = changed.dossier();
        String receiving = agencyName(d.agencyCode());
        String processing = d.currentStepAgency() == null ? null : agencyName(d.currentStepAgency());
        OnlinePayment payment = payments.orderedStream().map(p -> p.paidOnline(d.code()))
                .flatMap(Optional::stream).findFirst().orElse(null);
        var applicant = evidence.applicant(d);
        return new NationalPortalPayload.Facts(changed, contents.of(d.code()).orElse(null),
                d.procedureCode() == null ? null : catalog.procedure(d.procedureCode()).orElse(null),
                properties.procedureSuffix(), receiving, processing, payment, applicant.vneidVerified(),
                applicant.nationalAccount(), evidence.databases(d.code()), id -> links.link(d.code(), id),
                key -> messages.getMessage(key, null, key, VI), zone);
    }

    private String agencyName(String code) {
        return code == null ? null : organization.agency(code).map(Agency::name).orElse(null);
    }
}
