package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.ProcessingApiTest.act;
import static vn.motcua.dossier.ProcessingApiTest.actRaw;
import static vn.motcua.dossier.ProcessingApiTest.lastAt;
import static vn.motcua.test.TestDossiers.MARITAL;
import static vn.motcua.test.TestDossiers.TAN_PHU;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.TimeUnit;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.platform.Channel;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;
import vn.motcua.test.TestDossiers;

/**
 * The journeys of paper dossiers, which have no applicant account: the one-stop records the applicant's supplement
 * and written withdrawal; a walk-in with incomplete papers gets form 02 or 03 without using a dossier number; the
 * dossier carries the fee the catalogue computes.
 */
@IntegrationTest
class CounterJourneyApiTest {

    static final ProcessingTime MARITAL_TIME = new ProcessingTime(new BigDecimal("3"), TimeUnit.WORKING_DAYS);

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    DossierContents contents;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    TestApi as(String user) {
        return new TestApi(port).as(user);
    }

    @Test
    void theCounterRecordsTheApplicantsSupplementAndTheClockRestartsAsOnline() {
        TestApi desk = as("tiepnhan.tanphu");
        TestApi specialist = as("chuyenvien.tanphu");
        TestApi leader = as("lanhdao.tanphu");
        OffsetDateTime t0 = calendar.workingDayOnOrAfter(LocalDate.now(calendar.zone()).minusDays(14)).atTime(8, 0)
                .atZone(calendar.zone()).toOffsetDateTime();
        clock.set(t0);
        JsonNode d = desk.post("/api/v1/office/dossiers", TestDossiers.body(desk, MARITAL, TAN_PHU,
                TestDossiers.phone())).json();
        assertThat(d.get("channel").asString()).isEqualTo("COUNTER");
        JsonNode p = act(desk, d, "FORWARD", Map.of());
        OffsetDateTime firstDue = OffsetDateTime.parse(p.get("dueAt").asString());
        JsonNode waiting = act(specialist, p, "REQUEST_SUPPLEMENT", Map.of("reason", "Thiếu giấy tờ chứng minh ly hôn",
                "items", List.of("Bản sao bản án ly hôn")));
        assertThat(waiting.get("allowedActions").toString()).doesNotContain("SUPPLY");
        JsonNode atDesk = desk.get("/api/v1/office/dossiers/" + d.get("code").asString()).json();
        assertThat(atDesk.get("allowedActions").toString()).contains("SUPPLY", "WITHDRAW");

        // the applicant brings the papers a week later
        OffsetDateTime later = calendar.workingDayOnOrAfter(t0.toLocalDate().plusDays(7)).atTime(9, 30)
                .atZone(calendar.zone()).toOffsetDateTime();
        clock.set(later);
        var noScans = actRaw(desk, atDesk, "SUPPLY", Map.of("note", "Đã mang bản án"));
        assertThat(noScans.status()).isEqualTo(400);
        assertThat(noScans.json().get("errors").get(0).get("field").asString()).isEqualTo("attachments");
        JsonNode supplied = act(desk, atDesk, "SUPPLY", Map.of("note", "Người nộp mang bản án ly hôn đến quầy",
                "attachments", List.of(Map.of("componentCode", "TP02", "fileId", TestDossiers.upload(desk, "ban-an.pdf")))));
        assertThat(supplied.get("status").asString()).isEqualTo("PROCESSING");
        String code = d.get("code").asString();
        OffsetDateTime suppliedAt = lastAt(desk, code, "SUPPLY");
        var restarted = calendar.deadline(suppliedAt, MARITAL_TIME, Channel.COUNTER);
        assertThat(OffsetDateTime.parse(supplied.get("clockStartedAt").asString())).isEqualTo(restarted.startsAt());
        assertThat(OffsetDateTime.parse(supplied.get("dueAt").asString())).as("a full time from the counter supply")
                .isEqualTo(restarted.dueAt()).isAfter(firstDue);
        assertThat(supplied.get("attachments").toString()).contains("ban-an.pdf", "SUPPLEMENT");
        JsonNode history = desk.get("/api/v1/office/dossiers/" + code + "/history").json();
        JsonNode supply = history.get(history.size() - 1);
        assertThat(supply.get("actorRole").asString()).isEqualTo("RECEPTION");
        assertThat(supply.get("note").asString()).contains("bản án");

        JsonNode atLeader = act(specialist, supplied, "FORWARD", Map.of());
        JsonNode done = act(leader, atLeader, "COMPLETE", Map.of("generateResult", true));
        JsonNode returned = act(desk, done, "RETURN_RESULT", Map.of());
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
    }

