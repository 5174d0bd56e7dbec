package vn.motcua.dossier.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.FeeQuote;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierContent;
import vn.motcua.dossier.DossierContent.Document;
import vn.motcua.dossier.DossierContent.DocumentKind;
import vn.motcua.dossier.DossierContent.Step;
import vn.motcua.dossier.DossierContent.Supplement;
import vn.motcua.dossier.DossierContents;
import vn.motcua.dossier.DossierStatus;

/** Reads a dossier's applicant, documents, supplement requests and history in one read-only transaction. */
@Component
class DossierContentReader implements DossierContents {

    private final DossierRepository dossiers;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final vn.motcua.organization.Organization organization;

    DossierContentReader(DossierRepository dossiers, JdbcClient jdbc, JsonMapper json,
                         vn.motcua.organization.Organization organization) {
        this.dossiers = dossiers;
        this.jdbc = jdbc;
        this.json = json;
        this.organization = organization;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<vn.motcua.dossier.ResultDelivery> resultDelivery(String code) {
        return dossiers.findByCode(code).map(d -> {
            var method = vn.motcua.dossier.ResultDelivery.Method.valueOf(DossierViews.resultDelivery(d));
            String address = d.form() == null ? null : d.form().path("deliveryAddress").asString(null);
            return new vn.motcua.dossier.ResultDelivery(method,
                    method == vn.motcua.dossier.ResultDelivery.Method.POSTAL ? address : null);
        });
    }

    @Override
    public Optional<DossierContent> of(String code) {
        return dossiers.findByCode(code).map(this::content);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DossierContent> forOfficer(String code, vn.motcua.platform.Actor officer) {
        var readable = organization.readableBy(officer.agencyCode());
        return dossiers.findByCode(code).filter(d -> Access.officerSees(readable, d)).map(this::content);
    }

    @Override
    public java.util.Set<String> visibleToOfficer(java.util.Collection<String> codes, vn.motcua.platform.Actor officer) {
        java.util.Set<String> out = new java.util.HashSet<>();
        var readable = organization.readableBy(officer.agencyCode());
        for (String code : codes) {
            dossiers.findByCode(code).filter(d -> Access.officerSees(readable, d)).ifPresent(d -> out.add(code));
        }
        return out;
    }

    private DossierContent content(DossierRecord d) {
        List<Document> documents = dossiers.attachments(d.id()).stream()
                .map(a -> new Document(DocumentKind.valueOf(a.kind()), a.componentCode(), a.fileId(), a.name(),
                        a.contentType(), a.digitised(), a.addedAt()))
                .toList();
        List<HistoryEntry> raw = dossiers.history(d.id());
        List<Step> history = raw.stream()
                .map(h -> new Step(h.at(), h.actorName(), h.actorRole(), h.agencyCode(), constant(DossierAction.class,
                        h.action()), constant(DossierStatus.class, h.fromStatus()),
                        constant(DossierStatus.class, h.toStatus()), h.step(), h.reason(), h.dueAt()))
                .toList();
        return new DossierContent(d.code(), applicant(d.applicant()), documents,
                supplements(d.id(), raw, history, documents),
                history, feeQuote(d.feeQuote()));
    }

    private List<Supplement> supplements(long dossierId, List<HistoryEntry> raw, List<Step> history,
                                         List<Document> documents) {
        record Row(long id, String stage, OffsetDateTime requestedAt, String reason, String items,
                   OffsetDateTime suppliedAt, String note) {
        }
        List<Row> rows = jdbc.sql("""
                select id, stage, requested_at, reason, items::text as items, supplied_at, note
                from dossier_supplement where dossier_id = :d order by id""")
                .param("d", dossierId).query(Row.class).list();
        List<Supplement> out = new ArrayList<>();
        for (Row r : rows) {
            List<String> items = new ArrayList<>();
            json.readTree(r.items()).forEach(n -> items.add(n.asString()));
            String by = actor(history, DossierAction.REQUEST_SUPPLEMENT, r.requestedAt());
            String to = r.suppliedAt() == null ? null : actor(history, DossierAction.SUPPLY, r.suppliedAt());
            java.util.Set<String> files = new java.util.HashSet<>();
            if (r.suppliedAt() != null) {
                raw.stream().filter(h -> DossierAction.SUPPLY.name().equals(h.action()) && h.at() != null
                                && h.at().isEqual(r.suppliedAt()) && h.documents() != null)
                        .forEach(h -> h.documents().forEach(doc -> {
                            if (doc instanceof java.util.Map<?, ?> m && m.get("fileId") != null) {
                                files.add(m.get("fileId").toString());
                            }
                        }));
            }
            List<Document> supplied = documents.stream()
                    .filter(doc -> doc.kind() == DocumentKind.SUPPLEMENT && files.contains(doc.fileId().toString()))
                    .toList();
            out.add(new Supplement(r.id(), r.stage(), r.requestedAt(), by, r.reason(), items, r.suppliedAt(), to,
                    r.note(), supplied));
        }
        return out;
    }

    /** Who did {@code action} at {@code at} (the history line written with the same moment). */
    private static String actor(List<Step> history, DossierAction action, OffsetDateTime at) {
        return history.stream().filter(h -> h.action() == action && h.at() != null && h.at().isEqual(at))
                .map(Step::actorName).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private Applicant applicant(JsonNode node) {
        try {
            return node == null || node.isNull() ? null : json.treeToValue(node, Applicant.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private FeeQuote feeQuote(JsonNode node) {
        try {
            return node == null || node.isNull() ? null : json.treeToValue(node, FeeQuote.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        try {
            return name == null ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
