package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.catalog.internal.ProcedureAdmin;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;
import vn.motcua.test.TestDossiers;

/**
 * Procedure administration through HTTP (issue 11): an administrator creates a procedure with its fee, time and
 * components, assigns the agency that receives it, changes it through versions valid from a date; a dossier keeps the
 * version it was filed under; imports are all or nothing with the line of every problem.
 */
@IntegrationTest
class ProcedureAdminApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    ProcedureAdmin procedures;
    @Autowired
    Catalog catalog;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Map<String, Object> procedure(String code, long fee, int days, List<String> components) {
        Map<String, Object> m = new HashMap<>();
        m.put("code", code);
        m.put("name", "Cấp giấy xác nhận thử nghiệm " + code);
        m.put("fieldName", "Thử nghiệm quản trị");
        m.put("levels", List.of("COMMUNE"));
        m.put("agencies", List.of(TestDossiers.TAN_PHU));
        m.put("timeAmount", days);
        m.put("timeUnit", "WORKING_DAYS");
        m.put("fees", List.of(Map.of("name", "Lệ phí", "amount", fee, "kind", "le_phi", "condition", "Mỗi lần cấp")));
        List<Map<String, Object>> comps = new ArrayList<>();
        components.forEach(c -> comps.add(Map.of("name", c, "originals", 1, "required", true)));
        m.put("components", comps);
        m.put("onlineLevel", "FULL");
        m.put("legalBasis", List.of("Nghị định 61/2018/NĐ-CP"));
        m.put("published", true);
        return m;
    }

    private static String file(TestApi citizen, String procedure, String agency) {
        var r = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, procedure, agency, "0912345678"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("code").asString();
    }

    @Test
    void aDossierKeepsTheVersionItWasFiledUnder() {
        TestApi admin = new TestApi(port).as("admin");
        TestApi citizen = new TestApi(port).as("congdan1");
        String code = "9.900101";
        var created = admin.post("/api/v1/admin/procedures", procedure(code, 50_000, 5, List.of("Đơn đề nghị")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("version").asInt()).isEqualTo(1);
        assertThat(created.json().get("published").asBoolean()).isTrue();

        JsonNode receivers = citizen.get("/api/v1/procedures/" + code + "/agencies").json();
        List<String> receiving = new ArrayList<>();
        receivers.get("items").forEach(a -> receiving.add(a.get("code").asString()));
        assertThat(receiving).as("only the assigned agency receives it").containsExactly(TestDossiers.TAN_PHU);
        var elsewhere = citizen.post("/api/v1/dossiers",
                TestDossiers.body(citizen, code, "70.689.25213.MC", "0912345678"));
        assertThat(elsewhere.status()).as("an agency not assigned refuses it").isEqualTo(400);

        String first = file(citizen, code, TestDossiers.TAN_PHU);
        JsonNode d1 = citizen.get("/api/v1/dossiers/" + first).json();
        assertThat(d1.get("procedureVersion").asInt()).isEqualTo(1);
        assertThat(d1.get("feeAmount").asLong()).isEqualTo(50_000);

        // version 2 from today: a higher fee, a shorter time and one more document
        Map<String, Object> v2 = procedure(code, 70_000, 3, List.of("Đơn đề nghị", "Bản sao giấy tờ nhà đất"));
        v2.put("version", 1);
        var changed = admin.put("/api/v1/admin/procedures/" + code, v2);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("version").asInt()).isEqualTo(2);
        assertThat(admin.put("/api/v1/admin/procedures/" + code, v2).status()).as("stale version").isEqualTo(409);

        String second = file(citizen, code, TestDossiers.TAN_PHU);
        JsonNode d2 = citizen.get("/api/v1/dossiers/" + second).json();
        assertThat(d2.get("procedureVersion").asInt()).isEqualTo(2);
        assertThat(d2.get("feeAmount").asLong()).isEqualTo(70_000);
        d1 = citizen.get("/api/v1/dossiers/" + first).json();
        assertThat(d1.get("procedureVersion").asInt()).as("the first dossier keeps version 1").isEqualTo(1);
        assertThat(d1.get("feeAmount").asLong()).isEqualTo(50_000);
        assertThat(d2.get("processingTime").toString()).as("3 working days instead of 5").contains("3");
        assertThat(d1.get("processingTime").toString()).contains("5");

        assertThat(catalog.filed(code, d1.get("procedureVersion").asInt()).orElseThrow().components())
                .as("supplements and receipts of the first dossier use the documents of version 1").hasSize(1);
        assertThat(catalog.filed(code, d2.get("procedureVersion").asInt()).orElseThrow().components()).hasSize(2);

        // version 3 from tomorrow: scheduled, version 2 stays in force until then
        LocalDate tomorrow = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))).plusDays(1);
        Map<String, Object> v3 = procedure(code, 90_000, 3, List.of("Đơn đề nghị"));
        v3.put("version", 2);
        v3.put("validFrom", tomorrow.toString());
        var scheduled = admin.put("/api/v1/admin/procedures/" + code, v3);
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        assertThat(scheduled.json().get("version").asInt()).isEqualTo(2);
        assertThat(scheduled.json().get("scheduledVersion").asInt()).isEqualTo(3);
        assertThat(citizen.get("/api/v1/procedures/" + code).json().get("fees").get(0).get("amount").asLong())
                .as("still version 2 today").isEqualTo(70_000);
        JsonNode versions = admin.get("/api/v1/admin/procedures/" + code + "/versions").json();
        List<String> states = new ArrayList<>();
        versions.forEach(v -> states.add(v.get("version").asInt() + ":" + v.get("status").asString()));
        assertThat(states).containsExactly("3:SCHEDULED", "2:IN_FORCE", "1:SUPERSEDED");

        // the dossiers' events handled first: on a month's last day, one handled while the clock reads tomorrow would
        // close the current month of the 766 index for good (see SignedResultApiTest)
        vn.motcua.test.Background.outboxCaughtUp(jdbc);
        clock.advance(Duration.ofDays(1));
        assertThat(procedures.promoteDue()).isGreaterThanOrEqualTo(1);
        assertThat(citizen.get("/api/v1/procedures/" + code).json().get("fees").get(0).get("amount").asLong())
                .as("version 3 on its date").isEqualTo(90_000);
        assertThat(citizen.get("/api/v1/dossiers/" + second).json().get("feeAmount").asLong()).isEqualTo(70_000);

        JsonNode audit = admin.get("/api/v1/admin/audit?subject=PROCEDURE&key=" + code).json();
        List<String> actions = new ArrayList<>();
        audit.forEach(a -> actions.add(a.get("action").asString()));
        assertThat(actions).contains("CREATE", "NEW_VERSION", "SCHEDULE_VERSION");
    }

    @Test
    void publishingIsExplicitAndTakesTheVersionRead() {
        TestApi admin = new TestApi(port).as("admin");
        TestApi anonymous = new TestApi(port);
        String code = "9.900402";
        if (admin.get("/api/v1/admin/procedures/" + code).status() == 404) {
            assertThat(admin.post("/api/v1/admin/procedures", procedure(code, 10_000, 2, List.of("Đơn"))).status())
                    .isEqualTo(201);
        }
        JsonNode read = admin.get("/api/v1/admin/procedures/" + code).json();
        if (!read.get("published").asBoolean()) {
            read = admin.post("/api/v1/admin/procedures/" + code + "/publish",
                    Map.of("published", true, "version", read.get("version").asInt())).json();
        }
        int version = read.get("version").asInt();
        String path = "/api/v1/admin/procedures/" + code + "/publish";

        var empty = admin.post(path, Map.of());
        assertThat(empty.status()).as("{} is not an unpublish: " + empty).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        empty.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("published", "version");
        var noVersion = admin.post(path, Map.of("published", false));
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
        var noState = admin.post(path, Map.of("version", version));
        assertThat(noState.status()).isEqualTo(400);
        assertThat(noState.json().get("errors").get(0).get("field").asString()).isEqualTo("published");
        assertThat(anonymous.get("/api/v1/procedures/" + code).status()).as("still published").isEqualTo(200);

        // another administrator saves a new version: the version read is stale
        Map<String, Object> v2 = procedure(code, 12_000, 2, List.of("Đơn"));
        v2.put("version", version);
        var saved = admin.put("/api/v1/admin/procedures/" + code, v2);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        var stale = admin.post(path, Map.of("published", false, "version", version));
        assertThat(stale.status()).as("a stale version").isEqualTo(409);
        assertThat(stale.json().get("detail").asString()).contains("người khác cập nhật");
        assertThat(anonymous.get("/api/v1/procedures/" + code).status()).as("nothing changed").isEqualTo(200);

        int fresh = saved.json().get("version").asInt();
        var already = admin.post(path, Map.of("published", true, "version", fresh));
        assertThat(already.status()).as("already published (by someone else since it was read)").isEqualTo(409);
        var unpublished = admin.post(path, Map.of("published", false, "version", fresh));
        assertThat(unpublished.status()).as(unpublished.toString()).isEqualTo(200);
        assertThat(unpublished.json().get("published").asBoolean()).isFalse();
        assertThat(anonymous.get("/api/v1/procedures/" + code).status()).as("citizens no longer see it").isEqualTo(404);
        JsonNode audit = admin.get("/api/v1/admin/audit?subject=PROCEDURE&key=" + code).json();
        assertThat(audit.get(0).get("action").asString()).isEqualTo("UNPUBLISH");
        assertThat(audit.get(0).get("before").get("published").asBoolean()).isTrue();
        assertThat(audit.get(0).get("after").get("published").asBoolean()).isFalse();
        assertThat(admin.post(path, Map.of("published", true, "version", fresh)).status()).isEqualTo(200);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingChanges() {
        TestApi admin = new TestApi(port).as("admin");
        int before = admin.get("/api/v1/admin/procedures").json().size();
        Map<String, Object> bad = procedure(TestDossiers.MARITAL, -5, 0, List.of(""));
        bad.put("levels", List.of("THÀNH PHỐ"));
        bad.put("timeUnit", "WEEKS");
        bad.put("agencies", List.of("KHONG.CO.MC"));
        var r = admin.post("/api/v1/admin/procedures", bad);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("code", "levels", "timeUnit", "fees[0].amount", "components[0].name", "agencies");
        assertThat(r.json().get("errors").toString()).contains("đã có trong danh mục");
        assertThat(admin.get("/api/v1/admin/procedures").json().size()).as("nothing created").isEqualTo(before);
        Map<String, Object> noTime = procedure("9.900102", 0, 1, List.of("Đơn"));
        noTime.remove("timeUnit");
        noTime.remove("timeAmount");
        var unpublishable = admin.post("/api/v1/admin/procedures", noTime);
        assertThat(unpublishable.status()).isEqualTo(400);
        assertThat(unpublishable.json().get("errors").get(0).get("field").asString()).isEqualTo("timeAmount");
        assertThat(new TestApi(port).as("tiepnhan.tanphu").get("/api/v1/admin/procedures").status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/admin/procedures/9.999999").status()).isEqualTo(404);
    }

    private static final String HEADER = "Mã thủ tục;Tên thủ tục;Lĩnh vực;Cấp thực hiện;Cơ quan thực hiện;"
            + "Thời hạn giải quyết;Phí, lệ phí;Thành phần hồ sơ;Kết quả thực hiện;Căn cứ pháp lý;Mức độ dịch vụ công\r\n";

    @Test
    void anImportInTheNationalDatabaseLayoutIsAllOrNothing() {
        TestApi admin = new TestApi(port).as("admin");
        String good = HEADER
                + "9.900201;Xác nhận thử nghiệm nhập một;Thử nghiệm nhập;Cấp Xã;UBND cấp xã;5 ngày làm việc;"
                + "\"Lệ phí: 20.000 đồng\";\"Đơn đề nghị\nBản sao giấy khai sinh\";Giấy xác nhận;Luật Hộ tịch 2014;Toàn trình\r\n"
                + "9.900202;Xác nhận thử nghiệm nhập hai;Thử nghiệm nhập;\"Cấp Tỉnh\nCấp Xã\";Sở Tư pháp;Trong ngày;Không;"
                + "Tờ khai;Giấy xác nhận;Nghị định 123/2015/NĐ-CP;Một phần\r\n";
        var preview = admin.upload("/api/v1/admin/procedures/import?preview=true", "tthc.csv", "text/csv",
                good.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().get("rows").size()).isEqualTo(2);
        assertThat(preview.json().get("rows").get(0).get("feeTotal").asLong()).isEqualTo(20_000);
        assertThat(admin.get("/api/v1/admin/procedures/9.900201").status()).as("a preview creates nothing").isEqualTo(404);

        String bad = good + "9.900203;;Thử nghiệm nhập;Cấp Xã;;vài hôm;;;;;\r\n";
        var refused = admin.upload("/api/v1/admin/procedures/import", "tthc.csv", "text/csv",
                bad.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").toString()).contains("Dòng 4").contains("vài hôm");
        assertThat(admin.get("/api/v1/admin/procedures/9.900201").status()).as("nothing created").isEqualTo(404);

        var applied = admin.upload("/api/v1/admin/procedures/import", "tthc.csv", "text/csv",
                good.getBytes(StandardCharsets.UTF_8));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        JsonNode one = admin.get("/api/v1/admin/procedures/9.900201").json();
        assertThat(one.get("timeAmount").asInt()).isEqualTo(5);
        assertThat(one.get("timeUnit").asString()).isEqualTo("WORKING_DAYS");
        assertThat(one.get("fees").get(0).get("amount").asLong()).isEqualTo(20_000);
        assertThat(one.get("components").size()).isEqualTo(2);
        assertThat(one.get("components").get(1).get("copies").asInt()).isEqualTo(1);
        assertThat(one.get("onlineLevel").asString()).isEqualTo("FULL");
        assertThat(one.get("published").asBoolean()).as("imported, to be checked then published").isFalse();
        JsonNode two = admin.get("/api/v1/admin/procedures/9.900202").json();
        assertThat(two.get("levels").toString()).contains("PROVINCE").contains("COMMUNE");
        assertThat(two.get("timeUnit").asString()).isEqualTo("SAME_DAY");
        var again = admin.upload("/api/v1/admin/procedures/import", "tthc.csv", "text/csv",
                good.getBytes(StandardCharsets.UTF_8));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("errors").toString()).contains("Dòng 2").contains("9.900201");
        var published = admin.post("/api/v1/admin/procedures/9.900201/publish",
                Map.of("published", true, "version", one.get("version").asInt()));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(new TestApi(port).get("/api/v1/procedures/9.900201").status()).isEqualTo(200);
    }

    @Test
    void theAdministratorCreatesAndVersionsAProcedureOnThePages() {
        PageSession admin = new PageSession(port).logIn("admin");
        assertThat(admin.get("/quan-tri").html()).contains("/quan-tri/thu-tuc");
        assertThat(admin.get("/quan-tri/thu-tuc?q=khai+sinh").html()).contains("1.001193");
        Map<String, String> form = new HashMap<>(Map.of("code", "9.900301", "name", "Xác nhận thử nghiệm trên trang",
                "fieldName", "Thử nghiệm quản trị", "levels", "COMMUNE", "timeAmount", "4", "timeUnit", "WORKING_DAYS",
                "fees", "Lệ phí | 30.000 đồng | Mỗi lần\nPhí sao | 5000 | Mỗi bản", "components", "Đơn đề nghị\nGiấy tờ nhà (bản sao)",
                "agencies", TestDossiers.TAN_PHU, "published", "true"));
        form.put("onlineLevel", "FULL");
        Map<String, String> bad = new HashMap<>(form);
        bad.put("fees", "Lệ phí | ba mươi nghìn");
        var refused = admin.post("/quan-tri/thu-tuc/moi", bad);
        assertThat(refused.html()).contains("error-summary").contains("Lệ phí | ba mươi nghìn");
        var created = admin.post("/quan-tri/thu-tuc/moi", form);
        assertThat(created.url()).endsWith("/quan-tri/thu-tuc/9.900301");
        assertThat(created.html()).contains("Đang công khai").contains("30.000").contains("Đang áp dụng");
        TestApi api = new TestApi(port).as("admin");
        JsonNode v1 = api.get("/api/v1/admin/procedures/9.900301").json();
        assertThat(v1.get("components").get(1).get("copies").asInt()).isEqualTo(1);
        assertThat(v1.get("fees").get(1).get("kind").asString()).isEqualTo("phi");

        Map<String, String> edit = new HashMap<>(Map.of("name", "Xác nhận thử nghiệm trên trang",
                "fieldName", "Thử nghiệm quản trị", "levels", "COMMUNE", "timeAmount", "2", "timeUnit", "WORKING_DAYS",
                "version", "1"));
        edit.put("fees", created.input("feesOriginal"));
        edit.put("feesOriginal", created.input("feesOriginal"));
        edit.put("components", created.input("componentsOriginal"));
        edit.put("componentsOriginal", created.input("componentsOriginal"));
        edit.put("agencies", TestDossiers.TAN_PHU);
        var saved = admin.post("/quan-tri/thu-tuc/9.900301", edit);
        assertThat(saved.html()).contains("phiên bản 2").contains("Đã thay thế");
        JsonNode v2 = api.get("/api/v1/admin/procedures/9.900301").json();
        assertThat(v2.get("timeAmount").asInt()).isEqualTo(2);
        assertThat(v2.get("fees").toString()).as("untouched fee rows kept").isEqualTo(v1.get("fees").toString());
        assertThat(admin.get("/quan-tri/thu-tuc/nhap").status()).isEqualTo(200);
    }
}