    @Test
    void aWrittenWithdrawalAtTheCounterIsScannedAndEndsTheDossierButNotAnOnlineOne() {
        TestApi desk = as("tiepnhan.tanphu");
        JsonNode d = desk.post("/api/v1/office/dossiers", TestDossiers.body(desk, MARITAL, TAN_PHU,
                TestDossiers.phone())).json();
        var noScan = actRaw(desk, d, "WITHDRAW", Map.of("reason", "Không còn nhu cầu"));
        assertThat(noScan.status()).isEqualTo(400);
        JsonNode withdrawn = act(desk, d, "WITHDRAW", Map.of("reason", "Không còn nhu cầu", "attachments",
                List.of(Map.of("fileId", TestDossiers.upload(desk, "don-rut.pdf")))));
        assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("outcome").isNull()).isFalse();
        assertThat(withdrawn.get("attachments").toString()).contains("WITHDRAWAL", "don-rut.pdf");
        // the national record is built from the dossier's contents: the scanned letter is one of its documents
        assertThat(contents.of(withdrawn.get("code").asString()).orElseThrow()
                .documents(DossierContent.DocumentKind.WITHDRAWAL)).hasSize(1);

        TestApi citizen = as("congdan1");
        JsonNode online = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, MARITAL, TAN_PHU,
                TestDossiers.phone())).json();
        online = act(desk, online, "ACCEPT", Map.of());
        assertThat(online.get("allowedActions").toString()).doesNotContain("WITHDRAW");
        var refused = actRaw(desk, online, "WITHDRAW", Map.of("attachments",
                List.of(Map.of("fileId", TestDossiers.upload(desk, "don.pdf")))));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("Điều 15, 16 Nghị định 61/2018");
        assertThat(desk.get("/api/v1/office/dossiers/" + online.get("code").asString()).json().get("version").asInt())
                .as("nothing changed").isEqualTo(online.get("version").asInt());
    }

    @Test
    void aWalkInWithIncompletePapersGetsForm02Or03WithoutUsingADossierNumber() {
        TestApi desk = as("tiepnhan.tanphu");
        JsonNode first = desk.post("/api/v1/office/dossiers", TestDossiers.body(desk, MARITAL, TAN_PHU,
                TestDossiers.phone())).json();
        var missing = desk.post("/api/v1/office/desk-visits", Map.of("form", "GUIDANCE", "procedureCode", MARITAL,
                "applicantName", "Trần Thị Bình"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("items");
        var guided = desk.post("/api/v1/office/desk-visits", Map.of("form", "GUIDANCE", "procedureCode", MARITAL,
                "applicantName", "Trần Thị Bình", "applicantPhone", "0912 345 678",
                "items", List.of("Tờ khai có chữ ký của người yêu cầu", "Bản sao quyết định ly hôn")));
        assertThat(guided.status()).as(guided.toString()).isEqualTo(201);
        var pdf = desk.get(guided.header("Location"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).contains("application/pdf");
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        var refused = desk.post("/api/v1/office/desk-visits", Map.of("form", "REFUSAL", "procedureCode", MARITAL,
                "applicantName", "Lê Văn Cường", "reason", "Người yêu cầu không cư trú tại phường"));
        assertThat(refused.status()).isEqualTo(201);
        assertThat(desk.get(refused.header("Location")).status()).isEqualTo(200);
        assertThat(as("tiepnhan.dongxoai").get(refused.header("Location")).status()).as("another agency's log")
                .isEqualTo(404);
        assertThat(as("chuyenvien.tanphu").post("/api/v1/office/desk-visits", Map.of("form", "REFUSAL",
                "procedureCode", MARITAL, "applicantName", "X", "reason", "Y")).status()).isEqualTo(403);

        JsonNode next = desk.post("/api/v1/office/dossiers", TestDossiers.body(desk, MARITAL, TAN_PHU,
                TestDossiers.phone())).json();
        assertThat(sequence(next.get("code").asString())).as("the walk-ins used no dossier number")
                .isEqualTo(sequence(first.get("code").asString()) + 1);

        // the reports count them, by agency
        String today = LocalDate.now(calendar.zone()).toString();
        long[] counted = vn.motcua.notification.NotificationTestEvents.await("the desk log in the statistics", () -> {
            for (JsonNode row : as("lanhdao.tanphu").get("/api/v1/stats/dossiers?unit=" + TAN_PHU + "&from=" + today
                    + "&to=" + today + "&groupBy=AGENCY").json()) {
                if (row.get("key").asString().equals(TAN_PHU)) {
                    return new long[] {row.get("guidedAtDesk").asLong(), row.get("refusedAtDesk").asLong()};
                }
            }
            return new long[2];
        }, c -> c[0] >= 1 && c[1] >= 1);
        assertThat(counted[0]).as("guided at the desk today").isPositive();
        assertThat(counted[1]).as("refused at the desk today").isPositive();
    }

    @Test
    void theDossierCarriesItsFeeAsTheCatalogueComputesIt() {
        TestApi desk = as("tiepnhan.tanphu");
        var body = TestDossiers.body(desk, "2.000815", TAN_PHU, TestDossiers.phone());
        ObjectNode form = (ObjectNode) TestApi.json().valueToTree(body.get("form"));
        ObjectNode document = (ObjectNode) form.get("documents").get(0);
        document.put("pageCount", 3);
        document.put("copyCount", 1);
        form.set("documents", TestApi.json().createArrayNode().add(document));
        body.put("form", form);
        JsonNode copy = desk.post("/api/v1/office/dossiers", body).json();
        assertThat(copy.get("fee").get("total").asLong()).as("2,000 + 2,000 + 1,000").isEqualTo(5000);
        assertThat(copy.get("fee").get("items").size()).isEqualTo(2);
        assertThat(copy.get("fee").get("items").get(0).get("amount").asLong()).isEqualTo(4000);
        assertThat(copy.get("feeAmount").asLong()).isEqualTo(5000);

        var birth = TestDossiers.body(desk, "1.001193", TAN_PHU, TestDossiers.phone());
        ObjectNode birthForm = (ObjectNode) TestApi.json().valueToTree(birth.get("form"));
        LocalDate born = LocalDate.now(calendar.zone()).minusDays(10);
        ((ObjectNode) birthForm.get("child")).put("birthDate", born.toString());
        // the birth certificate is issued after the birth (form rule of issue 18)
        ((ObjectNode) birthForm.get("birthProof")).put("issueDate", born.plusDays(1).toString());
        birthForm.put("extractCopies", 0);
        birth.put("form", birthForm);
        var onTimeAnswer = desk.post("/api/v1/office/dossiers", birth);
        assertThat(onTimeAnswer.status()).as(onTimeAnswer.toString()).isEqualTo(201);
        JsonNode onTime = onTimeAnswer.json();
        assertThat(onTime.get("fee").get("total").asLong()).as("an on-time birth registration is free").isZero();
        assertThat(onTime.get("fee").get("complete").asBoolean()).isTrue();
        assertThat(onTime.get("fee").get("items").get(0).get("name").asString()).contains("đúng hạn");
    }

    static int sequence(String code) {
        return Integer.parseInt(code.substring(code.lastIndexOf('-') + 1));
    }
}
