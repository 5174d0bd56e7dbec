package vn.motcua.integration.population;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.TestDossiers.MARITAL;
import static vn.motcua.test.TestDossiers.TAN_PHU;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierContents;
import vn.motcua.identity.Accounts;
import vn.motcua.index766.IndexReadings;
import vn.motcua.index766.internal.Index766Recount;
import vn.motcua.platform.outbox.Outbox;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * The 766 indicators 4.5a and 4.5b count real population-data use only (issue 14; DOMAIN.md §1.2: a dossier carrying
 * TaiKhoanDuocXacThucVoiVNeID = 1 or the population database's MaCSDL in DSKetNoiCSDL). A dossier filed by an account
 * that only has a password — with a perfectly valid 12-digit number, which the former proxy counted — does not count,
 * nor one filed by an account linked to VNeID only after filing; a dossier filed after the link does. A counter
 * dossier counts once an officer checked its applicant against the registry and the registry answered — the check made
 * after the dossier's facts were stored — but not when the registry did not know the number or was away. The index
 * learns it from the identity and integration modules' events, and a recount (from their facts APIs) gives the same.
 */
@IntegrationTest
class Index766PopulationDataTest {

    static final String MONTH = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Index766Recount recount;

    @Autowired
    PopulationChecks checks;

    @Autowired
    PopulationProperties properties;

    @Autowired
    DossierContents dossiers;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbcClient;

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    @Autowired
    Outbox outbox;

    TestApi api() {
        return new TestApi(port);
    }

    @Test
    void onlyAVneidAccountBeforeFilingOrAnAnsweredRegistryCheckCountsAsPopulationData() {
        TestApi desk = api().as("tiepnhan.tanphu");
        // the system checks due from other tests are made now, so that only this test's dossiers move the figures:
        // those asked for by events not handled yet too, and none left to the job's next round (30 s) mid-test
        vn.motcua.test.Background.noSystemCheckPending(jdbcClient, checks);
        indexCaughtUp();
        // Tân Phú and the month are every test's: 4.5b is read with the dossiers it lists, and this test's are told
        // apart from any other by their codes
        IndexReadings readings = new IndexReadings(api(), api().as("giamsat"), TAN_PHU, MONTH);
        IndexReadings.Listing denBefore = readings.counted("4.5b", "denominator");
        IndexReadings.Listing numBefore = readings.counted("4.5b", "numerator");

        // a password-only account with a valid 12-digit number: what the former proxy took for population data
        TestApi congdan1 = api().as("congdan1");
        String passwordOnly = receivedOnline(congdan1, desk);

        // a local account of a person of the registry files, then links VNeID (the sandbox), then files again
        RegistryPerson person = SimulatedCitizens.all().get(440);
        String[] local = localAccount(person);
        TestApi owner = api().as(local[0], local[1]);
        String beforeLink = receivedOnline(owner, desk);
        mergeWithVneid(person, local);
        String afterLink = receivedOnline(owner, desk);

        // counter dossiers: checked after they were received — answered, unknown to the registry, registry away
        String answered = atCounter(desk, SimulatedCitizens.all().get(441));
        String unknown = atCounter(desk, new RegistryPerson("070090999998", "Trần Văn Vắng",
                java.time.LocalDate.of(1990, 1, 2), "Nam", null, null));
        String away = atCounter(desk, SimulatedCitizens.all().get(442));
        indexCaughtUp();
        assertThat(populationData(answered)).as("not checked yet").isFalse();

        var checked = desk.post("/api/v1/office/dossiers/" + answered + "/population-checks", Map.of());
        assertThat(checked.json().get("result").asString()).isEqualTo("MATCH");
        var notFound = desk.post("/api/v1/office/dossiers/" + unknown + "/population-checks", Map.of());
        assertThat(notFound.json().get("result").asString()).isEqualTo("NOT_FOUND");
        // the registry away: the real HTTP adapter against a closed port, the check recorded "not done"
        PopulationChecks withRegistryAway = new PopulationChecks(new HttpPopulationRegistry(new PopulationProperties(
                "http", "http://127.0.0.1:9", null, null, java.time.Duration.ofSeconds(1), properties.databaseCode()),
                json), properties, dossiers, accounts, jdbcClient, json, clock, outbox, tx);
        var notDone = withRegistryAway.forDossier(away, accounts.byUsername("tiepnhan.tanphu").orElseThrow(), false);
        assertThat(notDone.result()).isEqualTo(PopulationChecks.Result.NOT_DONE);
        indexCaughtUp();

        assertThat(populationData(passwordOnly)).as("a password and a 12-digit number prove nothing").isFalse();
        assertThat(populationData(beforeLink)).as("linked to VNeID after it was filed").isFalse();
        assertThat(populationData(afterLink)).as("filed by an account verified with VNeID").isTrue();
        assertThat(populationData(answered)).as("checked later, the registry answered").isTrue();
        assertThat(populationData(unknown)).as("the registry does not know the number: no data").isFalse();
        assertThat(populationData(away)).as("the registry away: not done").isFalse();

        Set<String> mine = Set.of(passwordOnly, beforeLink, afterLink, answered, unknown, away);
        IndexReadings.Listing denAfter = readings.counted("4.5b", "denominator");
        assertThat(denAfter.rows().keySet()).as("a dossier received this month stays counted")
                .containsAll(denBefore.rows().keySet());
        assertThat(IndexReadings.mine(IndexReadings.entered("4.5b denominator", denBefore, denAfter), mine))
                .as("six dossiers received").containsExactlyInAnyOrderElementsOf(mine);
        assertThat(IndexReadings.mine(IndexReadings.entered("4.5b numerator", numBefore,
                readings.counted("4.5b", "numerator")), mine)).as("two used population data")
                .containsExactlyInAnyOrder(afterLink, answered);
        Map<String, JsonNode> numerator = drill("4.5b", "numerator");
        assertThat(numerator).containsKeys(afterLink, answered)
                .doesNotContainKeys(passwordOnly, beforeLink, unknown, away);
        assertThat(numerator.get(afterLink).get("why").asString()).contains("VNeID");
        assertThat(numerator.get(answered).get("why").asString()).contains("đối chiếu");
        assertThat(drill("4.5b", "denominator")).containsKeys(passwordOnly, beforeLink, afterLink, answered, unknown,
                away);
        JsonNode b45 = indicator("4.5b");
        assertThat(b45.get("source").asString()).isEqualTo("LOCAL");
        assertThat(b45.get("note").asString()).contains("VNeID").contains("Cơ sở dữ liệu quốc gia về dân cư");
        JsonNode a45 = indicator("4.5a");
        assertThat(a45.get("computable").asBoolean()).as("4.5a computed from the same facts").isTrue();
        assertThat(a45.get("numerator").asLong()).as("the marriage procedure used population data").isPositive();
        assertThat(a45.get("denominator").asLong()).isGreaterThanOrEqualTo(a45.get("numerator").asLong());

        // the facts the events gave are those a recount builds from the dossiers, IdentityFacts and PopulationFacts
        String[] codes = {passwordOnly, beforeLink, afterLink, answered, unknown, away};
        String facts = "select dossier_id, code, population_data, vneid_filed from index766_dossier where code = any(?) "
                + "order by dossier_id";
        long account = jdbc.queryForObject("select id from account where username = ?", Long.class, local[0]);
        String links = "select account_id, linked_at from index766_vneid_account where account_id = ?";
        String checkedCodes = "select dossier_code, first_at from index766_population_check where dossier_code = any(?) "
                + "order by dossier_code";
        var live = List.of(jdbc.queryForList(facts, (Object) codes), jdbc.queryForList(links, account),
                jdbc.queryForList(checkedCodes, (Object) codes));
        assertThat(live.get(1)).as("the link is known to the index").hasSize(1);
        assertThat(live.get(2)).as("only the answered check").hasSize(1);
        var recounted = tx.execute(status -> {
            recount.recount();
            var rows = List.of(jdbc.queryForList(facts, (Object) codes), jdbc.queryForList(links, account),
                    jdbc.queryForList(checkedCodes, (Object) codes));
            status.setRollbackOnly();
            return rows;
        });
        assertThat(recounted).isEqualTo(live);
    }

    /** An online application for the marriage procedure, accepted at the counter so that the index counts it. */
    private String receivedOnline(TestApi citizen, TestApi desk) {
        var filed = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, MARITAL, TAN_PHU, TestDossiers.phone()));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String code = filed.json().get("code").asString();
        JsonNode fresh = citizen.get("/api/v1/dossiers/" + code).json();
        var body = new HashMap<String, Object>();
        body.put("action", "ACCEPT");
        body.put("version", fresh.get("version").asInt());
        var accepted = desk.post("/api/v1/office/dossiers/" + code + "/actions", body);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        return code;
    }

    /** A dossier received at the counter for this person (no check made before it). */
    private String atCounter(TestApi desk, RegistryPerson person) {
        Map<String, Object> body = TestDossiers.body(desk, MARITAL, TAN_PHU, TestDossiers.phone());
        @SuppressWarnings("unchecked")
        Map<String, Object> applicant = (Map<String, Object>) body.get("applicant");
        applicant.put("idNumber", person.idNumber());
        applicant.put("fullName", person.fullName());
        applicant.put("dateOfBirth", person.dateOfBirth().toString());
        var r = desk.post("/api/v1/office/dossiers", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("code").asString();
    }

    /** A local citizen account with the person's number in its profile: {username, password}. */
    private String[] localAccount(RegistryPerson person) {
        String u = "dancu45b" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String password = "mat-khau-" + u;
        PageSession s = new PageSession(port);
        s.get("/dang-ky");
        s.post("/dang-ky", Map.of("username", u, "password", password, "fullName", person.fullName(),
                "email", u + "@example.vn", "phone", ""));
        s.logIn(u, password);
        s.get("/tai-khoan");
        PageSession.Page saved = s.post("/tai-khoan", Map.of("fullName", person.fullName(), "idNumber",
                person.idNumber(), "dateOfBirth", person.dateOfBirth().toString(), "phone", "0912345678",
                "email", u + "@example.vn", "address", "Địa chỉ tự khai", "communeCode", ""));
        assertThat(saved.url()).as(saved.toString()).endsWith("/tai-khoan");
        s.post("/dang-xuat", Map.of());
        return new String[] {u, password};
    }

    /** Logs in with VNeID at the sandbox as the person and links the local account (its password confirms). */
    private void mergeWithVneid(RegistryPerson person, String[] local) {
        PageSession s = new PageSession(port);
        s.get("/dang-nhap");
        s.get("/oauth2/authorization/vneid");
        PageSession.Page next = s.post("/vneid-sandbox/dang-nhap", Map.of("citizen", person.idNumber(), "level", "2"));
        if (next.url().contains("/vneid-sandbox/dong-y")) {
            next = s.post("/vneid-sandbox/oauth2/authorize", Map.of("client_id", next.input("client_id"),
                    "state", next.input("state"), "scope", "profile"));
        }
        assertThat(next.url()).as(next.toString()).endsWith("/dang-nhap/vneid/lien-ket");
        s.get("/dang-nhap/vneid/lien-ket");
        long id = jdbc.queryForObject("select id from account where username = ?", Long.class, local[0]);
        PageSession.Page merged = s.post("/dang-nhap/vneid/lien-ket", Map.of("decision", "merge",
                "account", String.valueOf(id), "password", local[1]));
        assertThat(merged.url()).as(merged.toString()).endsWith("/ho-so");
    }

    private boolean populationData(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select population_data from index766_dossier where code = ?",
                Boolean.class, code));
    }

    JsonNode indicator(String id) {
        JsonNode j = api().get("/api/v1/index766?unit=" + TAN_PHU + "&period=" + MONTH).json();
        for (JsonNode g : j.get("groups")) {
            for (JsonNode i : g.get("indicators")) {
                if (i.get("id").asString().equals(id)) {
                    return i;
                }
            }
        }
        throw new AssertionError(id);
    }

    Map<String, JsonNode> drill(String indicator, String part) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        TestApi monitoring = api().as("giamsat");
        for (int page = 0; page < 20; page++) {
            JsonNode j = monitoring.get("/api/v1/index766/" + indicator + "/dossiers?unit=" + TAN_PHU + "&period="
                    + MONTH + "&part=" + part + "&size=500&page=" + page).json();
            j.get("items").forEach(i -> out.put(i.get("code").asString(), i));
            if ((page + 1) * 500L >= j.get("total").asLong()) {
                break;
            }
        }
        return out;
    }

    void indexCaughtUp() {
        vn.motcua.notification.NotificationTestEvents.await("the index766 consumer", () -> jdbc.queryForObject("""
                select count(*) from outbox_event e, outbox_cursor c
                where c.consumer = 'index766' and (e.xid, e.id) > (c.last_xid, c.last_id)""", Long.class),
                n -> n == 0);
    }
}
