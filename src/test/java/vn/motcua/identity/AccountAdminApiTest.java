package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.TestApi;

/** Staff accounts: create, update with version, deactivate, reset, agency administrators' scope, CSV import, audit. */
@IntegrationTest
class AccountAdminApiTest {

    private static final String TANPHU = "70.689.25195.MC";
    private static final String TIENHUNG = "70.689.25213.MC";

    @LocalServerPort
    int port;

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private Map<String, Object> account(String username, String agency, String... roles) {
        return Map.of("username", username, "fullName", "Phạm Thị Thu", "email", username + "@example.vn",
                "phone", "0912000111", "agencyCode", agency, "roles", List.of(roles));
    }

    /** Logs in with the temporary password and changes it, as the first log-in requires. */
    private TestApi firstLogIn(TestApi anonymous, String username, String temporary) {
        TestApi first = anonymous.as(username, temporary);
        var blocked = first.get("/api/v1/admin/accounts");
        assertThat(blocked.status()).as("nothing but the password change before it is done").isEqualTo(403);
        assertThat(blocked.json().get("detail").asString()).contains("đổi mật khẩu");
        var wrong = first.post("/api/v1/me/password", Map.of("currentPassword", "sai", "newPassword", "mat-khau-moi-1"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");
        var changed = first.post("/api/v1/me/password",
                Map.of("currentPassword", temporary, "newPassword", "mat-khau-moi-1"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        return anonymous.as(username, "mat-khau-moi-1");
    }

    @Test
    void theProvinceAdministratorCreatesUpdatesResetsAndDeactivatesAnOfficer() {
        TestApi anonymous = new TestApi(port);
        TestApi admin = anonymous.as("admin");
        String name = unique("cb");
        var created = admin.post("/api/v1/admin/accounts", account(name, TANPHU, "RECEPTION"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String temporary = created.json().get("temporaryPassword").asString();
        assertThat(temporary).hasSize(12);
        assertThat(created.json().get("account").get("mustChangePassword").asBoolean()).isTrue();

        TestApi officer = firstLogIn(anonymous, name, temporary);
        assertThat(officer.get("/api/v1/me").json().get("agencyCode").asString()).isEqualTo(TANPHU);

        var current = admin.get("/api/v1/admin/accounts/" + name).json();
        int version = current.get("version").asInt();
        var updated = admin.put("/api/v1/admin/accounts/" + name, Map.of("fullName", "Phạm Thị Thu Hà",
                "agencyCode", TANPHU, "roles", List.of("RECEPTION", "SPECIALIST"), "active", true, "version", version));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("roles").toString()).contains("SPECIALIST");
        var stale = admin.put("/api/v1/admin/accounts/" + name, Map.of("fullName", "Người khác",
                "agencyCode", TANPHU, "roles", List.of("LEADER"), "version", version));
        assertThat(stale.status()).as("a stale version").isEqualTo(409);
        assertThat(admin.get("/api/v1/admin/accounts/" + name).json().get("fullName").asString())
                .isEqualTo("Phạm Thị Thu Hà");

        var unversioned = admin.post("/api/v1/admin/accounts/" + name + "/reset-password", Map.of());
        assertThat(unversioned.status()).as("the version read is required").isEqualTo(400);
        assertThat(unversioned.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
        assertThat(admin.post("/api/v1/admin/accounts/" + name + "/reset-password", Map.of("version", version))
                .status()).as("a stale version").isEqualTo(409);
        assertThat(officer.get("/api/v1/me").status()).as("nothing changed: the token still works").isEqualTo(200);
        int afterUpdate = updated.json().get("version").asInt();
        var reset = admin.post("/api/v1/admin/accounts/" + name + "/reset-password", Map.of("version", afterUpdate));
        assertThat(reset.status()).isEqualTo(200);
        assertThat(officer.get("/api/v1/me").status()).as("the old token ends with the reset").isEqualTo(401);
        officer = firstLogIn(anonymous, name, reset.json().get("temporaryPassword").asString());

        var missing = admin.post("/api/v1/admin/accounts/" + name + "/deactivate", Map.of());
        assertThat(missing.status()).as("the version read is required").isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
        var staleDeactivation = admin.post("/api/v1/admin/accounts/" + name + "/deactivate",
                Map.of("version", afterUpdate));
        assertThat(staleDeactivation.status()).as("read before the reset and the password change: stale")
                .isEqualTo(409);
        assertThat(staleDeactivation.json().get("detail").asString()).contains("người khác cập nhật");
        assertThat(officer.get("/api/v1/me").status()).as("nothing changed: still active").isEqualTo(200);
        assertThat(admin.get("/api/v1/admin/accounts/" + name).json().get("active").asBoolean()).isTrue();
        var deactivated = admin.post("/api/v1/admin/accounts/" + name + "/deactivate",
                Map.of("version", admin.get("/api/v1/admin/accounts/" + name).json().get("version").asInt()));
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();
        assertThat(officer.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/v1/auth/token", Map.of("username", name, "password", "mat-khau-moi-1"))
                .status()).isEqualTo(401);
        assertThat(admin.get("/api/v1/admin/accounts/" + name).status()).as("never deleted").isEqualTo(200);

        JsonNode audit = admin.get("/api/v1/admin/audit?subject=ACCOUNT&key=" + name).json();
        List<String> actions = new ArrayList<>();
        audit.forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).containsExactly("DEACTIVATE", "RESET_PASSWORD", "UPDATE", "CREATE");
        JsonNode update = audit.get(2);
        assertThat(update.get("actor").asString()).isEqualTo("admin");
        assertThat(update.get("before").get("fullName").asString()).isEqualTo("Phạm Thị Thu");
        assertThat(update.get("after").get("fullName").asString()).isEqualTo("Phạm Thị Thu Hà");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndChangesNothing() {
        TestApi admin = new TestApi(port).as("admin");
        var taken = admin.post("/api/v1/admin/accounts", account("tiepnhan.tanphu", TANPHU, "RECEPTION"));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().get("errors").get(0).get("field").asString()).isEqualTo("username");
        String name = unique("x");
        var bad = admin.post("/api/v1/admin/accounts", Map.of("username", name, "fullName", "",
                "agencyCode", "KHONG.CO", "roles", List.of("THU_KHO"), "email", "khong-phai-email"));
        assertThat(bad.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        bad.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("fullName", "email", "roles", "agencyCode");
        assertThat(admin.get("/api/v1/admin/accounts/" + name).status()).isEqualTo(404);
        var noVersion = admin.put("/api/v1/admin/accounts/tiepnhan.tanphu", Map.of("fullName", "A",
                "agencyCode", TANPHU, "roles", List.of("RECEPTION")));
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
        assertThat(admin.get("/api/v1/admin/accounts/congdan1").status()).as("citizens are not staff").isEqualTo(404);
    }

    @Test
    void anAgencyAdministratorManagesOnlyTheirOwnAgencysStaff() {
        TestApi anonymous = new TestApi(port);
        TestApi admin = anonymous.as("admin");
        String boss = unique("qtcq");
        var created = admin.post("/api/v1/admin/accounts", account(boss, TANPHU, "AGENCY_ADMIN"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        TestApi agencyAdmin = firstLogIn(anonymous, boss, created.json().get("temporaryPassword").asString());

        JsonNode mine = agencyAdmin.get("/api/v1/admin/accounts").json();
        assertThat(mine.size()).isGreaterThanOrEqualTo(3);
        mine.forEach(a -> assertThat(a.get("agencyCode").asString()).isEqualTo(TANPHU));
        assertThat(agencyAdmin.get("/api/v1/admin/accounts?agency=" + TIENHUNG).json().size()).isZero();
        assertThat(agencyAdmin.get("/api/v1/admin/accounts/tiepnhan.tienhung").status())
                .as("another agency's officer does not exist for them").isEqualTo(404);
        assertThat(agencyAdmin.get("/api/v1/admin/accounts/admin").status()).isEqualTo(404);

        assertThat(agencyAdmin.post("/api/v1/admin/accounts", account(unique("y"), TIENHUNG, "RECEPTION")).status())
                .as("staff for another agency").isEqualTo(403);
        assertThat(agencyAdmin.post("/api/v1/admin/accounts", account(unique("y"), TANPHU, "ADMIN")).status())
                .as("a province role").isEqualTo(403);
        String officer = unique("cbtp");
        var own = agencyAdmin.post("/api/v1/admin/accounts", account(officer, TANPHU, "RECEPTION", "LEADER"));
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        var lead = agencyAdmin.get("/api/v1/admin/accounts/tiepnhan.tanphu").json();
        var toOther = agencyAdmin.put("/api/v1/admin/accounts/tiepnhan.tanphu", Map.of("fullName", "X",
                "agencyCode", TIENHUNG, "roles", List.of("RECEPTION"), "version", lead.get("version").asInt()));
        assertThat(toOther.status()).as("moving staff out of the agency").isEqualTo(403);

        JsonNode audit = agencyAdmin.get("/api/v1/admin/audit").json();
        audit.forEach(e -> assertThat(e.get("agencyCode").asString()).isEqualTo(TANPHU));
        assertThat(audit.toString()).contains(officer);

        assertThat(anonymous.as("tiepnhan.tanphu").get("/api/v1/admin/accounts").status())
                .as("an officer is not an administrator").isEqualTo(403);
        assertThat(anonymous.as("tiepnhan.tanphu").get("/api/v1/admin/audit").status()).isEqualTo(403);
    }

    @Test
    void aCsvImportIsCheckedLineByLineAndIsAllOrNothing() {
        TestApi admin = new TestApi(port).as("admin");
        String a = unique("nk");
        String b = unique("nk");
        String bad = "username,fullName,agencyCode,roles,email,phone\n"
                + a + ",Nguyễn Văn Nhập," + TANPHU + ",RECEPTION|SPECIALIST,,\n"
                + b + ",Trần Thị B,KHONG.CO,RECEPTION,,\n"
                + a + ",\"Lê, Văn C\"," + TIENHUNG + ",BOSS,,\n";
        var refused = admin.upload("/api/v1/admin/accounts/import", "staff.csv", "text/csv",
                bad.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        String errors = refused.json().get("errors").toString();
        assertThat(errors).contains("Dòng 3").contains("KHONG.CO").contains("Dòng 4").contains("BOSS")
                .contains("lặp lại").doesNotContain("Dòng 2");
        assertThat(admin.get("/api/v1/admin/accounts/" + a).status()).as("nothing created").isEqualTo(404);

        String good = "\uFEFFusername;fullName;agencyCode;roles;email;phone\r\n"
                + a + ";Nguyễn Văn Nhập;" + TANPHU + ";RECEPTION|SPECIALIST;;0912000222\r\n"
                + b + ";\"Lê; Thị B\";" + TIENHUNG + ";LEADER;b@example.vn;\r\n";
        var preview = admin.upload("/api/v1/admin/accounts/import?preview=true", "staff.csv", "text/csv",
                good.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().get("applied").asBoolean()).isFalse();
        assertThat(preview.json().get("rows").size()).isEqualTo(2);
        assertThat(admin.get("/api/v1/admin/accounts/" + a).status()).as("a preview creates nothing").isEqualTo(404);

        var applied = admin.upload("/api/v1/admin/accounts/import", "staff.csv", "text/csv",
                good.getBytes(StandardCharsets.UTF_8));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        assertThat(applied.json().get("created").size()).isEqualTo(2);
        assertThat(admin.get("/api/v1/admin/accounts/" + b).json().get("fullName").asString()).isEqualTo("Lê; Thị B");
        assertThat(admin.get("/api/v1/admin/accounts/" + a).json().get("roles").size()).isEqualTo(2);
    }

    @Test
    void theAdministratorUsesThePagesAndTheOfficerMustChangeThePasswordFirst() {
        PageSession admin = new PageSession(port).logIn("admin");
        assertThat(admin.get("/quan-tri/tai-khoan").html()).contains("tiepnhan.tanphu");
        admin.get("/quan-tri/tai-khoan/moi");
        String name = unique("tk");
        var created = admin.post("/quan-tri/tai-khoan/moi", Map.of("username", name, "fullName", "Võ Văn Trang",
                "agencyCode", TANPHU, "roles", "SPECIALIST", "active", "true"));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.html()).contains("temporary-password");
        String temporary = created.html().replaceAll("(?s).*id=\"temporary-password\">([^<]+)<.*", "$1");

        var invalid = admin.post("/quan-tri/tai-khoan/moi", Map.of("username", name, "fullName", "",
                "agencyCode", TANPHU, "active", "true"));
        assertThat(invalid.html()).contains("error-summary").contains("đã có người sử dụng");

        PageSession officer = new PageSession(port).logIn(name, temporary);
        assertThat(officer.last().url()).endsWith("/doi-mat-khau");
        assertThat(officer.get("/can-bo").url()).as("every page leads to the change").endsWith("/doi-mat-khau");
        var done = officer.post("/doi-mat-khau", Map.of("currentPassword", temporary, "newPassword", "mat-khau-moi-9"));
        assertThat(done.url()).contains("/dang-nhap");
        PageSession again = new PageSession(port).logIn(name, "mat-khau-moi-9");
        assertThat(again.last().url()).endsWith("/can-bo");

        var page = admin.get("/quan-tri/nhat-ky?subject=ACCOUNT&key=" + name);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains(name).contains("Tạo mới").contains("Võ Văn Trang");
    }

    /**
     * The position printed under an officer's signature (issue 18): set when creating or updating, kept when an
     * update leaves it out, cleared when blank, too long refused naming the field with nothing changed.
     */
    @Test
    void theAdministratorRecordsTheOfficersPositionForTheSignatureBlock() {
        TestApi admin = new TestApi(port).as("admin");
        String name = unique("ld");
        Map<String, Object> body = new java.util.HashMap<>(account(name, TANPHU, "LEADER"));
        body.put("position", "  Phó Chủ tịch ");
        var created = admin.post("/api/v1/admin/accounts", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("account").get("position").asString()).isEqualTo("Phó Chủ tịch");

        int version = admin.get("/api/v1/admin/accounts/" + name).json().get("version").asInt();
        var kept = admin.put("/api/v1/admin/accounts/" + name, Map.of("fullName", "Phạm Thị Thu",
                "agencyCode", TANPHU, "roles", List.of("LEADER"), "version", version));
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(kept.json().get("position").asString()).as("left out: kept").isEqualTo("Phó Chủ tịch");

        var tooLong = admin.put("/api/v1/admin/accounts/" + name, Map.of("fullName", "Phạm Thị Thu",
                "agencyCode", TANPHU, "roles", List.of("LEADER"), "version", kept.json().get("version").asInt(),
                "position", "x".repeat(101)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.toString()).contains("position").contains("Chức vụ: tối đa 100 ký tự.");
        assertThat(admin.get("/api/v1/admin/accounts/" + name).json().get("position").asString())
                .isEqualTo("Phó Chủ tịch");

        var cleared = admin.put("/api/v1/admin/accounts/" + name, Map.of("fullName", "Phạm Thị Thu",
                "agencyCode", TANPHU, "roles", List.of("LEADER"), "version", kept.json().get("version").asInt(),
                "position", " "));
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.json().get("position").isNull()).as("blank: cleared").isTrue();
    }
}
