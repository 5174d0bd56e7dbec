package vn.motcua.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.feedback.internal.SlaWatch;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;
import vn.motcua.test.TestDossiers;

/**
 * Feedback over HTTP on the settable clock: the whole journey (citizen → desk → agency → leader → publication →
 * rating → raised again), who may do what, stale versions, bad input storing nothing, and the 1022 escalation.
 */
@IntegrationTest
class FeedbackApiTest {

    static final String TAN_PHU = TestDossiers.TAN_PHU;

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    SlaWatch watch;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static Map<String, Object> body(String title) {
        Map<String, Object> b = new HashMap<>();
        b.put("category", "REGULATION");
        b.put("title", title);
        b.put("content", "Thủ tục đăng ký kết hôn yêu cầu nộp bản sao giấy khai sinh dù đã có dữ liệu dân cư.");
        b.put("senderName", "Nguyễn Văn An");
        b.put("senderPhone", TestDossiers.phone());
        b.put("address", "Phường Tân Phú, Đồng Xoài");
        b.put("lat", 11.535);
        b.put("lon", 106.885);
        return b;
    }

    static JsonNode act(TestApi who, JsonNode item, String action, Map<String, Object> extra) {
        Map<String, Object> b = new HashMap<>(extra);
        b.put("version", item.get("version").asInt());
        var r = who.post("/api/v1/office/feedback/" + item.get("code").asString() + "/actions/" + action, b);
        assertThat(r.status()).as(action + ": " + r).isEqualTo(200);
        return r.json();
    }

    OffsetDateTime morning(int daysAgo) {
        return calendar.workingDayOnOrAfter(LocalDate.now(calendar.zone()).minusDays(daysAgo)).atTime(8, 0)
                .atZone(calendar.zone()).toOffsetDateTime();
    }

    long count() {
        return jdbc.sql("select count(*) from feedback").query(Long.class).single();
    }

