package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * Issue 17, findings 3, 4, 5 and 7: every bad input of the probe is a 400 naming the field (problem JSON for the
 * API, the error page with the message for pages), never a 500, and nothing is written; internals need a role.
 */
@IntegrationTest
class InputBoundaryTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static String field(TestApi.Response r) {
        return r.json().get("errors").get(0).get("field").asString();
    }

    @Test
    void controlCharactersInParametersAreRefusedNamingTheParameterBeforeAnyDatabaseCall() {
        TestApi anonymous = new TestApi(port);
        var stats = anonymous.get("/api/v1/stats/by-procedure?procedure=a%00b");
        assertThat(stats.status()).as(stats.toString()).isEqualTo(400);
        assertThat(field(stats)).isEqualTo("procedure");
        assertThat(stats.json().get("errors").get(0).get("message").asString()).contains("ký tự điều khiển");
        var search = anonymous.get("/api/v1/procedures?q=khai%1Bsinh");
        assertThat(search.status()).as(search.toString()).isEqualTo(400);
        assertThat(field(search)).isEqualTo("q");
        var tracking = anonymous.get("/api/v1/tracking/X%00Y?phone=0912345678");
        assertThat(tracking.status()).as(tracking.toString()).isEqualTo(400);
        assertThat(anonymous.get("/api/v1/procedures?q=%E2%80%AEkhai%CC%81+sinh+%F0%9F%98%80").status())
                .as("RTL marks, combining marks and emoji are text").isEqualTo(200);

        PageSession page = new PageSession(port);
        var track = page.get("/tra-cuu?ma=a%00b&phone=0912345678");
        assertThat(track.status()).isEqualTo(400);
        assertThat(track.html()).contains("«ma»", "ký tự điều khiển");
    }

    @Test
    void jsonTextTakesStringsWithoutControlCharactersAndNamesTheField() {
        TestApi citizen = new TestApi(port).as("congdan1");
        String phone = TestDossiers.phone();
        Map<String, Object> body = TestDossiers.body(citizen, TestDossiers.MARITAL, TestDossiers.TAN_PHU, phone);
        long before = count();

        for (Object bad : List.of("Nguyễn\u0000An", 123, true, "Nguyễn Văn 2", "<script>")) {
            Map<String, Object> applicant = new LinkedHashMap<>(TestDossiers.applicant(phone));
            applicant.put("fullName", bad);
            Map<String, Object> b = new LinkedHashMap<>(body);
            b.put("applicant", applicant);
            var r = citizen.post("/api/v1/dossiers", b);
            assertThat(r.status()).as(bad + ": " + r).isEqualTo(400);
            assertThat(field(r)).as(bad + ": " + r).isEqualTo("applicant.fullName");
        }
        Map<String, Object> form = new LinkedHashMap<>();
        String text = null;
        for (var e : TestApi.json().valueToTree(body.get("form")).properties()) {
            form.put(e.getKey(), e.getValue());
            if (text == null && e.getValue().isString()) {
                text = e.getKey();
            }
        }
        assertThat(text).as("the example form has a text field").isNotNull();
        form.put(text, form.get(text) instanceof JsonNode n ? n.asString() + "\u0000" : "\u0000");
        Map<String, Object> b = new LinkedHashMap<>(body);
        b.put("form", form);
        var r = citizen.post("/api/v1/dossiers", b);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(field(r)).isEqualTo("form." + text);
        assertThat(count()).as("nothing written").isEqualTo(before);

        Map<String, Object> withHugeNumber = new LinkedHashMap<>(TestDossiers.body(citizen, "1.001193",
                TestDossiers.TAN_PHU, phone));
        Map<String, Object> f2 = new LinkedHashMap<>();
        TestApi.json().valueToTree(withHugeNumber.get("form")).properties()
                .forEach(e -> f2.put(e.getKey(), e.getValue()));
        f2.put("extractCopies", new java.math.BigDecimal("1e308"));
        withHugeNumber.put("form", f2);
        var huge = citizen.post("/api/v1/dossiers", withHugeNumber);
        assertThat(huge.status()).as(huge.toString()).isLessThan(500);
    }

    @Test
    void theProbesFiveHundredsAreFourHundreds() {
        TestApi citizen = new TestApi(port).as("congdan1");
        JsonNode d = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, TestDossiers.MARITAL,
                TestDossiers.TAN_PHU, TestDossiers.phone())).json();
        String code = d.get("code").asString();

        var rating = citizen.post("/api/v1/dossiers/" + code + "/rating", Map.of("comment", "không có điểm", "version", d.get("version").asInt()));
        assertThat(rating.status()).as(rating.toString()).isEqualTo(400);
        assertThat(field(rating)).isEqualTo("rating");

        var note = citizen.post("/api/v1/dossiers/" + code + "/supplements", Map.of("note", "x".repeat(2001), "version", d.get("version").asInt()));
        assertThat(note.status()).as("same 2,000-character limit as the pages: " + note).isEqualTo(400);
        assertThat(field(note)).isEqualTo("note");

        var file = citizen.get("/api/v1/files/%20");
        assertThat(file.status()).as(file.toString()).isEqualTo(400);
        var badUuid = citizen.get("/api/v1/files/not-a-uuid");
        assertThat(badUuid.status()).as(badUuid.toString()).isEqualTo(400);

        PageSession own = new PageSession(port).logIn("congdan1");
        assertThat(own.get("/ho-so/" + code + "/tep/%20").status()).isEqualTo(400);
        own.get("/ho-so/" + code);
        var rate = own.post("/ho-so/" + code + "/danh-gia", Map.of());
        assertThat(rate.status()).as("rating without rating: the page with the message").isEqualTo(200);
        own.get("/ho-so/" + code);
        assertThat(own.post("/ho-so/" + code + "/rut", Map.of("reason", "Không còn nhu cầu")).status()).isEqualTo(200);
        var again = own.post("/ho-so/" + code + "/rut", Map.of("reason", "Lần nữa"));
        assertThat(again.status()).as("a refused withdrawal carried across the redirect in the JDBC session")
                .isEqualTo(200);

        PageSession visitor = new PageSession(port);
        var catalogue = visitor.get("/thu-tuc?page=x");
        assertThat(catalogue.status()).isEqualTo(400);
        assertThat(catalogue.html()).contains("«page»");

        PageSession admin = new PageSession(port).logIn("admin");
        var calendar = admin.get("/quan-tri/lich?year=x");
        assertThat(calendar.status()).isEqualTo(400);
        assertThat(calendar.html()).contains("«year»");
        admin.get("/quan-tri/quy-trinh");
        var process = admin.post("/quan-tri/quy-trinh", Map.of("agency", TestDossiers.TAN_PHU));
        assertThat(process.status()).isEqualTo(400);
        assertThat(process.html()).contains("«procedure»");
        admin.get("/quan-tri/quy-trinh");
        var role = admin.post("/quan-tri/quy-trinh", Map.of("procedure", TestDossiers.MARITAL, "agency",
                TestDossiers.TAN_PHU, "steps[0].name", "Tiếp nhận", "steps[0].role", "KING", "steps[0].hours", "8"));
        assertThat(role.status()).isEqualTo(400);
    }

    @Test
    void theDrillDownAndTheActuatorNeedARole() {
        TestApi anonymous = new TestApi(port);
        var drill = anonymous.get("/api/v1/index766/2.1/dossiers");
        assertThat(drill.status()).as(drill.toString()).isEqualTo(401);
        assertThat(new TestApi(port).as("congdan1").get("/api/v1/index766/2.1/dossiers").status()).isEqualTo(403);
        assertThat(new TestApi(port).as("giamsat").get("/api/v1/index766/2.1/dossiers").status()).isLessThan(300);
        assertThat(anonymous.get("/api/v1/index766").status()).as("the index itself stays public").isEqualTo(200);

        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(new TestApi(port).as("congdan1").get("/actuator/prometheus").status()).isEqualTo(403);
        var scrape = new TestApi(port).as("giamsat").get("/actuator/prometheus");
        assertThat(scrape.status()).as(scrape.toString()).isEqualTo(200);
        assertThat(scrape.text()).contains("jvm_");
    }

    @Test
    void theApplicantsHistoryShowsAgencyAndRoleNotOfficersOrAddresses() {
        TestApi citizen = new TestApi(port).as("congdan1");
        JsonNode d = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, TestDossiers.MARITAL,
                TestDossiers.TAN_PHU, TestDossiers.phone())).json();
        String code = d.get("code").asString();
        TestApi officer = new TestApi(port).as("tiepnhan.tanphu");
        var accepted = officer.post("/api/v1/office/dossiers/" + code + "/actions",
                Map.of("action", "ACCEPT", "version", d.get("version").asInt()));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);

        var history = citizen.get("/api/v1/dossiers/" + code + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.text()).doesNotContain("Cán bộ tiếp nhận Phường Tân Phú", "\"actor\"", "\"origin\"",
                "127.0.0.1");
        JsonNode accept = null;
        for (JsonNode h : history.json()) {
            if (h.get("action").asString().equals("ACCEPT")) {
                accept = h;
            }
        }
        assertThat(accept).isNotNull();
        assertThat(accept.get("actorRole").asString()).isEqualTo("RECEPTION");
        assertThat(accept.get("agencyName").asString()).isNotBlank();
        assertThat(citizen.get("/api/v1/dossiers/" + code).json().has("assignee")).isFalse();
        assertThat(officer.get("/api/v1/office/dossiers/" + code + "/history").text())
                .as("officers keep the full view").contains("\"actor\"");
    }

    private long count() {
        return jdbc.sql("select count(*) from dossier").query(Long.class).single();
    }

}
