package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

@IntegrationTest
class ProcessAdminTest {

    private static final String AGENCY = "70.689.25213.MC";

    @LocalServerPort
    int port;

    @Test
    void anAdministratorDefinesAVersionedProcessAndDossiersKeepTheirVersion() {
        TestApi api = new TestApi(port);
        TestApi admin = api.as("admin");
        TestApi citizen = api.as("congdan2");
        TestApi desk = api.as("tiepnhan.tienhung");
        JsonNode before = admin.get("/api/v1/admin/processes?procedure=1.004873&agency=" + AGENCY).json();
        assertThat(before.get("current").get("steps").size()).isEqualTo(2);

        // a dossier started under the default process
        JsonNode old = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, "1.004873", AGENCY,
                TestDossiers.phone())).json();
        old = act(desk, old, "ACCEPT");
        old = act(desk, old, "FORWARD");

        var wrongSum = admin.post("/api/v1/admin/processes", Map.of("procedureCode", "1.004873", "agencyCode", AGENCY,
                "version", 0, "steps", List.of(Map.of("name", "Thẩm định", "role", "SPECIALIST", "hours", 10))));
        assertThat(wrongSum.status()).isEqualTo(400);
        assertThat(wrongSum.text()).contains("24");
        List<Map<String, Object>> threeSteps = List.of(
                Map.of("name", "Thụ lý hồ sơ", "role", "SPECIALIST", "hours", 12),
                Map.of("name", "Xác minh tại Đồng Xoài", "role", "SPECIALIST", "agencyCode", "70.689.MC", "hours", 8),
                Map.of("name", "Ký xác nhận", "role", "LEADER", "hours", 4));
        var unversioned = admin.post("/api/v1/admin/processes", Map.of("procedureCode", "1.004873", "agencyCode",
                AGENCY, "steps", threeSteps));
        assertThat(unversioned.status()).as("the version read is required").isEqualTo(400);
        assertThat(unversioned.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
        var defined = admin.post("/api/v1/admin/processes", Map.of("procedureCode", "1.004873", "agencyCode", AGENCY,
                "version", before.get("current").get("version").asInt(),
                "note", "Quyết định số 12/QĐ-UBND", "steps", List.of(
                        Map.of("name", "Thụ lý hồ sơ", "role", "SPECIALIST", "hours", 12),
                        Map.of("name", "Xác minh tại Đồng Xoài", "role", "SPECIALIST", "agencyCode", "70.689.MC", "hours", 8),
                        Map.of("name", "Ký xác nhận", "role", "LEADER", "hours", 4))));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        assertThat(defined.json().get("version").asInt()).isEqualTo(1);
        var stale = admin.post("/api/v1/admin/processes", Map.of("procedureCode", "1.004873", "agencyCode", AGENCY,
                "version", 0, "steps", threeSteps));
        assertThat(stale.status()).as("defined from the default read before version 1: stale").isEqualTo(409);
        assertThat(admin.get("/api/v1/admin/processes?procedure=1.004873&agency=" + AGENCY).json().get("versions")
                .size()).as("nothing defined").isEqualTo(1);
        assertThat(api.as("congdan1").post("/api/v1/admin/processes", Map.of()).status()).isEqualTo(403);

        JsonNode fresh = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, "1.004873", AGENCY,
                TestDossiers.phone())).json();
        fresh = act(desk, act(desk, fresh, "ACCEPT"), "FORWARD");
        assertThat(fresh.get("steps").size()).isEqualTo(3);
        assertThat(fresh.get("currentStep").asString()).isEqualTo("Thụ lý hồ sơ");
        JsonNode at2 = act(api.as("chuyenvien.tienhung"), fresh, "FORWARD");
        assertThat(at2.get("currentStepAgency").asString()).isEqualTo("70.689.MC");
        JsonNode refreshedOld = desk.get("/api/v1/office/dossiers/" + old.get("code").asString()).json();
        assertThat(refreshedOld.get("steps").size()).as("the dossier keeps the process it started with").isEqualTo(2);
    }

    static JsonNode act(TestApi who, JsonNode d, String action) {
        var r = who.post("/api/v1/office/dossiers/" + d.get("code").asString() + "/actions",
                Map.of("action", action, "version", d.get("version").asInt()));
        assertThat(r.status()).as(action + " " + r).isEqualTo(200);
        return r.json();
    }
}
