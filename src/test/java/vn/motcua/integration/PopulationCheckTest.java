package vn.motcua.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * Checks against the population database at intake: the simulated registry of the demo profile, the record of each
 * check with the dossier, the flag sent to the national portal (DSKetNoiCSDL) only after a real answer, the citizen's
 * pre-fill with consent, and the HTTP adapter against a stub registry that answers, refuses and goes away.
 */
@IntegrationTest
class PopulationCheckTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    TestApi desk() {
        return new TestApi(port).as("tiepnhan.tanphu");
    }

    JsonNode queuedRecord(String code, String action) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            var row = jdbc.sql("""
                    select payload::text from national_sync_change where dossier_code = :c and action = :a
                    order by id desc limit 1""").param("c", code).param("a", action).query(String.class).optional();
            if (row.isPresent()) {
                return json.readTree(row.get());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + action + " change of " + code);
    }

    @Test
    void anOfficerChecksAtTheCounterThenTheDossierCarriesTheCheckAndThePortalFlag() throws Exception {
        TestApi desk = desk();
        var bad = desk.post("/api/v1/office/population-checks", Map.of("idNumber", "12345"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("idNumber");

        var match = desk.post("/api/v1/office/population-checks", Map.of("idNumber", "070090001234",
                "fullName", "NGUYỄN VĂN AN", "dateOfBirth", "1990-05-12"));
        assertThat(match.status()).as(match.toString()).isEqualTo(200);
        assertThat(match.json().get("result").asString()).isEqualTo("MATCH");
        assertThat(match.json().get("source").asString()).isEqualTo("SIMULATED");
        assertThat(match.json().get("answer").isNull()).as("kept only with consent").isTrue();

        var mismatch = desk.post("/api/v1/office/population-checks", Map.of("idNumber", "070090001234",
                "fullName", "Nguyễn Văn Ân", "dateOfBirth", "1990-05-13", "consent", true));
        assertThat(mismatch.json().get("result").asString()).isEqualTo("MISMATCH");
        assertThat(mismatch.json().get("mismatches").toString()).contains("fullName", "dateOfBirth");
        assertThat(mismatch.json().get("answer").get("fullName").asString()).isEqualTo("Nguyễn Văn An");

        // the dossier received right after takes the checks of its applicant
        JsonNode d = desk.post("/api/v1/office/dossiers", TestDossiers.body(desk, TestDossiers.MARITAL,
                TestDossiers.TAN_PHU, TestDossiers.phone())).json();
        String code = d.get("code").asString();
        JsonNode record = queuedRecord(code, "RECEIVE");
        assertThat(record.get("DSKetNoiCSDL").get(0).get("MaCSDL").asString()).isEqualTo("7");
        JsonNode checks = desk.get("/api/v1/office/dossiers/" + code + "/population-checks").json();
        assertThat(checks.size()).isGreaterThanOrEqualTo(2);
        assertThat(checks.findValuesAsString("result")).contains("MATCH", "MISMATCH");
        checks.forEach(c -> {
            assertThat(c.get("checkedAt").asString()).isNotBlank();
            assertThat(c.get("checkedBy").asString()).isNotBlank();
        });

        // a later check of the dossier's applicant is recorded with the dossier
        var later = desk.post("/api/v1/office/dossiers/" + code + "/population-checks", Map.of());
        assertThat(later.json().get("result").asString()).isEqualTo("MATCH");
        assertThat(later.json().get("dossierCode").asString()).isEqualTo(code);

        TestApi elsewhere = new TestApi(port).as("chuyenvien.tienhung");
        assertThat(elsewhere.get("/api/v1/office/dossiers/" + code + "/population-checks").status())
                .as("another agency's dossier").isEqualTo(404);
        assertThat(elsewhere.post("/api/v1/office/dossiers/" + code + "/population-checks", Map.of()).status())
                .isEqualTo(404);

        // somebody the registry does not know: checked and recorded, but no population data used
        var unknown = desk.post("/api/v1/office/population-checks", Map.of("idNumber", "070090999999"));
        assertThat(unknown.json().get("result").asString()).isEqualTo("NOT_FOUND");
    }

    /**
     * Links the account to the person's VNeID identity as a VNeID log-in would (VneidLoginTest drives the real one):
     * the identity row and, in the same transaction, the event the log-in publishes (the 766 index follows it).
     */
    void linkVneid(String username, vn.motcua.integration.population.RegistryPerson person, String linkedAt) {
        jdbc.sql("""
                with v as (
                    insert into vneid_identity (account_id, id_number, subject, assurance_level, full_name, linked_how,
                                                linked_at, last_login_at)
                    select id, :n, 'sub-' || :n, 2, :name, 'CREATED', %s, now() from account where username = :u
                    returning account_id, linked_at)
                insert into outbox_event (aggregate, aggregate_id, type, payload)
                select 'account', account_id::text, 'identity.vneid-linked',
                       jsonb_build_object('accountId', account_id, 'how', 'CREATED', 'linkedAt', linked_at)
                from v""".formatted(linkedAt))
                .param("n", person.idNumber()).param("name", person.fullName()).param("u", username).update();
    }

    @Test
    void aCitizenPreFillsFromTheRegistryOnlyWithConsent() {
        TestApi citizen = new TestApi(port).as("congdan1");
        var refused = citizen.post("/api/v1/population/me", Map.of("consent", false));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("consent");
        // congdan1's number is only typed into the profile: it proves nothing, nobody's record is given (issue 14)
        // the system checks earlier tests' dossiers asked for are made first: the count moves by this request only
        vn.motcua.test.Background.noSystemCheckPending(jdbc, checks);
        long before = jdbc.sql("select count(*) from population_check").query(Long.class).single();
        var typed = citizen.post("/api/v1/population/me", Map.of("consent", true));
        assertThat(typed.status()).as(typed.toString()).isEqualTo(403);
        assertThat(typed.json().get("detail").asString()).contains("VNeID");
        assertThat(jdbc.sql("select count(*) from population_check").query(Long.class).single()).isEqualTo(before);

        // an account verified with VNeID (linked here as a VNeID log-in would, VneidLoginTest drives the real one)
        var person = vn.motcua.integration.population.SimulatedCitizens.all().get(200);
        String u = "dancu" + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        assertThat(new TestApi(port).post("/api/v1/accounts", Map.of("username", u, "password", "mat-khau-" + u,
                "fullName", person.fullName(), "email", u + "@example.vn")).status()).isLessThan(300);
        linkVneid(u, person, "now()");
        TestApi verified = new TestApi(port).as(u, "mat-khau-" + u);
        var mine = verified.post("/api/v1/population/me", Map.of("consent", true));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().get("result").asString()).isEqualTo("MATCH");
        JsonNode answer = mine.json().get("answer");
        assertThat(answer.get("idNumber").asString()).isEqualTo(person.idNumber());
        assertThat(answer.get("fullName").asString()).isEqualTo(person.fullName());
        assertThat(answer.get("dateOfBirth").asString()).isEqualTo(person.dateOfBirth().toString());
        assertThat(answer.get("permanentAddress").asString()).isEqualTo(person.permanentAddress());
        assertThat(desk().post("/api/v1/population/me", Map.of("consent", true)).status()).isEqualTo(403);
    }

    @Autowired
    vn.motcua.integration.population.PopulationChecks checks;

    /**
     * Issue 14: a dossier filed online by an account verified with VNeID, for its own person, is checked against the
     * registry by the system (no officer), recorded with the dossier and counted for DSKetNoiCSDL; a dossier the same
     * account files for somebody else is not.
     */
    @Test
    void theSystemChecksADossierFiledByAVneidVerifiedAccountForItsOwnPerson() throws Exception {
        var person = vn.motcua.integration.population.SimulatedCitizens.all().get(321);
        String u = "dancu" + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        assertThat(new TestApi(port).post("/api/v1/accounts", Map.of("username", u, "password", "mat-khau-" + u,
                "fullName", person.fullName(), "email", u + "@example.vn")).status()).isLessThan(300);
        linkVneid(u, person, "now() - interval '1 day'");
        TestApi citizen = new TestApi(port).as(u, "mat-khau-" + u);
        Map<String, Object> own = TestDossiers.body(citizen, TestDossiers.MARITAL, TestDossiers.TAN_PHU, TestDossiers.phone());
        @SuppressWarnings("unchecked")
        Map<String, Object> applicant = (Map<String, Object>) own.get("applicant");
        applicant.put("idNumber", person.idNumber());
        applicant.put("fullName", person.fullName());
        applicant.put("dateOfBirth", person.dateOfBirth().toString());
        var filed = citizen.post("/api/v1/dossiers", own);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String code = filed.json().get("code").asString();
        var other = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, TestDossiers.MARITAL,
                TestDossiers.TAN_PHU, TestDossiers.phone()));
        assertThat(other.status()).as(other.toString()).isEqualTo(201);
        String otherCode = other.json().get("code").asString();

        for (int i = 0; i < 150 && jdbc.sql("select count(*) from population_check where dossier_code = :c")
                .param("c", code).query(Long.class).single() == 0; i++) {
            checks.runSystemChecks(50); // the job's work, without waiting for its 30 s
            Thread.sleep(100);
        }
        JsonNode made = desk().get("/api/v1/office/dossiers/" + code + "/population-checks").json();
        assertThat(made).hasSize(1);
        assertThat(made.get(0).get("result").asString()).isEqualTo("MATCH");
        assertThat(made.get(0).get("checkedBy").asString()).contains("Hệ thống");
        assertThat(made.get(0).get("answer").isNull()).as("no consent asked: the registry's answer is not kept").isTrue();
        assertThat(checks.databases(code)).isNotEmpty();
        assertThat(checks.runSystemChecks(50)).as("made once").isZero();
        assertThat(desk().get("/api/v1/office/dossiers/" + otherCode + "/population-checks").json())
                .as("filed for somebody else: no system check").isEmpty();
    }
}
