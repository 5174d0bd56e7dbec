package vn.motcua.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/** Agencies: real electronic identifiers (Circular 01/2018), issued codes kept, closing needs a successor. */
@IntegrationTest
class AgencyAdminApiTest {

    @LocalServerPort
    int port;

    private static Map<String, Object> agency(String code, String electronicId) {
        Map<String, Object> m = new HashMap<>();
        m.put("code", code);
        m.put("name", "Bộ phận Một cửa thử nghiệm " + code);
        m.put("electronicId", electronicId);
        m.put("unitCode", "25195");
        m.put("kind", "one_stop_commune");
        m.put("address", "Số 1, đường Phú Riềng Đỏ");
        m.put("phone", "02713879999");
        m.put("officeHours", List.of("07:30-11:30", "13:00-17:00"));
        m.put("procedures", List.of(TestDossiers.MARITAL));
        return m;
    }

    @Test
    void theDemoIdentifiersFollowCircular01AndTheInventedOnesAreGone() {
        TestApi admin = new TestApi(port).as("admin");
        JsonNode all = admin.get("/api/v1/admin/agencies").json();
        assertThat(all.size()).isGreaterThanOrEqualTo(467);
        List<String> bad = new ArrayList<>();
        all.forEach(a -> {
            if (!ElectronicId.valid(a.get("electronicId").asString())) {
                bad.add(a.get("code").asString() + "=" + a.get("electronicId").asString());
            }
        });
        assertThat(bad).isEmpty();
        assertThat(ElectronicId.valid("H10.689.25195.MC")).isFalse();
        assertThat(ElectronicId.valid("H15.50.05.13")).isTrue();
        assertThat(admin.get("/api/v1/admin/agencies/70.689.25195.MC").json().get("electronicId").asString())
                .matches("H10\\.89\\.\\d{2}\\.\\d{3}");
    }

