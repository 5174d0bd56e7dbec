package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.TestApi;

/**
 * Optimistic locking of the holiday schedules (issue 11: every administrative write takes the version read): two
 * province administrators edit the same schedule, the first one's change stands, the second one gets 409 naming
 * {@code version} and nothing of theirs is written; a write without version is a 400 naming it; the page carries the
 * version and says why it did not save.
 */
@IntegrationTest
class ScheduleLockingTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @LocalServerPort
    int port;

    private static Map<String, Object> schedule(String name, List<String> daysOff, Long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("source", "Thông báo thử nghiệm khóa lạc quan");
        body.put("confidence", "confirmed");
        body.put("daysOff", daysOff);
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    /** A second province administrator (no agency), logged in with the password they chose. */
    private TestApi secondAdministrator(TestApi admin) {
        String name = "qt-lich-" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
        Map<String, Object> account = new HashMap<>();
        account.put("username", name);
        account.put("fullName", "Trần Văn Quản Trị");
        account.put("email", name + "@example.vn");
        account.put("phone", "0912000222");
        account.put("roles", List.of("ADMIN"));
        var created = admin.post("/api/v1/admin/accounts", account);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String temporary = created.json().get("temporaryPassword").asString();
        var changed = new TestApi(port).as(name, temporary).post("/api/v1/me/password",
                Map.of("currentPassword", temporary, "newPassword", "mat-khau-moi-1"));
        assertThat(changed.status()).as(changed.toString()).isLessThan(300);
        return new TestApi(port).as(name, "mat-khau-moi-1");
    }

    private int delete(String username, String password, String path) throws Exception {
        String token = new TestApi(port).post("/api/v1/auth/token", Map.of("username", username, "password", password))
                .json().get("access_token").asString();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).DELETE()
                .header("Authorization", "Bearer " + token).header("Accept-Language", "vi").build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        lastDeleteBody = r.body();
        return r.statusCode();
    }

    private String lastDeleteBody;

    @Test
    void twoAdministratorsEditTheSameScheduleTheSecondGets409AndTheFirstOnesChangeStands() throws Exception {
        TestApi a = new TestApi(port).as("admin");
        TestApi b = secondAdministrator(a);
        String path = "/api/v1/admin/calendar/years/2049/schedules/HUNG_KINGS";

        // none yet: created with version 0 ("no schedule read")
        var created = a.put(path, schedule("Giỗ Tổ 2049 (thử nghiệm)", List.of("2049-04-05"), 0L));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long read = created.json().get("schedule").get("version").asLong();
        assertThat(read).isEqualTo(1);
        // both read version 1
        assertThat(b.get(path).json().get("version").asLong()).isEqualTo(1);

        var first = a.put(path, schedule("Giỗ Tổ 2049 (A sửa)", List.of("2049-04-05", "2049-04-06"), read));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("schedule").get("version").asLong()).isEqualTo(2);

        var second = b.put(path, schedule("Giỗ Tổ 2049 (B sửa)", List.of("2049-04-07"), read));
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");
        JsonNode error = second.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("version");
        assertThat(error.get("message").asString()).contains("vừa được người khác sửa", "phiên bản (version)",
                "là 1, hiện nay là 2", "Giỗ Tổ 2049 (A sửa)");

        // the data shows the winner's change; the loser's is nowhere, not in the audit either
        JsonNode now = b.get(path).json();
        assertThat(now.get("name").asString()).isEqualTo("Giỗ Tổ 2049 (A sửa)");
        assertThat(now.get("days")).extracting(d -> d.get("date").asString())
                .containsExactly("2049-04-05", "2049-04-06");
        assertThat(now.get("version").asLong()).isEqualTo(2);
        assertThat(a.get("/api/v1/admin/calendar/audit?year=2049").json())
                .filteredOn(x -> x.get("holiday").asString().equals("HUNG_KINGS"))
                .extracting(x -> x.get("action").asString() + " " + x.get("actor").asString())
                .containsExactly("REPLACE admin", "CREATE admin");

        // a deletion with the version read before the winner's change is refused too, nothing deleted
        assertThat(delete("admin", "demo", path + "?version=1")).isEqualTo(409);
        assertThat(lastDeleteBody).contains("\"field\":\"version\"");
        assertThat(a.get(path).status()).isEqualTo(200);
        // created since it was read as absent: 409 as well
        assertThat(b.put(path, schedule("Giỗ Tổ 2049 (C)", List.of("2049-04-07"), 0L)).status()).isEqualTo(409);

        // with the current version B's write goes through
        var retried = b.put(path, schedule("Giỗ Tổ 2049 (B sửa)", List.of("2049-04-07"), 2L));
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(delete("admin", "demo", path + "?version=3")).isEqualTo(200);
        assertThat(a.get(path).status()).isEqualTo(404);
    }

    @Test
    void aWriteWithoutVersionIsA400NamingVersionAndChangesNothing() throws Exception {
        TestApi admin = new TestApi(port).as("admin");
        String path = "/api/v1/admin/calendar/years/2049/schedules/REUNIFICATION_LABOUR";
        assertThat(admin.put(path, schedule("30/4 – 1/5 năm 2049 (thử nghiệm)", List.of("2049-04-30"), 0L)).status())
                .isIn(200, 201);
        long version = admin.get(path).json().get("version").asLong();

        var missing = admin.put(path, schedule("30/4 – 1/5 năm 2049 (không phiên bản)", List.of("2049-05-03"), null));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors")).extracting(e -> e.get("field").asString()).containsExactly("version");
        assertThat(missing.json().get("errors").get(0).get("message").asString()).contains("Thiếu phiên bản (version)");
        // with other problems: all named at once, version among them
        var bad = admin.put(path, Map.of("daysOff", List.of("2049-05-02")));
        assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asString())
                .contains("version", "name", "source");

        assertThat(delete("admin", "demo", path)).isEqualTo(400);
        assertThat(lastDeleteBody).contains("\"field\":\"version\"");
        assertThat(delete("admin", "demo", path + "?version=abc")).isEqualTo(400);
        assertThat(lastDeleteBody).contains("\"field\":\"version\"");

        JsonNode now = admin.get(path).json();
        assertThat(now.get("name").asString()).isEqualTo("30/4 – 1/5 năm 2049 (thử nghiệm)");
        assertThat(now.get("version").asLong()).isEqualTo(version);
        assertThat(admin.get("/api/v1/admin/calendar/audit?year=2049").json())
                .filteredOn(x -> x.get("holiday").asString().equals("REUNIFICATION_LABOUR")).hasSize(1);
    }

    @Test
    void thePageCarriesTheVersionAndSaysWhyAStaleFormIsNotSaved() {
        TestApi api = new TestApi(port).as("admin");
        String path = "/api/v1/admin/calendar/years/2049/schedules/NATIONAL_DAY";
        assertThat(api.put(path, schedule("Quốc khánh 2049 (thử nghiệm)", List.of("2049-09-03"), 0L)).status())
                .isEqualTo(201);
        PageSession page = new PageSession(port).logIn("admin");
        var edit = page.get("/quan-tri/lich?year=2049&edit=NATIONAL_DAY");
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.html()).contains("name=\"version\" value=\"1\"");

        // another administrator saves meanwhile
        assertThat(api.put(path, schedule("Quốc khánh 2049 (người khác sửa)", List.of("2049-09-03", "2049-09-06"), 1L))
                .status()).isEqualTo(200);

        Map<String, String> form = new LinkedHashMap<>();
        form.put("year", "2049");
        form.put("version", "1");
        form.put("holiday", "NATIONAL_DAY");
        form.put("name", "Quốc khánh 2049 (bản cũ)");
        form.put("source", "Thông báo thử nghiệm");
        form.put("confidence", "confirmed");
        form.put("daysOff", "03/09/2049");
        form.put("compensatoryDays", "");
        form.put("swappedWorkdays", "");
        var stale = page.post("/quan-tri/lich", form);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.html()).contains("Không lưu được: lịch nghỉ vừa được người khác thay đổi",
                "vừa được người khác sửa", "Quốc khánh 2049 (người khác sửa)", "name=\"version\" value=\"2\"");
        assertThat(api.get(path).json().get("name").asString()).isEqualTo("Quốc khánh 2049 (người khác sửa)");

        // the delete button of the list carries the version too: a stale one is refused on the page
        var staleDelete = page.post("/quan-tri/lich/xoa", Map.of("year", "2049", "holiday", "NATIONAL_DAY",
                "version", "1"));
        assertThat(staleDelete.status()).isEqualTo(409);
        assertThat(staleDelete.html()).contains("vừa được người khác sửa");
        assertThat(api.get(path).status()).isEqualTo(200);
        // the administrator looked again: the form now has version 2, and saving works
        form.put("version", "2");
        var saved = page.post("/quan-tri/lich", form);
        assertThat(saved.status()).as(saved.toString()).isIn(200, 302);
        assertThat(api.get(path).json().get("name").asString()).isEqualTo("Quốc khánh 2049 (bản cũ)");
    }
}
