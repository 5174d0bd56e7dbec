package vn.motcua.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;

/**
 * The desk's report and the 766 indicators 5.1–5.3 move as feedback is received, marked spam, refused, answered and
 * rated (counted as differences: other tests share the database).
 */
@IntegrationTest
class FeedbackReportTest {

    @LocalServerPort
    int port;

    @Autowired
    java.time.Clock clock;

    JsonNode report(TestApi desk) {
        String today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))).toString();
        var r = desk.get("/api/v1/office/feedback/report?from=" + today + "&to=" + today);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    static long n(JsonNode report, String field) {
        return report.get("counts").get(field).asLong();
    }

    @Test
    void countsAndIndicatorsFollowTheItems() {
        TestApi api = new TestApi(port);
        TestApi desk = api.as("tiepnhan.tienhung");
        JsonNode before = report(desk);
        JsonNode spam = desk.post("/api/v1/office/feedback", FeedbackApiTest.body("Quảng cáo")).json();
        FeedbackApiTest.act(desk, spam, "mark-spam", Map.of());
        JsonNode refused = desk.post("/api/v1/office/feedback", FeedbackApiTest.body("Khiếu nại")).json();
        FeedbackApiTest.act(desk, refused, "refuse", Map.of("note", "Là khiếu nại"));
        JsonNode open = desk.post("/api/v1/office/feedback", FeedbackApiTest.body("Đang chờ")).json();
        FeedbackApiTest.act(desk, open, "classify", Map.of("category", "CONDUCT"));
        JsonNode after = report(desk);

        assertThat(n(after, "received") - n(before, "received")).isEqualTo(3);
        assertThat(n(after, "spam") - n(before, "spam")).isEqualTo(1);
        assertThat(n(after, "handled") - n(before, "handled")).isEqualTo(1);
        assertThat(n(after, "inProgress") - n(before, "inProgress")).isEqualTo(1);
        assertThat(n(after, "classified") - n(before, "classified")).isEqualTo(2);
        assertThat(n(after, "handledOnTime") - n(before, "handledOnTime")).isEqualTo(1);
        assertThat(n(after, "inProgressInTime") - n(before, "inProgressInTime")).isEqualTo(1);
        JsonNode i52 = after.get("i52");
        assertThat(i52.get("denominator").asLong()).isEqualTo(n(after, "received") - n(after, "spam"));
        assertThat(i52.get("numerator").asLong())
                .isEqualTo(n(after, "handledOnTime") + n(after, "inProgressInTime"));
        assertThat(after.get("i51").get("numerator").asLong()).isEqualTo(n(after, "classified"));
        assertThat(desk.get("/api/v1/office/feedback/report?from=2026-12-31&to=2026-01-01").status()).isEqualTo(400);
        assertThat(api.as("congdan1").get("/api/v1/office/feedback/report?from=2026-01-01&to=2026-01-02").status())
                .isEqualTo(403);
    }
}
