package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.platform.Channel;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * An agency's own office hours (set by the administrator) are the hours its dossiers' deadlines count (issue 11,
 * through the calendar module): a counter that opens two hours a day gives a later due moment than the province's
 * eight hours for the same processing time; the province's agencies are unchanged.
 */
@IntegrationTest
class AgencyOfficeHoursTest {

    @LocalServerPort
    int port;
    @Autowired
    WorkingCalendar calendar;

    @Test
    void aDossierReceivedAtAnAgencyWithItsOwnHoursIsDueByThoseHours() {
        TestApi anonymous = new TestApi(port);
        TestApi admin = anonymous.as("admin");
        Map<String, Object> agency = new HashMap<>();
        agency.put("code", "TEST.OH.MC");
        agency.put("name", "Điểm tiếp nhận mở hai giờ mỗi ngày");
        agency.put("electronicId", "H10.89.01.961");
        agency.put("unitCode", "25195");
        agency.put("kind", "one_stop_commune");
        agency.put("officeHours", List.of("07:30-09:30"));
        var a = admin.post("/api/v1/admin/agencies", agency);
        assertThat(a.status()).as(a.toString()).isEqualTo(201);

        Map<String, Object> procedure = new HashMap<>();
        procedure.put("code", "9.900401");
        procedure.put("name", "Xác nhận thử nghiệm giờ làm việc riêng");
        procedure.put("fieldName", "Thử nghiệm quản trị");
        procedure.put("levels", List.of("COMMUNE"));
        procedure.put("agencies", List.of("TEST.OH.MC"));
        procedure.put("timeAmount", 2);
        procedure.put("timeUnit", "WORKING_DAYS");
        procedure.put("components", List.of(Map.of("name", "Đơn đề nghị", "originals", 1, "required", true)));
        procedure.put("published", true);
        assertThat(admin.post("/api/v1/admin/procedures", procedure).status()).isEqualTo(201);

        String username = "tn.oh" + System.nanoTime() % 100000;
        var account = admin.post("/api/v1/admin/accounts", Map.of("username", username, "fullName",
                "Cán bộ giờ riêng", "agencyCode", "TEST.OH.MC", "roles", List.of("RECEPTION")));
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        String temporary = account.json().get("temporaryPassword").asString();
        assertThat(anonymous.as(username, temporary).post("/api/v1/me/password",
                Map.of("currentPassword", temporary, "newPassword", "mat-khau-moi-1")).status()).isEqualTo(204);
        TestApi desk = anonymous.as(username, "mat-khau-moi-1");

        var received = desk.post("/api/v1/office/dossiers",
                TestDossiers.body(desk, "9.900401", "TEST.OH.MC", TestDossiers.phone()));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        JsonNode d = received.json();
        OffsetDateTime receivedAt = OffsetDateTime.parse(d.get("receivedAt").asString());
        OffsetDateTime dueAt = OffsetDateTime.parse(d.get("dueAt").asString());
        ProcessingTime two = ProcessingTime.workingDays(2);

        OffsetDateTime byAgency = calendar.forAgency("TEST.OH.MC").deadline(receivedAt, two, Channel.COUNTER).dueAt();
        OffsetDateTime byProvince = calendar.deadline(receivedAt, two, Channel.COUNTER).dueAt();
        assertThat(dueAt).as("counted in the agency's two hours a day").isEqualTo(byAgency);
        assertThat(dueAt).as("not the province's eight hours").isNotEqualTo(byProvince);
        assertThat(dueAt.atZoneSameInstant(calendar.zone()).toLocalTime())
                .as("a due moment inside (or at the end of) the agency's session")
                .isBetween(java.time.LocalTime.of(7, 30), java.time.LocalTime.of(9, 30));
        assertThat(calendar.forAgency(TestDossiers.TAN_PHU)).as("an agency without its own hours").isSameAs(calendar);
    }
}
