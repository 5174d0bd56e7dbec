package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.TestDossiers.MARITAL;
import static vn.motcua.test.TestDossiers.TAN_PHU;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.TimeUnit;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.platform.Channel;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestClock;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/** The default process and every legal turn, through the HTTP API; the clock tests move the settable test clock. */
@IntegrationTest
class ProcessingApiTest {

    static final ProcessingTime MARITAL_TIME = new ProcessingTime(new java.math.BigDecimal("3"), TimeUnit.WORKING_DAYS);

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    TestApi api() {
        return new TestApi(port);
    }

    record Actors(TestApi citizen, TestApi desk, TestApi specialist, TestApi leader) {
    }

    Actors tanPhu() {
        return new Actors(api().as("congdan1"), api().as("tiepnhan.tanphu"), api().as("chuyenvien.tanphu"),
                api().as("lanhdao.tanphu"));
    }

    /** An online dossier, accepted by reception. */
    JsonNode received(Actors a) {
        JsonNode d = a.citizen.post("/api/v1/dossiers", TestDossiers.body(a.citizen, MARITAL, TAN_PHU,
                TestDossiers.phone())).json();
        return act(a.desk, d, "ACCEPT", Map.of());
    }

    static JsonNode act(TestApi who, JsonNode d, String action, Map<String, Object> extra) {
        var r = actRaw(who, d, action, extra);
        assertThat(r.status()).as(action + ": " + r).isEqualTo(200);
        return r.json();
    }

    static TestApi.Response actRaw(TestApi who, JsonNode d, String action, Map<String, Object> extra) {
        var body = new java.util.HashMap<String, Object>(extra);
        body.put("action", action);
        body.putIfAbsent("version", d.get("version").asInt());
        return who.post("/api/v1/office/dossiers/" + d.get("code").asString() + "/actions", body);
    }

