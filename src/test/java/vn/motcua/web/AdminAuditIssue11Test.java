package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
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
 * The audit page shows the administrative changes of issue 11 with what they were before and after: a reorganisation's
 * mapping, the agencies it closes and brings into force, an agency's new electronic id, and a holiday schedule
 * replaced and deleted; every action is named in words (no message key left unresolved).
 */
@IntegrationTest
class AdminAuditIssue11Test {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

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

    private static String html(String page) {
        return page.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'");
    }

    @Test
    void aReorganisationItsAgenciesAnElectronicIdAndAScheduleAreOnTheAuditPageWithBeforeAndAfter() {
        TestApi admin = new TestApi(port).as("admin");
        // an agency's real electronic id replaces an invented one
        assertThat(admin.post("/api/v1/admin/agencies", agency("TEST.AUD.OLD.MC", "H10.93.01.921", "25213")).status())
                .isEqualTo(201);
        JsonNode old = admin.get("/api/v1/admin/agencies/TEST.AUD.OLD.MC").json();
        Map<String, Object> edit = agency("TEST.AUD.OLD.MC", "H10.93.01.922", "25213");
        edit.put("version", old.get("version").asInt());
        var edited = admin.put("/api/v1/admin/agencies/TEST.AUD.OLD.MC", edit);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);

        // a successor waiting for its reorganisation (as the demo's new wards' one-stops do), and the reorganisation
        assertThat(admin.post("/api/v1/admin/agencies", agency("TEST.AUD.NEW.MC", "H19.99.021", "25195")).status())
                .isEqualTo(201);
        jdbc.sql("update agency set active = false where code = 'TEST.AUD.NEW.MC'").update();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        var entered = admin.post("/api/v1/admin/reorganisations", Map.of("code", "TEST-AUD", "title",
                "Sáp nhập thử nhật ký", "legalBasis", "Nghị quyết thử nghiệm 02/2026", "effectiveDate",
                today.minusDays(1).toString(), "units", List.of(Map.of("from", "25213", "to", "25195")),
                "agencies", List.of(Map.of("from", "TEST.AUD.OLD.MC", "to", "TEST.AUD.NEW.MC"))));
        assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
        var applied = admin.post("/api/v1/admin/reorganisations/TEST-AUD/apply",
                Map.of("version", entered.json().get("version").asInt()));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);

        // a holiday schedule created, replaced and deleted
        String path = "/api/v1/admin/calendar/years/2048/schedules/HUNG_KINGS";
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("name", "Giỗ Tổ 2048 (thử nhật ký)");
        schedule.put("source", "Thông báo thử nghiệm");
        schedule.put("daysOff", List.of("2048-04-14"));
        schedule.put("version", 0);
        assertThat(admin.put(path, schedule).status()).isEqualTo(201);
        schedule.put("daysOff", List.of("2048-04-14", "2048-04-15"));
        schedule.put("version", 1);
        assertThat(admin.put(path, schedule).status()).isEqualTo(200);

        // the API: before and after of each line
        JsonNode closed = admin.get("/api/v1/admin/audit?subject=AGENCY&key=TEST.AUD.OLD.MC").json();
        assertThat(closed.get(0).get("action").asString()).isEqualTo("CLOSE");
        assertThat(closed.get(0).get("before").get("active").asBoolean()).isTrue();
        assertThat(closed.get(0).get("before").get("successorCode").isNull()).isTrue();
        assertThat(closed.get(0).get("after").get("active").asBoolean()).isFalse();
        assertThat(closed.get(0).get("after").get("successorCode").asString()).isEqualTo("TEST.AUD.NEW.MC");
        assertThat(closed.get(0).get("after").get("validTo").asString()).isEqualTo(today.minusDays(2).toString());
        assertThat(closed.get(1).get("action").asString()).isEqualTo("UPDATE");
        assertThat(closed.get(1).get("before").get("electronicId").asString()).isEqualTo("H10.93.01.921");
        assertThat(closed.get(1).get("after").get("electronicId").asString()).isEqualTo("H10.93.01.922");
        JsonNode inForce = admin.get("/api/v1/admin/audit?subject=AGENCY&key=TEST.AUD.NEW.MC").json();
        assertThat(inForce.get(0).get("action").asString()).isEqualTo("IN_FORCE");
        assertThat(inForce.get(0).get("before").get("active").asBoolean()).isFalse();
        assertThat(inForce.get(0).get("after").get("active").asBoolean()).isTrue();
        JsonNode reorg = admin.get("/api/v1/admin/audit?subject=REORGANISATION&key=TEST-AUD").json();
        assertThat(reorg).extracting(l -> l.get("action").asString()).containsExactly("APPLY", "CREATE");
        assertThat(reorg.get(1).get("after").get("agencies").toString())
                .contains("TEST.AUD.OLD.MC").contains("TEST.AUD.NEW.MC");
        assertThat(reorg.get(1).get("after").get("units").toString()).contains("25213").contains("25195");
        assertThat(reorg.get(0).get("before").get("status").asString()).isEqualTo("PENDING");
        assertThat(reorg.get(0).get("after").get("status").asString()).isEqualTo("APPLIED");

        // the page: the same lines in words, before struck through and after inserted
        PageSession page = new PageSession(port).logIn("admin");
        String agencyPage = html(page.get("/quan-tri/nhat-ky?subject=AGENCY&key=TEST.AUD.OLD.MC").html());
        assertThat(agencyPage).contains("<del>H10.93.01.921</del>").contains("<ins>H10.93.01.922</ins>")
                .contains("<ins>TEST.AUD.NEW.MC</ins>").contains("Đóng").contains("Sửa").doesNotContain("??");
        String successorPage = html(page.get("/quan-tri/nhat-ky?subject=AGENCY&key=TEST.AUD.NEW.MC").html());
        assertThat(successorPage).contains("Có hiệu lực").doesNotContain("??");
        String reorgPage = html(page.get("/quan-tri/nhat-ky?subject=REORGANISATION&key=TEST-AUD").html());
        assertThat(reorgPage).contains("Áp dụng").contains("Tạo mới").contains("TEST.AUD.OLD.MC")
                .contains("<del>PENDING</del>").contains("<ins>APPLIED</ins>").doesNotContain("??");
        String calendarPage = html(page.get("/quan-tri/nhat-ky?subject=CALENDAR&key=2048/HUNG_KINGS").html());
        assertThat(calendarPage).contains("Thay thế").contains("Tạo mới").contains("2048-04-15")
                .doesNotContain("??");
        String english = html(new PageSession(port, "en").logIn("admin")
                .get("/quan-tri/nhat-ky?subject=CALENDAR&key=2048/HUNG_KINGS&lang=en").html());
        assertThat(english).contains("Replaced").doesNotContain("??");
    }
}