    @Test
    void aCitizensFeedbackIsClassifiedRoutedAnsweredApprovedPublishedRatedAndRaisedAgain() {
        TestApi api = new TestApi(port);
        TestApi citizen = api.as("congdan1");
        TestApi desk = api.as("tiepnhan.dongxoai");
        var r = citizen.post("/api/v1/feedback", body("Bản sao giấy khai sinh khi đăng ký kết hôn"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode item = r.json();
        String code = item.get("code").asString();
        assertThat(code).matches("PA-\\d{6}-\\d{5,}");
        assertThat(item.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(item.get("handledDueAt").isNull()).isFalse();

        JsonNode seen = desk.get("/api/v1/office/feedback/" + code).json();
        assertThat(seen.get("actions")).extracting(JsonNode::asString)
                .containsExactly("CLASSIFY", "MARK_SPAM", "REFUSE");
        item = act(desk, seen, "classify", Map.of("category", "REGULATION"));
        item = act(desk, item, "route", Map.of("agencyCode", TAN_PHU));
        assertThat(item.get("status").asString()).isEqualTo("ROUTED");
        assertThat(item.get("level").asString()).isEqualTo("SPECIALIST");
        assertThat(item.get("specialistDueAt").isNull()).isFalse();

        // the desk cannot answer; a specialist of another agency cannot either
        var refused = desk.post("/api/v1/office/feedback/" + code + "/actions/answer",
                Map.of("version", item.get("version").asInt(), "note", "x"));
        assertThat(refused.status()).isEqualTo(403);
        refused = api.as("chuyenvien.tienhung").post("/api/v1/office/feedback/" + code + "/actions/answer",
                Map.of("version", item.get("version").asInt(), "note", "x"));
        assertThat(refused.status()).isEqualTo(403);

        TestApi specialist = api.as("chuyenvien.tanphu");
        var noAnswer = specialist.post("/api/v1/office/feedback/" + code + "/actions/answer",
                Map.of("version", item.get("version").asInt()));
        assertThat(noAnswer.status()).isEqualTo(400);
        assertThat(noAnswer.json().get("errors").get(0).get("field").asString()).isEqualTo("note");
        item = act(specialist, item, "answer", Map.of("note", "Từ 2025 không cần bản sao: cán bộ tra cứu dữ liệu dân cư."));
        TestApi leader = api.as("lanhdao.tanphu");
        item = act(leader, item, "approve", Map.of());
        assertThat(item.get("status").asString()).isEqualTo("APPROVED");
        assertThat(item.get("publishDueAt").isNull()).isFalse();
        assertThat(item.get("handledLate").asBoolean()).isFalse();

        // the public sees neither content nor answer before publication
        assertThat(api.get("/api/v1/public/feedback/" + code).json().get("answer").isNull()).isTrue();
        item = act(desk, item, "publish", Map.of());
        JsonNode pub = api.get("/api/v1/public/feedback/" + code).json();
        assertThat(pub.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(pub.get("answer").asString()).contains("dữ liệu dân cư");
        assertThat(pub.has("senderPhone")).isFalse();

        var other = api.as("congdan2").post("/api/v1/feedback/" + code + "/rating",
                Map.of("version", item.get("version").asInt(), "rating", "UNSATISFIED"));
        assertThat(other.status()).isEqualTo(403);
        var rated = citizen.post("/api/v1/feedback/" + code + "/rating",
                Map.of("version", item.get("version").asInt(), "rating", "UNSATISFIED"));
        assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
        assertThat(rated.json().get("rating").asString()).isEqualTo("UNSATISFIED");

        var raised = citizen.post("/api/v1/feedback/" + code + "/raise-again",
                Map.of("version", rated.json().get("version").asInt(), "note", "Xã vẫn yêu cầu bản sao."));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
        assertThat(raised.json().get("status").asString()).isEqualTo("RAISED_AGAIN");
        assertThat(raised.json().get("raisedCount").asInt()).isEqualTo(1);
        assertThat(raised.json().get("history")).extracting(h -> h.get("action").asString())
                .containsExactly("SUBMIT", "CLASSIFY", "ROUTE", "ANSWER", "APPROVE", "PUBLISH", "RATE", "RAISE_AGAIN");
        assertThat(citizen.get("/api/v1/feedback/mine").json()).extracting(l -> l.get("code").asString()).contains(code);
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() {
        TestApi api = new TestApi(port);
        TestApi desk = api.as("tiepnhan.tanphu");
        JsonNode item = desk.post("/api/v1/office/feedback", body("Cuộc gọi 1022: thái độ cán bộ")).json();
        assertThat(item.get("channel").asString()).isEqualTo("HOTLINE");
        int v = item.get("version").asInt();
        act(desk, item, "classify", Map.of("category", "CONDUCT"));
        var stale = desk.post("/api/v1/office/feedback/" + item.get("code").asString() + "/actions/mark-spam",
                Map.of("version", v));
        assertThat(stale.status()).isEqualTo(409);
        JsonNode now = desk.get("/api/v1/office/feedback/" + item.get("code").asString()).json();
        assertThat(now.get("status").asString()).isEqualTo("CLASSIFIED");
        assertThat(now.get("category").asString()).isEqualTo("CONDUCT");
        // refusing needs a reason; spam is not possible once classified
        var notNow = desk.post("/api/v1/office/feedback/" + item.get("code").asString() + "/actions/mark-spam",
                Map.of("version", now.get("version").asInt()));
        assertThat(notNow.status()).isEqualTo(409);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() {
        TestApi citizen = new TestApi(port).as("congdan2");
        long before = count();
        Map<String, Object> b = body("");
        b.put("category", null);
        b.put("lat", 10.76);
        b.put("lon", 106.66); // Hồ Chí Minh City: outside the province
        b.put("senderPhone", "12345");
        var r = citizen.post("/api/v1/feedback", b);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors")).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("category", "title", "senderPhone", "lat");
        assertThat(r.json().get("errors").toString()).contains("Bình Phước");

        Map<String, Object> huge = body("Nội dung quá dài");
        huge.put("content", "a".repeat(10 * 1024 * 1024));
        var big = citizen.post("/api/v1/feedback", huge);
        assertThat(big.status()).as(big.toString()).isEqualTo(400);
        assertThat(big.json().get("errors").get(0).get("field").asString()).isEqualTo("content");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void unansweredRoutedFeedbackEscalatesToTheLeaderLevelAndThenIsOverdueThere() {
        TestApi api = new TestApi(port);
        TestApi desk = api.as("tiepnhan.dongxoai");
        clock.set(morning(12));
        JsonNode item = desk.post("/api/v1/office/feedback", body("Đường ngập nước trước UBND phường")).json();
        item = act(desk, item, "classify", Map.of("category", "REGULATION"));
        item = act(desk, item, "route", Map.of("agencyCode", TAN_PHU));
        String code = item.get("code").asString();
        clock.set(OffsetDateTime.parse(item.get("specialistDueAt").asString()).minusMinutes(1));
        watch.run();
        assertThat(desk.get("/api/v1/office/feedback/" + code).json().get("level").asString()).isEqualTo("SPECIALIST");
        clock.set(OffsetDateTime.parse(item.get("specialistDueAt").asString()).plusMinutes(1));
        watch.run();
        JsonNode escalated = desk.get("/api/v1/office/feedback/" + code).json();
        assertThat(escalated.get("level").asString()).isEqualTo("LEADER");
        assertThat(escalated.get("leaderOverdueAt").isNull()).isTrue();
        clock.reset(); // twelve days later: past the 48 working hours of the leader level
        watch.run();
        watch.run();
        JsonNode late = desk.get("/api/v1/office/feedback/" + code).json();
        assertThat(late.get("leaderOverdueAt").isNull()).isFalse();
        assertThat(late.get("history")).extracting(h -> h.get("action").asString())
                .containsSubsequence("ROUTE", "ESCALATE", "LEADER_OVERDUE");
        assertThat(late.get("history")).filteredOn(h -> h.get("action").asString().equals("ESCALATE")).hasSize(1);
        // the leader level still answers: late at the specialist level, handled late (15 WD? no: 12 days)
        JsonNode answered = act(api.as("chuyenvien.tanphu"), late, "answer", Map.of("note", "Đã nạo vét cống."));
        assertThat(answered.get("specialistOverdueAt").isNull()).isFalse();
    }

    @Test
    void theDeskRefusesWithAReasonAndTheSenderMayRaiseItAgain() {
        TestApi api = new TestApi(port);
        TestApi citizen = api.as("congdan1");
        TestApi desk = api.as("tiepnhan.tanphu");
        JsonNode item = citizen.post("/api/v1/feedback", body("Khiếu nại quyết định thu hồi đất")).json();
        var noReason = desk.post("/api/v1/office/feedback/" + item.get("code").asString() + "/actions/refuse",
                Map.of("version", item.get("version").asInt()));
        assertThat(noReason.status()).isEqualTo(400);
        item = act(desk, item, "refuse", Map.of("note", "Khiếu nại theo Luật Khiếu nại, không phải phản ánh."));
        assertThat(item.get("status").asString()).isEqualTo("NOT_ACCEPTED");
        assertThat(item.get("handledAt").isNull()).isFalse();
        var raised = citizen.post("/api/v1/feedback/" + item.get("code").asString() + "/raise-again",
                Map.of("version", item.get("version").asInt(), "note", "Đây là kiến nghị sửa quy định."));
        assertThat(raised.json().get("status").asString()).isEqualTo("RAISED_AGAIN");
        assertThat(raised.json().get("handledAt").isNull()).isTrue();
    }
}