    @Test
    void theDefaultProcessFromReceivedToReturnedWithAnOutcome() {
        Actors a = tanPhu();
        JsonNode d = received(a);
        JsonNode p1 = act(a.desk, d, "FORWARD", Map.of());
        assertThat(p1.get("status").asString()).isEqualTo("PROCESSING");
        assertThat(p1.get("currentStep").asString()).isEqualTo("Thụ lý, thẩm định");
        assertThat(p1.get("steps").size()).isEqualTo(2);
        assertThat(actRaw(a.leader, p1, "COMPLETE", Map.of()).status()).as("not the leader's step yet").isEqualTo(409);
        JsonNode p2 = act(a.specialist, p1, "FORWARD", Map.of());
        assertThat(p2.get("currentStep").asString()).isEqualTo("Phê duyệt, ký");
        assertThat(actRaw(a.desk, p2, "RETURN_RESULT", Map.of()).status()).isEqualTo(409);
        assertThat(actRaw(a.leader, p2, "COMPLETE", Map.of()).json().get("errors").get(0).get("field").asString())
                .isEqualTo("attachments");
        String result = TestDossiers.upload(a.leader, "ket-qua.pdf");
        JsonNode done = act(a.leader, p2, "COMPLETE", Map.of("attachments", List.of(Map.of("fileId", result))));
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("outcome").asString()).isIn("EARLY", "ON_TIME");
        assertThat(a.citizen.get("/api/v1/dossiers/" + d.get("code").asString()).json().get("attachments").toString())
                .as("the result is not given before it is returned").doesNotContain("RESULT");
        JsonNode returned = act(a.desk, done, "RETURN_RESULT", Map.of());
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        JsonNode mine = a.citizen.get("/api/v1/dossiers/" + d.get("code").asString()).json();
        assertThat(mine.get("attachments").toString()).contains("RESULT").contains(result);
        assertThat(a.citizen.get("/api/v1/dossiers/" + d.get("code").asString() + "/files/" + result).status()).isEqualTo(200);
        var rated = a.citizen.post("/api/v1/dossiers/" + d.get("code").asString() + "/rating",
                Map.of("rating", "SATISFIED", "comment", "Nhanh, chu đáo", "version", mine.get("version").asInt()));
        assertThat(rated.status()).isEqualTo(200);
        assertThat(rated.json().get("allowedActions").toString()).doesNotContain("RATE");
        assertThat(a.citizen.post("/api/v1/dossiers/" + d.get("code").asString() + "/rating",
                Map.of("rating", "UNSATISFIED", "version", rated.json().get("version").asInt())).status())
                .as("once").isEqualTo(409);
        var history = a.desk.get("/api/v1/office/dossiers/" + d.get("code").asString() + "/history").json();
        assertThat(history.size()).as("submit, accept, two forwards, complete, return, rate").isEqualTo(7);
        assertThat(history.get(6).get("action").asString()).isEqualTo("RATE");
        // the applicant is told once per event: "result returned" once, nothing for their own rating
        String code = d.get("code").asString();
        vn.motcua.notification.NotificationTestEvents.await("the notifications of " + code, () -> jdbc.sql("""
                select count(*) from outbox_event e, outbox_cursor c
                where c.consumer = 'notification' and e.aggregate_id = :code
                  and (e.xid, e.id) > (c.last_xid, c.last_id)""").param("code", code).query(Long.class).single(),
                n -> n == 0);
        assertThat(jdbc.sql("""
                select count(*) from notification where dossier_code = :c and event = 'RETURN_RESULT'
                and channel = 'IN_APP'""").param("c", code).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from notification where dossier_code = :c and event = 'RATE'")
                .param("c", code).query(Long.class).single()).isZero();
        history.forEach(h -> assertThat(h.get("actor").asString()).isNotBlank());
    }

    @Test
    void theLeaderCanCompleteWithAResultGeneratedFromTheProcedureTemplate() {
        Actors a = tanPhu();
        JsonNode p = act(a.specialist, act(a.desk, received(a), "FORWARD", Map.of()), "FORWARD", Map.of());
        JsonNode done = act(a.leader, p, "COMPLETE", Map.of("generateResult", true));
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        JsonNode result = null;
        for (JsonNode att : done.get("attachments")) {
            if (att.get("kind").asString().equals("RESULT")) {
                result = att;
            }
        }
        assertThat(result).isNotNull();
        var pdf = a.desk.get("/api/v1/office/dossiers/" + p.get("code").asString() + "/files/" + result.get("fileId").asString());
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void aSupplementDuringProcessingStopsTheClockAndRestartsAFullTimeFromTheSupply() {
        Actors a = tanPhu();
        OffsetDateTime t0 = morning(12);
        clock.set(t0);
        JsonNode p = act(a.desk, received(a), "FORWARD", Map.of());
        OffsetDateTime firstDue = OffsetDateTime.parse(p.get("dueAt").asString());
        assertThat(actRaw(a.specialist, p, "REQUEST_SUPPLEMENT", Map.of()).status()).isEqualTo(400);
        JsonNode waiting = act(a.specialist, p, "REQUEST_SUPPLEMENT", Map.of("reason", "Thiếu bản sao giấy chứng tử",
                "items", List.of("Bản sao giấy chứng tử của vợ")));
        assertThat(waiting.get("status").asString()).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(waiting.get("pausedAt").isNull()).isFalse();
        // the applicant brings the papers a week later: a new full processing time from that moment
        OffsetDateTime later = calendar.workingDayOnOrAfter(t0.toLocalDate().plusDays(7)).atTime(9, 0)
                .atZone(calendar.zone()).toOffsetDateTime();
        clock.set(later);
        String code = p.get("code").asString();
        String file = TestDossiers.upload(a.citizen, "bo-sung.pdf");
        JsonNode mine = a.citizen.get("/api/v1/dossiers/" + code).json();
        JsonNode supplied = a.citizen.post("/api/v1/dossiers/" + code + "/supplements", Map.of("version",
                mine.get("version").asInt(), "attachments", List.of(Map.of("componentCode", "TP02", "fileId", file))))
                .json();
        assertThat(supplied.get("status").asString()).isEqualTo("PROCESSING");
        OffsetDateTime suppliedAt = lastAt(a.desk, code, "SUPPLY");
        var restarted = calendar.deadline(suppliedAt, MARITAL_TIME, Channel.ONLINE);
        assertThat(OffsetDateTime.parse(supplied.get("clockStartedAt").asString())).as("the clock restarts")
                .isEqualTo(restarted.startsAt());
        assertThat(OffsetDateTime.parse(supplied.get("dueAt").asString())).as("a full processing time from the supply")
                .isEqualTo(restarted.dueAt()).isAfter(firstDue);
        assertThat(supplied.get("pausedAt").isNull()).isTrue();
        JsonNode office = a.desk.get("/api/v1/office/dossiers/" + code).json();
        JsonNode second = act(a.specialist, office, "REQUEST_SUPPLEMENT", Map.of("reason", "Giấy tờ bổ sung chưa rõ"));
        assertThat(second.get("lateFlag").asBoolean()).as("a second request counts as late").isTrue();
        assertThat(second.get("supplementCount").asInt()).isEqualTo(2);
    }

    @Test
    void anApologyMovesTheDueMomentOnceAndKeepsTheOriginal() {
        Actors a = tanPhu();
        JsonNode p = act(a.desk, received(a), "FORWARD", Map.of());
        OffsetDateTime due = OffsetDateTime.parse(p.get("dueAt").asString());
        assertThat(actRaw(a.leader, p, "APOLOGIZE", Map.of("reason", "Cần xác minh", "newDueAt",
                due.minusHours(1).toString())).status()).as("new due before the current").isEqualTo(400);
        OffsetDateTime newDue = OffsetDateTime.parse(TestDossiers.newDue(calendar, due.toString(), 3));
        JsonNode apologized = act(a.leader, p, "APOLOGIZE", Map.of("reason", "Cần xác minh thêm thông tin",
                "newDueAt", newDue.toString()));
        assertThat(OffsetDateTime.parse(apologized.get("dueAt").asString())).isEqualTo(newDue);
        assertThat(OffsetDateTime.parse(apologized.get("originalDueAt").asString())).isEqualTo(due);
        var twice = actRaw(a.leader, apologized, "APOLOGIZE", Map.of("reason", "Lần hai",
                "newDueAt", TestDossiers.newDue(calendar, newDue.toString(), 2)));
        assertThat(twice.status()).as("only once").isEqualTo(409);
        assertThat(twice.json().get("detail").asString()).contains("khoản 9 Điều 19 Nghị định 61/2018");
        assertThat(a.citizen.get("/api/v1/dossiers/" + p.get("code").asString() + "/notices/apology.pdf").status())
                .isEqualTo(200);
    }

    @Test
    void paymentStopsTheClockUntilPaidAndThenResumesWithTheTimeThatWasLeft() {
        Actors a = tanPhu();
        OffsetDateTime t0 = morning(12);
        clock.set(t0);
        JsonNode p = act(a.desk, received(a), "FORWARD", Map.of());
        OffsetDateTime due = OffsetDateTime.parse(p.get("dueAt").asString());
        JsonNode waiting = act(a.specialist, p, "REQUEST_PAYMENT", Map.of("amount", 8000));
        assertThat(waiting.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(waiting.get("feeAmount").asLong()).isEqualTo(8000);
        assertThat(waiting.get("pausedAt").isNull()).isFalse();
        assertThat(actRaw(a.specialist, waiting, "WAIVE_PAYMENT", Map.of("reason", "x")).status())
                .as("only a leader waives").isEqualTo(409);
        String code = p.get("code").asString();
        OffsetDateTime requestedAt = lastAt(a.desk, code, "REQUEST_PAYMENT");
        long left = calendar.remainingWorkingMinutes(requestedAt, due);
        // paid two working days later: the two days do not count
        OffsetDateTime later = calendar.addWorkingMinutes(requestedAt, 2 * calendar.workingMinutesPerDay());
        clock.set(later);
        JsonNode paid = act(a.desk, waiting, "CONFIRM_PAYMENT", Map.of());
        assertThat(paid.get("status").asString()).isEqualTo("PROCESSING");
        assertThat(paid.get("paidAt").isNull()).isFalse();
        OffsetDateTime paidAt = lastAt(a.desk, code, "CONFIRM_PAYMENT");
        OffsetDateTime resumed = calendar.addWorkingMinutes(calendar.clockStart(paidAt, Channel.ONLINE), left);
        assertThat(OffsetDateTime.parse(paid.get("dueAt").asString()))
                .as("the due moment moves by the time spent waiting for the payment").isEqualTo(resumed)
                .isAfter(due.plusDays(1));
        assertThat(paid.get("pausedAt").isNull()).isTrue();
    }

    /** 08:00 on a working day about {@code daysAgo} days ago (a moment in the past: nothing else moves). */
    OffsetDateTime morning(int daysAgo) {
        return calendar.workingDayOnOrAfter(java.time.LocalDate.now(calendar.zone()).minusDays(daysAgo))
                .atTime(8, 0).atZone(calendar.zone()).toOffsetDateTime();
    }

    /** When the dossier's last {@code action} happened. */
    static OffsetDateTime lastAt(TestApi officer, String code, String action) {
        OffsetDateTime at = null;
        for (JsonNode h : officer.get("/api/v1/office/dossiers/" + code + "/history").json()) {
            if (h.get("action").asString().equals(action)) {
                at = OffsetDateTime.parse(h.get("at").asString());
            }
        }
        assertThat(at).as(action + " in the history of " + code).isNotNull();
        return at;
    }

    @Test
    void consultationAssignmentRejectionAndStop() {
        Actors a = tanPhu();
        JsonNode p = act(a.desk, received(a), "FORWARD", Map.of());
        assertThat(actRaw(a.specialist, p, "ASSIGN", Map.of("assignee", "lanhdao.tanphu")).status())
                .as("a leader is not a specialist").isEqualTo(400);
        JsonNode assigned = act(a.leader, p, "ASSIGN", Map.of("assignee", "chuyenvien.tanphu"));
        assertThat(assigned.get("assignee").asString()).contains("Chuyên viên");
        JsonNode consulted = act(a.specialist, assigned, "CONSULT", Map.of("agencyCode", "70.689.MC",
                "reason", "Đề nghị cho ý kiến về nơi cư trú"));
        assertThat(consulted.get("consultations").get(0).get("toAgency").asString()).isEqualTo("70.689.MC");
        TestApi dongXoai = api().as("chuyenvien.dongxoai");
        JsonNode seen = dongXoai.get("/api/v1/office/dossiers/" + p.get("code").asString()).json();
        assertThat(seen.get("allowedActions").toString()).contains("ANSWER_CONSULTATION");
        JsonNode answered = act(dongXoai, seen, "ANSWER_CONSULTATION", Map.of("reason", "Thông tin cư trú chính xác"));
        assertThat(answered.get("consultations").get(0).get("answer").asString()).contains("chính xác");
        assertThat(dongXoai.get("/api/v1/office/dossiers/" + p.get("code").asString()).status())
                .as("no longer visible once answered").isEqualTo(404);
        JsonNode atLeader = act(a.specialist, a.desk.get("/api/v1/office/dossiers/" + p.get("code").asString()).json(),
                "FORWARD", Map.of());
        JsonNode rejected = act(a.leader, atLeader, "REJECT", Map.of("reason", "Không đủ điều kiện theo Điều 22"));
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("outcome").isNull()).isFalse();
        JsonNode other = act(a.desk, received(a), "FORWARD", Map.of());
        JsonNode stopped = act(a.leader, other, "STOP", Map.of("reason", "Công dân đề nghị dừng"));
        assertThat(stopped.get("status").asString()).isEqualTo("STOPPED");
    }

    @Test
    void theApplicantWithdrawsWhileNotFinished() {
        Actors a = tanPhu();
        JsonNode d = received(a);
        assertThat(a.citizen.post("/api/v1/dossiers/" + d.get("code").asString() + "/withdraw",
                Map.of("reason", "Không cần nữa")).json().get("errors").get(0).get("field").asString())
                .as("the version the applicant saw is required").isEqualTo("version");
        var w = a.citizen.post("/api/v1/dossiers/" + d.get("code").asString() + "/withdraw", Map.of("reason",
                "Không cần nữa"), Map.of("If-Match", "\"" + d.get("version").asInt() + "\""));
        assertThat(w.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(w.json().get("outcome").isNull()).as("withdrawn after acceptance gets an outcome").isFalse();
        assertThat(a.citizen.post("/api/v1/dossiers/" + d.get("code").asString() + "/withdraw",
                Map.of("version", w.json().get("version").asInt())).status()).isEqualTo(409);
    }

    @Test
    void interAgencyForwardMovesTheStepToTheOtherAgency() {
        Actors a = tanPhu();
        JsonNode p = act(a.desk, received(a), "FORWARD", Map.of());
        JsonNode moved = act(a.specialist, p, "FORWARD", Map.of("agencyCode", "70.689.25213.MC"));
        assertThat(moved.get("currentStepAgency").asString()).isEqualTo("70.689.25213.MC");
        TestApi tienHung = api().as("chuyenvien.tienhung");
        assertThat(tienHung.get("/api/v1/office/dossiers?view=TODO&q=" + p.get("code").asString()).text())
                .as("in Tiến Hưng's queue (searched for: the queue is shared with every test)").contains(p.get("code").asString());
        JsonNode there = tienHung.get("/api/v1/office/dossiers/" + p.get("code").asString()).json();
        assertThat(there.get("allowedActions").toString()).contains("FORWARD");
        assertThat(actRaw(a.specialist, moved, "FORWARD", Map.of()).status()).as("no longer the Tân Phú step").isEqualTo(409);
    }
}
