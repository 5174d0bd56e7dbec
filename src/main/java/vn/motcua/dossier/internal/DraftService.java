package vn.motcua.dossier.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.Actor;

/** Drafts of online applications (hồ sơ nháp): saved as typed, without checks, until submitted. */
@Service
public class DraftService {

    private final DossierRepository dossiers;
    private final JsonMapper json;

    DraftService(DossierRepository dossiers, JsonMapper json) {
        this.dossiers = dossiers;
        this.json = json;
    }

    /** A saved draft. */
    public record Draft(long id, String procedureCode, String agencyCode, JsonNode applicant, JsonNode form,
                        JsonNode attachments, OffsetDateTime updatedAt) {
    }

    @Transactional
    public long save(Actor actor, Long id, String procedureCode, String agencyCode, JsonNode applicant, JsonNode form,
                     JsonNode attachments) {
        if (id != null && find(actor, id).isPresent()) {
            dossiers.jdbc().sql("""
                    update dossier_draft set agency_code = :a, applicant = cast(:ap as jsonb), form = cast(:f as jsonb),
                        attachments = cast(:at as jsonb), updated_at = now() where id = :id and account_id = :me""")
                    .param("a", agencyCode).param("ap", json.writeValueAsString(applicant))
                    .param("f", json.writeValueAsString(form)).param("at", json.writeValueAsString(attachments))
                    .param("id", id).param("me", actor.accountId()).update();
            return id;
        }
        return dossiers.jdbc().sql("""
                insert into dossier_draft (account_id, procedure_code, agency_code, applicant, form, attachments)
                values (:me, :p, :a, cast(:ap as jsonb), cast(:f as jsonb), cast(:at as jsonb)) returning id""")
                .param("me", actor.accountId()).param("p", procedureCode).param("a", agencyCode)
                .param("ap", json.writeValueAsString(applicant)).param("f", json.writeValueAsString(form))
                .param("at", json.writeValueAsString(attachments)).query(Long.class).single();
    }

    public Optional<Draft> find(Actor actor, long id) {
        return dossiers.jdbc().sql("""
                select id, procedure_code, agency_code, applicant::text as applicant, form::text as form,
                       attachments::text as attachments, updated_at
                from dossier_draft where id = :id and account_id = :me""")
                .param("id", id).param("me", actor.accountId())
                .query((rs, i) -> new Draft(rs.getLong("id"), rs.getString("procedure_code"), rs.getString("agency_code"),
                        json.readTree(rs.getString("applicant")), json.readTree(rs.getString("form")),
                        json.readTree(rs.getString("attachments")), rs.getObject("updated_at", OffsetDateTime.class)))
                .optional();
    }

    public List<Draft> mine(Actor actor) {
        return dossiers.jdbc().sql("""
                select id, procedure_code, agency_code, applicant::text as applicant, form::text as form,
                       attachments::text as attachments, updated_at
                from dossier_draft where account_id = :me order by updated_at desc limit 50""")
                .param("me", actor.accountId())
                .query((rs, i) -> new Draft(rs.getLong("id"), rs.getString("procedure_code"), rs.getString("agency_code"),
                        json.readTree(rs.getString("applicant")), json.readTree(rs.getString("form")),
                        json.readTree(rs.getString("attachments")), rs.getObject("updated_at", OffsetDateTime.class)))
                .list();
    }

    @Transactional
    public void delete(Actor actor, long id) {
        dossiers.jdbc().sql("delete from dossier_draft where id = :id and account_id = :me")
                .param("id", id).param("me", actor.accountId()).update();
    }
}
