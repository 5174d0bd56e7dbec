package vn.motcua.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/** Units in time and the reorganisation of 1 July 2025; the hand-over of an open dossier to the successor agency. */
@IntegrationTest
class ReorganisationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void unitsAnswerAsTheyStoodOnTheDate() {
        TestApi api = new TestApi(port);
        JsonNode before = api.get("/api/v1/units?parent=70&at=2025-06-30").json();
        assertThat(before.get("total").asInt()).isEqualTo(11);
        before.get("items").forEach(u -> assertThat(u.get("level").asString()).isEqualTo("DISTRICT"));
        JsonNode today = api.get("/api/v1/units?parent=75&size=100").json();
        assertThat(today.get("total").asInt()).isEqualTo(40);
        today.get("items").forEach(u -> assertThat(u.get("level").asString()).isEqualTo("COMMUNE"));
        assertThat(today.toString()).contains("Phường Bình Phước");
        // no Bình Phước province today: without a date, its units as they stood on its last day (30 June 2025)
        var lastDay = api.get("/api/v1/units?parent=70").json();
        assertThat(lastDay.get("total").asInt()).as("Bình Phước's units on its last day").isEqualTo(11);
        assertThat(api.get("/api/v1/units?parent=75&at=2025-06-30").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/units?level=PROVINCE&at=2025-07-01").json().toString()).contains("Tỉnh Đồng Nai")
                .doesNotContain("Tỉnh Bình Phước");
        assertThat(api.get("/api/v1/units/25195?at=2025-06-30").json().get("name").asString()).isEqualTo("Phường Tân Phú");
        assertThat(api.get("/api/v1/units/25195?at=2025-07-01").json().get("name").asString())
                .isEqualTo("Phường Bình Phước");
        assertThat(api.get("/api/v1/units?parent=689&at=2025-06-30&size=50").json().get("total").asInt()).isEqualTo(8);
    }

    @Test
    void theReorganisationOfJuly2025IsLoadedWithItsLegalBasisAndMappings() {
        TestApi admin = new TestApi(port).as("admin");
        JsonNode r = admin.get("/api/v1/admin/reorganisations/NQ1662-2025").json();
        assertThat(r.get("effectiveDate").asString()).isEqualTo("2025-07-01");
        assertThat(r.get("legalBasis").asString()).contains("1662/NQ-UBTVQH15").contains("72/2025/QH15");
        assertThat(r.get("status").asString()).isEqualTo("PENDING");
        Set<String> from = new HashSet<>();
        Set<String> to = new HashSet<>();
        r.get("units").forEach(m -> {
            if (!m.get("to").asString().equals("75")) {
                from.add(m.get("from").asString());
                to.add(m.get("to").asString());
            }
        });
        assertThat(r.get("units").toString()).contains("{\"from\":\"70\",\"to\":\"75\"}");
        assertThat(from).hasSize(111);
        assertThat(to).hasSize(40);
        assertThat(r.get("agencies").toString()).contains("{\"from\":\"70.689.25195.MC\",\"to\":\"75.25195.MC\"}")
                .contains("{\"from\":\"70.689.25213.MC\",\"to\":\"75.25195.MC\"}");
        assertThat(new TestApi(port).as("tiepnhan.tanphu").get("/api/v1/admin/reorganisations").status())
                .isEqualTo(403);
    }

    private static Map<String, Object> agency(String code, String eid, String unit) {
        Map<String, Object> m = new HashMap<>();
        m.put("code", code);
        m.put("name", "Một cửa " + code);
        m.put("electronicId", eid);
        m.put("unitCode", unit);
        m.put("kind", "one_stop_commune");
        m.put("procedures", List.of(TestDossiers.MARITAL));
        return m;
    }

