package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;

/** The administrators' calendar API: access, edits that change later deadlines, audit, refusals. */
@IntegrationTest
class CalendarAdminApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    private TestApi admin() {
        return new TestApi(port).as("admin");
    }

    private OffsetDateTime due(String receivedAt, int workingDays) {
        JsonNode d = new TestApi(port).get("/api/v1/calendar/deadline?receivedAt=" + receivedAt + "&amount="
                + workingDays + "&unit=WORKING_DAYS&channel=COUNTER").json();
        return OffsetDateTime.parse(d.get("dueAt").asString());
    }

    private static Map<String, Object> schedule(String name, List<String> daysOff, List<String> swapped) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("source", "Thông báo thử nghiệm số 1/TB-TEST");
        body.put("confidence", "confirmed");
        body.put("daysOff", daysOff);
        body.put("swappedWorkdays", swapped);
        body.put("version", 0); // none read (issue 11: a replacement names the version read)
        return body;
    }

    @Test
    void onlyAdministratorsMayUseIt() {
        assertThat(new TestApi(port).get("/api/v1/admin/calendar/years/2026").status()).isEqualTo(401);
        assertThat(new TestApi(port).as("congdan1").get("/api/v1/admin/calendar/years/2026").status()).isEqualTo(403);
        assertThat(new TestApi(port).as("tiepnhan.tanphu").put("/api/v1/admin/calendar/years/2026/schedules/TET",
                schedule("x", List.of("2026-02-16"), List.of())).status()).isEqualTo(403);
        TestApi.Response year = admin().get("/api/v1/admin/calendar/years/2026");
        assertThat(year.status()).isEqualTo(200);
        assertThat(year.json().get("configured")).extracting(JsonNode::asString)
                .contains("NEW_YEAR", "TET", "HUNG_KINGS", "REUNIFICATION_LABOUR").doesNotContain("NATIONAL_DAY");
        TestApi.Response tet = admin().get("/api/v1/admin/calendar/years/2026/schedules/TET");
        assertThat(tet.json().get("source").asString()).contains("9441/TB-BNV");
        assertThat(admin().get("/api/v1/admin/calendar/years/2026/schedules/NATIONAL_DAY").status()).isEqualTo(404);
    }

    @Test
    void anEditChangesLaterDeadlinesIsAuditedAndListsTheDeadlinesToReview() throws Exception {
        // a deadline given before the edit, reported by a module that stores deadlines (the dossier module later)
        AffectedDeadlines given = (from, to) -> !from.isAfter(LocalDate.of(2044, 6, 6))
                && !to.isBefore(LocalDate.of(2044, 6, 6))
                ? List.of(new AffectedDeadline("TEST-2044-0001", "Hồ sơ thử nghiệm",
                        OffsetDateTime.parse("2044-06-06T10:00+07:00")))
                : List.of();
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton("calendarTestAffectedDeadlines", given);
        try {
            assertThat(due("2044-06-03T10:00:00%2B07:00", 1)).isEqualTo("2044-06-06T10:00+07:00");
            TestApi admin = admin();
            TestApi.Response created = admin.put("/api/v1/admin/calendar/years/2044/schedules/HUNG_KINGS",
                    schedule("Giỗ Tổ Hùng Vương 2044 (thử nghiệm)", List.of("2044-06-06", "2044-06-07", "2044-06-08"),
                            List.of("2044-06-11")));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            JsonNode body = created.json();
            assertThat(body.get("schedule").get("days").size()).isEqualTo(4);
            assertThat(body.get("audit").get("action").asString()).isEqualTo("CREATE");
            assertThat(body.get("audit").get("actor").asString()).isEqualTo("admin");
            // the default Giỗ Tổ (07/04/2044) becomes a working day; 6–8/06 are off; Saturday 11/06 is worked
            assertThat(body.get("audit").get("changedFrom").asString()).isEqualTo("2044-04-07");
            assertThat(body.get("audit").get("changedTo").asString()).isEqualTo("2044-06-11");
            assertThat(body.get("changedDays")).extracting(d -> d.get("date").asString() + " " + d.get("before")
                    .asString() + "→" + d.get("after").asString()).contains("2044-04-07 HOLIDAY→WORKDAY",
                    "2044-06-06 WORKDAY→HOLIDAY", "2044-06-11 WEEKEND→SWAPPED_WORKDAY");
            assertThat(body.get("affectedDeadlines")).extracting(d -> d.get("reference").asString())
                    .containsExactly("TEST-2044-0001");

            // deadlines computed after the edit see it
            assertThat(due("2044-06-03T10:00:00%2B07:00", 1)).isEqualTo("2044-06-09T10:00+07:00");
            assertThat(due("2044-06-03T10:00:00%2B07:00", 3)).isEqualTo("2044-06-11T10:00+07:00");
            assertThat(due("2044-04-06T10:00:00%2B07:00", 1)).isEqualTo("2044-04-07T10:00+07:00");

            // the audit row: who, when, what
            JsonNode audit = admin.get("/api/v1/admin/calendar/audit?year=2044").json();
            assertThat(audit.get(0).get("action").asString()).isEqualTo("CREATE");
            assertThat(audit.get(0).get("holiday").asString()).isEqualTo("HUNG_KINGS");
            assertThat(audit.get(0).get("at").asString()).endsWith("+07:00");
            assertThat(audit.get(0).get("diff").get("after").get("source").asString()).contains("1/TB-TEST");
            assertThat(audit.get(0).get("diff").get("before").isNull()).isTrue();

            // creating again is a conflict; replacing is fine and audited
            Map<String, Object> again = schedule("x", List.of("2044-06-06"), List.of());
            again.put("holiday", "HUNG_KINGS");
            assertThat(admin.post("/api/v1/admin/calendar/years/2044/schedules", again).status()).isEqualTo(409);
            Map<String, Object> edited = schedule("Giỗ Tổ Hùng Vương 2044 (sửa)", List.of("2044-06-06"), List.of());
            edited.put("version", body.get("schedule").get("version").asLong());
            TestApi.Response replaced = admin.put("/api/v1/admin/calendar/years/2044/schedules/HUNG_KINGS", edited);
            assertThat(replaced.status()).isEqualTo(200);
            assertThat(replaced.json().get("audit").get("action").asString()).isEqualTo("REPLACE");
            assertThat(due("2044-06-03T10:00:00%2B07:00", 1)).isEqualTo("2044-06-07T10:00+07:00");

            // deleting brings the default back
            assertThat(admin.get("/api/v1/admin/calendar/years/2044/schedules/HUNG_KINGS").status()).isEqualTo(200);
            assertThat(delete("/api/v1/admin/calendar/years/2044/schedules/HUNG_KINGS?version="
                    + replaced.json().get("schedule").get("version").asLong())).isEqualTo(200);
            assertThat(admin.get("/api/v1/admin/calendar/years/2044/schedules/HUNG_KINGS").status()).isEqualTo(404);
            assertThat(due("2044-06-03T10:00:00%2B07:00", 1)).isEqualTo("2044-06-06T10:00+07:00");
            List<String> actions = new ArrayList<>();
            admin.get("/api/v1/admin/calendar/audit?year=2044").json().forEach(a -> actions.add(a.get("action")
                    .asString()));
            assertThat(actions).containsExactly("DELETE", "REPLACE", "CREATE");
        } finally {
            beans.destroySingleton("calendarTestAffectedDeadlines");
        }
    }

    /** DELETE as admin (TestApi has no DELETE). */
    private int delete(String path) throws Exception {
        String token = new TestApi(port).post("/api/v1/auth/token", Map.of("username", "admin", "password", "demo"))
                .json().get("access_token").asString();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).DELETE()
                .header("Authorization", "Bearer " + token).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aScheduleThatContradictsItselfIsRefusedAndNothingIsWritten() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Tết Âm lịch Ất Sửu 2045");
        body.put("source", "Thông báo thử nghiệm");
        body.put("days", List.of(
                Map.of("date", "2045-02-20", "kind", "DAY_OFF"),
                Map.of("date", "2045-02-20", "kind", "SWAPPED_WORKDAY"),
                Map.of("date", "2045-02-18", "kind", "DAY_OFF"),
                Map.of("date", "2045-02-22", "kind", "SWAPPED_WORKDAY"),
                Map.of("date", "2046-01-02", "kind", "DAY_OFF"),
                Map.of("date", "2045-02-30", "kind", "DAY_OFF"),
                Map.of("date", "2045-02-21", "kind", "HOLIDAYS")));
        TestApi.Response r = admin().put("/api/v1/admin/calendar/years/2045/schedules/TET", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        Map<String, String> errors = new LinkedHashMap<>();
        r.json().get("errors").forEach(e -> errors.put(e.get("field").asString(), e.get("message").asString()));
        assertThat(errors).containsEntry("days[1].date", "Ngày 20/02/2045 vừa là ngày nghỉ vừa là ngày làm bù.")
                .containsEntry("days[2].date",
                        "Ngày 18/02/2045 là thứ Bảy, vốn đã là ngày nghỉ hằng tuần: không khai báo là ngày nghỉ.")
                .containsEntry("days[3].date",
                        "Ngày làm bù 22/02/2045 là thứ Tư, không phải ngày nghỉ hằng tuần (thứ Bảy, Chủ nhật).")
                .containsEntry("days[4].date", "Ngày 02/01/2046 không thuộc năm 2045 của lịch nghỉ.")
                .containsKey("days[5].date")
                .containsKey("days[6].kind");
        assertThat(errors.get("days[5].date")).contains("không tồn tại");
        assertThat(admin().get("/api/v1/admin/calendar/years/2045/schedules/TET").status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/admin/calendar/audit?year=2045").json().size()).isZero();

        TestApi.Response missing = admin().put("/api/v1/admin/calendar/years/2045/schedules/TET",
                Map.of("swappedWorkdays", List.of("2045-02-25")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors")).extracting(e -> e.get("field").asString())
                .contains("name", "source", "days");
        assertThat(admin().put("/api/v1/admin/calendar/years/2045/schedules/EASTER", Map.of()).json().get("errors")
                .get(0).get("field").asString()).isEqualTo("holiday");
        Map<String, Object> otherYear = schedule("x", List.of("2045-02-20"), List.of());
        otherYear.put("year", 2046);
        assertThat(admin().put("/api/v1/admin/calendar/years/2045/schedules/TET", otherYear).json().get("errors")
                .get(0).get("field").asString()).isEqualTo("year");
        // a day already in another schedule of the year
        TestApi.Response overlap = admin().put("/api/v1/admin/calendar/years/2026/schedules/NATIONAL_DAY",
                schedule("Quốc khánh 2026", List.of("2026-02-16"), List.of()));
        assertThat(overlap.status()).isEqualTo(400);
        assertThat(overlap.json().get("errors").get(0).get("message").asString()).contains("Tết Âm lịch Bính Ngọ");
    }
}
