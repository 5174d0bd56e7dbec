package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * Every administrative change in the one audit log (issue 11): besides accounts, agencies, procedures and
 * reorganisations (their own tests), an electronic process defined for a procedure at an agency and a holiday schedule
 * of the working calendar each write a line — who, when, before and after — shown on {@code /quan-tri/nhat-ky}.
 */
@IntegrationTest
class AdminAuditCoverageTest {

    @LocalServerPort
    int port;

    @Test
    void aProcessAndAHolidayScheduleAreAuditedWithBeforeAndAfter() {
        TestApi admin = new TestApi(port).as("admin");
        // a procedure of this test only (2 working days = 16 working hours), received at Tân Phú
        String code = "9.97" + UUID.randomUUID().toString().replaceAll("\\D", "").substring(0, 4);
        Map<String, Object> p = new HashMap<>(Map.of("code", code, "name", "Thủ tục kiểm tra nhật ký " + code,
                "fieldName", "Thử nghiệm quản trị", "levels", List.of("COMMUNE"), "agencies",
                List.of(TestDossiers.TAN_PHU), "timeAmount", 2, "timeUnit", "WORKING_DAYS", "published", true));
        assertThat(admin.post("/api/v1/admin/procedures", p).status()).isEqualTo(201);
        var defined = admin.post("/api/v1/admin/processes", Map.of("procedureCode", code, "agencyCode",
                TestDossiers.TAN_PHU, "version", 0, "note", "Quyết định thử nghiệm", "steps", List.of(
                        Map.of("name", "Thụ lý", "role", "SPECIALIST", "hours", 12),
                        Map.of("name", "Ký", "role", "LEADER", "hours", 4))));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        String key = code + "@" + TestDossiers.TAN_PHU;
        JsonNode process = admin.get("/api/v1/admin/audit?subject=PROCESS&key=" + key).json();
        assertThat(process.size()).isEqualTo(1);
        assertThat(process.get(0).get("actor").asString()).isEqualTo("admin");
        assertThat(process.get(0).get("action").asString()).isEqualTo("NEW_VERSION");
        assertThat(process.get(0).get("agencyCode").asString()).isEqualTo(TestDossiers.TAN_PHU);
        assertThat(process.get(0).get("after").get("steps").toString()).contains("\"Thụ lý\"").contains("\"Ký\"")
                .contains("\"hours\":12");
        assertThat(process.get(0).get("before").get("steps").toString()).as("the default process it replaced")
                .doesNotContain("\"hours\":12");

        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("name", "Giỗ Tổ Hùng Vương 2047 (thử nghiệm nhật ký)");
        schedule.put("source", "Thông báo thử nghiệm số 2/TB-TEST");
        schedule.put("confidence", "confirmed");
        schedule.put("daysOff", List.of("2047-04-25"));
        schedule.put("swappedWorkdays", List.of());
        var existing = admin.get("/api/v1/admin/calendar/years/2047/schedules/HUNG_KINGS");
        schedule.put("version", existing.status() == 404 ? 0 : existing.json().get("version").asLong());
        var created = admin.put("/api/v1/admin/calendar/years/2047/schedules/HUNG_KINGS", schedule);
        assertThat(created.status()).as(created.toString()).isIn(200, 201);
        schedule.put("version", created.json().get("schedule").get("version").asLong());
        schedule.put("daysOff", List.of("2047-04-25", "2047-04-26"));
        assertThat(admin.put("/api/v1/admin/calendar/years/2047/schedules/HUNG_KINGS", schedule).status())
                .isEqualTo(200);
        JsonNode calendar = admin.get("/api/v1/admin/audit?subject=CALENDAR&key=2047/HUNG_KINGS").json();
        assertThat(calendar.get(0).get("action").asString()).isEqualTo("REPLACE");
        assertThat(calendar.get(0).get("before").toString()).contains("2047-04-25").doesNotContain("2047-04-26");
        assertThat(calendar.get(0).get("after").toString()).contains("2047-04-26");

        String page = new PageSession(port).logIn("admin").get("/quan-tri/nhat-ky?subject=PROCESS&key=" + key).html();
        assertThat(page).contains(key).contains("Quy trình điện tử");
        String calendarPage = new PageSession(port).logIn("admin")
                .get("/quan-tri/nhat-ky?subject=CALENDAR&key=2047/HUNG_KINGS").html();
        assertThat(calendarPage).contains("2047/HUNG_KINGS");
    }
}