    @Test
    void applyingAReorganisationHandsTheOpenDossiersOverAndKeepsTheirUnits() {
        TestApi anonymous = new TestApi(port);
        TestApi admin = anonymous.as("admin");
        assertThat(admin.post("/api/v1/admin/agencies", agency("TEST.OLD.MC", "H10.93.01.901", "25213")).status())
                .isEqualTo(201);
        assertThat(admin.post("/api/v1/admin/agencies", agency("TEST.NEW.MC", "H19.99.001", "25195")).status())
                .isEqualTo(201);
        TestApi citizen = anonymous.as("congdan2");
        var filed = citizen.post("/api/v1/dossiers",
                TestDossiers.body(citizen, TestDossiers.MARITAL, "TEST.OLD.MC", "0987654321"));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String code = filed.json().get("code").asString();
        String communeBefore = jdbc.sql("select commune_code from dossier where code = :c").param("c", code)
                .query(String.class).single();

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        Map<String, Object> future = Map.of("code", "TEST-LATER", "title", "Sắp xếp sau", "legalBasis", "NQ thử",
                "effectiveDate", today.plusDays(30).toString(),
                "agencies", List.of(Map.of("from", "TEST.OLD.MC", "to", "TEST.NEW.MC")));
        var later = admin.post("/api/v1/admin/reorganisations", future);
        assertThat(later.status()).isEqualTo(201);
        var early = admin.post("/api/v1/admin/reorganisations/TEST-LATER/apply",
                Map.of("version", later.json().get("version").asInt()));
        assertThat(early.status()).as("not before its date").isEqualTo(409);

        var bad = admin.post("/api/v1/admin/reorganisations", Map.of("code", "TEST-BAD", "title", "x",
                "legalBasis", "", "agencies", List.of(Map.of("from", "KHONG.CO", "to", "TEST.NEW.MC"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").toString()).contains("legalBasis").contains("effectiveDate")
                .contains("agencies[0]");

        Map<String, Object> now = Map.of("code", "TEST-NOW", "title", "Sáp nhập thử", "legalBasis",
                "Nghị quyết thử nghiệm 01/2026", "effectiveDate", today.minusDays(1).toString(),
                "units", List.of(Map.of("from", "25213", "to", "25195")),
                "agencies", List.of(Map.of("from", "TEST.OLD.MC", "to", "TEST.NEW.MC")));
        var entered = admin.post("/api/v1/admin/reorganisations", now);
        assertThat(entered.status()).isEqualTo(201);
        int version = entered.json().get("version").asInt();
        var unversioned = admin.post("/api/v1/admin/reorganisations/TEST-NOW/apply", Map.of());
        assertThat(unversioned.status()).as("the version read is required").isEqualTo(400);
        assertThat(unversioned.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
        assertThat(admin.post("/api/v1/admin/reorganisations/TEST-NOW/apply", Map.of("version", version + 1))
                .status()).as("a stale version").isEqualTo(409);
        assertThat(citizen.get("/api/v1/dossiers/" + code).json().get("agencyCode").asString())
                .as("nothing applied").isEqualTo("TEST.OLD.MC");
        var applied = admin.post("/api/v1/admin/reorganisations/TEST-NOW/apply", Map.of("version", version));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.json().get("status").asString()).isEqualTo("APPLIED");
        assertThat(applied.json().get("handedOver").asInt()).isEqualTo(1);
        assertThat(admin.post("/api/v1/admin/reorganisations/TEST-NOW/apply", Map.of("version", version)).status())
                .as("applied already: the version read is stale").isEqualTo(409);

        JsonNode dossier = citizen.get("/api/v1/dossiers/" + code).json();
        assertThat(dossier.get("agencyCode").asString()).isEqualTo("TEST.NEW.MC");
        assertThat(dossier.get("code").asString()).as("the code is kept").isEqualTo(code);
        assertThat(dossier.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(jdbc.sql("select commune_code from dossier where code = :c").param("c", code).query(String.class)
                .single()).as("filed before: keeps its unit").isEqualTo(communeBefore);
        var line = jdbc.sql("""
                select h.action, h.reason, h.note, h.actor_name from dossier_history h join dossier d on d.id = h.dossier_id
                where d.code = :c order by h.id desc limit 1""").param("c", code)
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single();
        assertThat(line.get(0)).isEqualTo("HAND_OVER");
        assertThat(line.get(1)).isEqualTo("Nghị quyết thử nghiệm 01/2026");
        assertThat(line.get(2)).isEqualTo("TEST.OLD.MC → TEST.NEW.MC");

        assertThat(anonymous.get("/api/v1/agencies/TEST.OLD.MC").json().get("code").asString())
                .as("the old code still resolves").isEqualTo("TEST.NEW.MC");
        var after = citizen.post("/api/v1/dossiers",
                TestDossiers.body(citizen, TestDossiers.MARITAL, "TEST.OLD.MC", "0987654321"));
        assertThat(after.status()).as(after.toString()).isEqualTo(201);
        assertThat(after.json().get("agencyCode").asString()).as("new dossiers go to the successor")
                .isEqualTo("TEST.NEW.MC");
        assertThat(after.json().get("code").asString()).startsWith("H19.99.001-");
        JsonNode audit = admin.get("/api/v1/admin/audit?subject=REORGANISATION&key=TEST-NOW").json();
        assertThat(audit.get(0).get("action").asString()).isEqualTo("APPLY");
    }
}