    @Test
    void badInputIsRefusedFieldByField() {
        TestApi admin = new TestApi(port).as("admin");
        Map<String, Object> bad = agency("70.689.25195.MC", "H10.689.25195.MC");
        bad.put("unitCode", "99999");
        bad.put("officeHours", List.of("11:30-07:00"));
        bad.put("procedures", List.of("9.999999"));
        bad.put("kind", "Một cửa");
        var r = admin.post("/api/v1/admin/agencies", bad);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("code", "electronicId", "unitCode", "officeHours", "procedures", "kind");
        assertThat(r.json().get("errors").toString()).contains("Thông tư 01/2018");
        var taken = admin.post("/api/v1/admin/agencies", agency("TEST.DUP",
                admin.get("/api/v1/admin/agencies/70.689.25213.MC").json().get("electronicId").asString()));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().get("errors").get(0).get("field").asString()).isEqualTo("electronicId");
        assertThat(new TestApi(port).as("tiepnhan.tanphu").get("/api/v1/admin/agencies").status()).isEqualTo(403);
    }

    @Test
    void aNewIdentifierAppliesToNewDossiersOnlyAndClosingNeedsASuccessor() {
        TestApi anonymous = new TestApi(port);
        TestApi admin = anonymous.as("admin");
        var created = admin.post("/api/v1/admin/agencies", agency("TEST.EID.MC", "H10.89.01.901"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("officeHours").toString()).contains("07:30-11:30");
        assertThat(anonymous.get("/api/v1/agencies/TEST.EID.MC").status()).as("in the public directory").isEqualTo(200);

        TestApi citizen = anonymous.as("congdan1");
        var first = citizen.post("/api/v1/dossiers",
                TestDossiers.body(citizen, TestDossiers.MARITAL, "TEST.EID.MC", "0912345678"));
        assertThat(first.status()).as("the agency receives the procedure listed for it: " + first).isEqualTo(201);
        String firstCode = first.json().get("code").asString();
        assertThat(firstCode).startsWith("H10.89.01.901-");

        int version = created.json().get("version").asInt();
        Map<String, Object> edit = agency("TEST.EID.MC", "H10.89.01.902");
        edit.put("version", version);
        var renamed = admin.put("/api/v1/admin/agencies/TEST.EID.MC", edit);
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("previousElectronicIds").toString()).contains("H10.89.01.901");
        var stale = admin.put("/api/v1/admin/agencies/TEST.EID.MC", edit);
        assertThat(stale.status()).isEqualTo(409);

        assertThat(citizen.get("/api/v1/dossiers/" + firstCode).json().get("code").asString())
                .as("an issued code keeps its identifier").isEqualTo(firstCode);
        var second = citizen.post("/api/v1/dossiers",
                TestDossiers.body(citizen, TestDossiers.MARITAL, "TEST.EID.MC", "0912345678"));
        assertThat(second.json().get("code").asString()).startsWith("H10.89.01.902-");

        int v2 = renamed.json().get("version").asInt();
        var unversioned = admin.post("/api/v1/admin/agencies/TEST.EID.MC/close",
                Map.of("successorCode", TestDossiers.TAN_PHU));
        assertThat(unversioned.status()).as("the version read is required").isEqualTo(400);
        assertThat(unversioned.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
        var staleClose = admin.post("/api/v1/admin/agencies/TEST.EID.MC/close",
                Map.of("version", version, "successorCode", TestDossiers.TAN_PHU));
        assertThat(staleClose.status()).as("read before the rename: stale").isEqualTo(409);
        assertThat(staleClose.json().get("detail").asString()).contains("người khác cập nhật");
        assertThat(admin.get("/api/v1/admin/agencies/TEST.EID.MC").json().get("active").asBoolean())
                .as("a stale close changes nothing").isTrue();
        var refused = admin.post("/api/v1/admin/agencies/TEST.EID.MC/close", Map.of("version", v2));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("successorCode");
        assertThat(admin.get("/api/v1/admin/agencies/TEST.EID.MC").json().get("active").asBoolean())
                .as("nothing changed").isTrue();
        var closed = admin.post("/api/v1/admin/agencies/TEST.EID.MC/close",
                Map.of("version", v2, "successorCode", TestDossiers.TAN_PHU));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().get("active").asBoolean()).isFalse();
        assertThat(closed.json().get("successorCode").asString()).isEqualTo(TestDossiers.TAN_PHU);
        JsonNode handed = citizen.get("/api/v1/dossiers/" + firstCode).json();
        assertThat(handed.get("agencyCode").asString()).as("handed over to the successor").isEqualTo(TestDossiers.TAN_PHU);
        assertThat(handed.get("code").asString()).isEqualTo(firstCode);
        assertThat(anonymous.get("/api/v1/agencies/TEST.EID.MC").json().get("code").asString())
                .as("the old code resolves to the successor").isEqualTo(TestDossiers.TAN_PHU);

        JsonNode audit = admin.get("/api/v1/admin/audit?subject=AGENCY&key=TEST.EID.MC").json();
        assertThat(audit.get(0).get("action").asString()).isEqualTo("CLOSE");
        assertThat(audit.get(1).get("before").get("electronicId").asString()).isEqualTo("H10.89.01.901");
        assertThat(audit.get(1).get("after").get("electronicId").asString()).isEqualTo("H10.89.01.902");
    }

    @Test
    void theAdministratorEditsAnAgencyOnThePages() {
        PageSession admin = new PageSession(port).logIn("admin");
        assertThat(admin.get("/quan-tri/co-quan?q=25195").html()).contains("70.689.25195.MC");
        var page = admin.get("/quan-tri/co-quan/moi");
        assertThat(page.status()).isEqualTo(200);
        var invalid = admin.post("/quan-tri/co-quan/moi", Map.of("code", "TEST.PAGE.MC", "name", "Một cửa trang",
                "electronicId", "H10.689.25195.MC", "unitCode", "25195", "kind", "one_stop_commune"));
        assertThat(invalid.html()).contains("error-summary").contains("Thông tư 01/2018");
        var ok = admin.post("/quan-tri/co-quan/moi", Map.of("code", "TEST.PAGE.MC", "name", "Một cửa trang",
                "electronicId", "H10.89.01.903", "unitCode", "25195", "kind", "one_stop_commune",
                "officeHours", "07:00-11:00\n13:30-17:00"));
        assertThat(ok.url()).endsWith("/quan-tri/co-quan/TEST.PAGE.MC");
        assertThat(ok.html()).contains("H10.89.01.903").contains("Tạo mới");
    }
}
