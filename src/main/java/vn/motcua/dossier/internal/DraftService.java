package vn.motcua.dossier.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.Actor;

/** Drafts of online applications (hồ sơ nháp): saved as typed, without checks, until submitted. */
@Service
public class DraftService {

    private final Drafts drafts;

    DraftService(Drafts drafts) {
        this.drafts = drafts;
    }

    /** A saved draft. */
    public record Draft(long id, String procedureCode, String agencyCode, JsonNode applicant, JsonNode form,
                        JsonNode attachments, OffsetDateTime updatedAt) {
    }

    @Transactional
    public long save(Actor actor, Long id, String procedureCode, String agencyCode, JsonNode applicant, JsonNode form,
                     JsonNode attachments) {
        if (id != null && find(actor, id).isPresent()) {
            drafts.update(actor.accountId(), id, agencyCode, applicant, form, attachments);
            return id;
        }
        return drafts.insert(actor.accountId(), procedureCode, agencyCode, applicant, form, attachments);
    }

    public Optional<Draft> find(Actor actor, long id) {
        return drafts.find(actor.accountId(), id);
    }

    public List<Draft> mine(Actor actor) {
        return drafts.of(actor.accountId());
    }

    @Transactional
    public void delete(Actor actor, long id) {
        drafts.delete(actor.accountId(), id);
    }

    /** The SQL of the drafts table. */
    @Repository
    static class Drafts {

        private static final String COLUMNS = """
                id, procedure_code, agency_code, applicant::text as applicant, form::text as form,
                attachments::text as attachments, updated_at""";

        private final JdbcClient jdbc;
        private final JsonMapper json;

        Drafts(JdbcClient jdbc, JsonMapper json) {
            this.jdbc = jdbc;
            this.json = json;
        }

        void update(long account, long id, String agencyCode, JsonNode applicant, JsonNode form, JsonNode attachments) {
            jdbc.sql("""
                    update dossier_draft set agency_code = :a, applicant = cast(:ap as jsonb), form = cast(:f as jsonb),
                        attachments = cast(:at as jsonb), updated_at = now() where id = :id and account_id = :me""")
                    .param("a", agencyCode).param("ap", json.writeValueAsString(applicant))
                    .param("f", json.writeValueAsString(form)).param("at", json.writeValueAsString(attachments))
                    .param("id", id).param("me", account).update();
        }

        long insert(long account, String procedureCode, String agencyCode, JsonNode applicant, JsonNode form,
                    JsonNode attachments) {
            return jdbc.sql("""
                    insert into dossier_draft (account_id, procedure_code, agency_code, applicant, form, attachments)
                    values (:me, :p, :a, cast(:ap as jsonb), cast(:f as jsonb), cast(:at as jsonb)) returning id""")
                    .param("me", account).param("p", procedureCode).param("a", agencyCode)
                    .param("ap", json.writeValueAsString(applicant)).param("f", json.writeValueAsString(form))
                    .param("at", json.writeValueAsString(attachments)).query(Long.class).single();
        }

        Optional<Draft> find(long account, long id) {
            return jdbc.sql("select " + COLUMNS + " from dossier_draft where id = :id and account_id = :me")
                    .param("id", id).param("me", account).query(this::map).optional();
        }

        List<Draft> of(long account) {
            return jdbc.sql("select " + COLUMNS + " from dossier_draft where account_id = :me"
                            + " order by updated_at desc limit 50")
                    .param("me", account).query(this::map).list();
        }

        void delete(long account, long id) {
            jdbc.sql("delete from dossier_draft where id = :id and account_id = :me").param("id", id)
                    .param("me", account).update();
        }

        private Draft map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
            return new Draft(rs.getLong("id"), rs.getString("procedure_code"), rs.getString("agency_code"),
                    json.readTree(rs.getString("applicant")), json.readTree(rs.getString("form")),
                    json.readTree(rs.getString("attachments")), rs.getObject("updated_at", OffsetDateTime.class));
        }
    }
}
