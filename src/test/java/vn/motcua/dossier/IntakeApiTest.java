package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.TestDossiers.MARITAL;
import static vn.motcua.test.TestDossiers.TAN_PHU;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

@IntegrationTest
class IntakeApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestApi api() {
        return new TestApi(port);
    }

    long dossierCount() {
        return jdbc.sql("select count(*) from dossier").query(Long.class).single();
    }

    @Test
    void aCitizenAppliesOnlineAndGetsACodeAtOnce() {
        TestApi citizen = api().as("congdan1");
        var body = TestDossiers.body(citizen, MARITAL, TAN_PHU, TestDossiers.phone());
        var r = citizen.post("/api/v1/dossiers", body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode d = r.json();
        assertThat(d.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(d.get("statusName").asString()).isEqualTo("Mới đăng ký");
        assertThat(d.get("code").asString()).matches("H10\\.89\\.\\d{2}\\.\\d{3}-\\d{6}-\\d{4}");
        assertThat(d.get("version").asInt()).isZero();
        var mine = citizen.get("/api/v1/dossiers?mine").json();
        assertThat(mine.get("items").toString()).contains(d.get("code").asString());
        assertThat(api().as("congdan2").get("/api/v1/dossiers/" + d.get("code").asString()).status()).isEqualTo(404);
    }

    @Test
    void theSameIdempotencyKeyReturnsTheFirstDossier() {
        TestApi citizen = api().as("congdan1");
        var body = TestDossiers.body(citizen, MARITAL, TAN_PHU, TestDossiers.phone());
        String key = UUID.randomUUID().toString();
        var first = citizen.post("/api/v1/dossiers", body, Map.of("Idempotency-Key", key));
        long count = dossierCount();
        var again = citizen.post("/api/v1/dossiers", body, Map.of("Idempotency-Key", key));
        assertThat(again.json().get("code").asString()).isEqualTo(first.json().get("code").asString());
        assertThat(dossierCount()).isEqualTo(count);
        var other = new HashMap<>(body);
        other.put("applicant", TestDossiers.applicant(TestDossiers.phone()));
        assertThat(citizen.post("/api/v1/dossiers", other, Map.of("Idempotency-Key", key)).status()).isEqualTo(409);
    }

    @Test
    void badApplicationsListEveryProblemAndStoreNothing() {
        TestApi citizen = api().as("congdan1");
        var body = new HashMap<>(TestDossiers.body(citizen, MARITAL, TAN_PHU, TestDossiers.phone()));
        var applicant = new HashMap<>(TestDossiers.applicant("12345"));
        applicant.put("idNumber", "999190001234");
        body.put("applicant", applicant);
        body.put("form", Map.of());
        body.put("attachments", List.of());
        long before = dossierCount();
        var r = citizen.post("/api/v1/dossiers", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("content-type")).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("applicant.idNumber", "applicant.phone", "attachments").anyMatch(f -> f.startsWith("form."));
        assertThat(r.text()).contains("Ba chữ số đầu").contains("Số điện thoại");
        assertThat(dossierCount()).isEqualTo(before);
    }

    @Test
    void aRejectedApplicationConsumesNoCode() {
        TestApi citizen = api().as("congdan2");
        String agency = "70.689.25213.MC";
        var good = TestDossiers.body(citizen, MARITAL, agency, TestDossiers.phone());
        String first = citizen.post("/api/v1/dossiers", good).json().get("code").asString();
        var bad = new HashMap<>(TestDossiers.body(citizen, MARITAL, agency, TestDossiers.phone()));
        bad.put("form", Map.of());
        assertThat(citizen.post("/api/v1/dossiers", bad).status()).isEqualTo(400);
        String second = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, MARITAL, agency,
                TestDossiers.phone())).json().get("code").asString();
        assertThat(sequence(second)).isEqualTo(sequence(first) + 1);
    }

    @Test
    void unknownProcedureWrongAgencyAndForeignFilesAreRefused() {
        TestApi citizen = api().as("congdan1");
        var body = new HashMap<>(TestDossiers.body(citizen, MARITAL, TAN_PHU, TestDossiers.phone()));
        body.put("agencyCode", "70.S.TP");
        var wrongAgency = citizen.post("/api/v1/dossiers", body);
        assertThat(wrongAgency.status()).isEqualTo(400);
        assertThat(wrongAgency.json().get("errors").get(0).get("field").asString()).isEqualTo("agencyCode");
        body.put("agencyCode", TAN_PHU);
        body.put("procedureCode", "9.999999");
        assertThat(citizen.post("/api/v1/dossiers", body).json().get("errors").get(0).get("field").asString())
                .isEqualTo("procedureCode");
        // a file uploaded by someone else
        var other = TestDossiers.body(api().as("congdan2"), MARITAL, TAN_PHU, TestDossiers.phone());
        var stolen = new HashMap<>(TestDossiers.body(citizen, MARITAL, TAN_PHU, TestDossiers.phone()));
        stolen.put("attachments", other.get("attachments"));
        var r = citizen.post("/api/v1/dossiers", stolen);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("attachments[0].fileId");
    }

    @Test
    void uploadsAreCheckedByContent() {
        TestApi citizen = api().as("congdan1");
        var text = citizen.upload("/api/v1/files", "giay-to.pdf", "application/pdf", "not a pdf".getBytes());
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        assertThat(citizen.upload("/api/v1/files", "anh.pdf", "application/pdf", png).status()).isEqualTo(400);
        var ok = citizen.upload("/api/v1/files", "anh.png", "image/png", png);
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().get("contentType").asString()).isEqualTo("image/png");
        assertThat(ok.json().get("sha256").asString()).hasSize(64);
        byte[] huge = new byte[11 * 1024 * 1024];
        System.arraycopy(TestDossiers.pdf("x"), 0, huge, 0, 20);
        assertThat(citizen.upload("/api/v1/files", "lon.pdf", "application/pdf", huge).status()).isEqualTo(400);
        assertThat(api().upload("/api/v1/files", "a.pdf", "application/pdf", TestDossiers.pdf("x")).status()).isEqualTo(401);
    }

    @Test
    void receptionAcceptsAndTheDeadlineStartsThenAnyoneTracks() {
        TestApi citizen = api().as("congdan1");
        String phone = TestDossiers.phone();
        JsonNode d = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, MARITAL, TAN_PHU, phone)).json();
        String code = d.get("code").asString();
        TestApi desk = api().as("tiepnhan.tanphu");
        // its own code searched for: the queue is every test's, the newest submitted one last (no due moment yet)
        assertThat(desk.get("/api/v1/office/dossiers?view=TODO&status=SUBMITTED&q=" + code).text()).contains(code);
        assertThat(api().as("tiepnhan.tienhung").get("/api/v1/office/dossiers/" + code).status()).isEqualTo(404);
        var accepted = desk.post("/api/v1/office/dossiers/" + code + "/actions",
                Map.of("action", "ACCEPT", "version", d.get("version").asInt()));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        JsonNode a = accepted.json();
        assertThat(a.get("status").asString()).isEqualTo("RECEIVED");
        OffsetDateTime received = OffsetDateTime.parse(a.get("receivedAt").asString());
        OffsetDateTime due = OffsetDateTime.parse(a.get("dueAt").asString());
        assertThat(due).isAfter(received);
        assertThat(a.get("dueAt").asString()).endsWith("+07:00");
        var pdf = citizen.get("/api/v1/dossiers/" + code + "/receipt.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        var track = api().get("/api/v1/tracking/" + code + "?phone=" + phone);
        assertThat(track.status()).isEqualTo(200);
        assertThat(track.json().get("status").asString()).isEqualTo("RECEIVED");
        assertThat(track.json().get("history").size()).isEqualTo(2);
        assertThat(track.text()).doesNotContain("070090001234").doesNotContain("Nguyễn Văn An").doesNotContain(phone);
        assertThat(api().get("/api/v1/tracking/" + code + "?phone=0900000000").status()).isEqualTo(404);
        assertThat(api().get("/api/v1/tracking/" + code + "?idNumber=070090001234").status()).isEqualTo(200);
        var history = desk.get("/api/v1/office/dossiers/" + code + "/history").json();
        assertThat(history.get(1).get("action").asString()).isEqualTo("ACCEPT");
        assertThat(history.get(1).get("actor").asString()).contains("tiếp nhận");
    }

    @Test
    void twoOfficersAcceptingAtOnceNeverBothWin() throws Exception {
        TestApi citizen = api().as("congdan1");
        JsonNode d = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, MARITAL, TAN_PHU,
                TestDossiers.phone())).json();
        TestApi desk = api().as("tiepnhan.tanphu");
        Callable<Integer> accept = () -> desk.post("/api/v1/office/dossiers/" + d.get("code").asString() + "/actions",
                Map.of("action", "ACCEPT", "version", 0)).status();
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Integer> statuses = new ArrayList<>();
            for (var f : pool.invokeAll(java.util.Collections.nCopies(8, accept))) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
        }
        var history = desk.get("/api/v1/office/dossiers/" + d.get("code").asString() + "/history").json();
        assertThat(history.size()).isEqualTo(2);
    }

    @Test
    void counterIntakeIsReceivedAtOnceWithScansCountedAsDigitised() {
        TestApi desk = api().as("tiepnhan.tanphu");
        var body = new HashMap<>(TestDossiers.body(desk, "1.001193", TAN_PHU, TestDossiers.phone()));
        body.put("channel", "COUNTER");
        var r = desk.post("/api/v1/office/dossiers", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode d = r.json();
        assertThat(d.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(d.get("receivedAt").isNull()).isFalse();
        assertThat(d.get("dueAt").asString()).contains("T17:00:00+07:00");
        assertThat(d.get("channel").asString()).isEqualTo("COUNTER");
        assertThat(d.get("attachments").get(0).get("digitised").asBoolean()).isTrue();
        var wrongAgency = new HashMap<>(body);
        wrongAgency.put("agencyCode", "70.689.25213.MC");
        assertThat(desk.post("/api/v1/office/dossiers", wrongAgency).status()).isEqualTo(400);
        assertThat(api().as("congdan1").post("/api/v1/office/dossiers", body).status()).isEqualTo(403);
    }

    @Test
    void concurrentIntakeGivesUniqueGapFreeCodes() throws Exception {
        TestApi desk = api().as("tiepnhan.tienhung");
        String agency = "70.689.25213.MC";
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            bodies.add(TestDossiers.body(desk, "1.001193", agency, TestDossiers.phone()));
        }
        try (var pool = Executors.newFixedThreadPool(6)) {
            List<Callable<String>> calls = bodies.stream().<Callable<String>>map(b -> () ->
                    desk.post("/api/v1/office/dossiers", b).json().get("code").asString()).toList();
            List<Integer> seq = new ArrayList<>();
            for (var f : pool.invokeAll(calls)) {
                seq.add(sequence(f.get()));
            }
            seq.sort(Integer::compare);
            for (int i = 1; i < seq.size(); i++) {
                assertThat(seq.get(i)).isEqualTo(seq.get(i - 1) + 1);
            }
        }
    }

    @Test
    void refusalNeedsAReasonAndASupplementAtReceptionGoesBackToTheCitizen() {
        TestApi citizen = api().as("congdan1");
        TestApi desk = api().as("tiepnhan.tanphu");
        JsonNode d = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, MARITAL, TAN_PHU,
                TestDossiers.phone())).json();
        String code = d.get("code").asString();
        var noReason = desk.post("/api/v1/office/dossiers/" + code + "/actions", Map.of("action", "REFUSE", "version", 0));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        var supp = desk.post("/api/v1/office/dossiers/" + code + "/actions", Map.of("action", "REQUEST_SUPPLEMENT",
                "version", 0, "reason", "Thiếu bản sao giấy chứng tử của vợ", "items", List.of("Bản sao giấy chứng tử")));
        assertThat(supp.json().get("status").asString()).isEqualTo("SUPPLEMENT_REQUESTED");
        JsonNode mine = citizen.get("/api/v1/dossiers/" + code).json();
        assertThat(mine.get("pendingSupplement").get("reason").asString()).contains("giấy chứng tử");
        assertThat(citizen.get("/api/v1/dossiers/" + code + "/notices/supplement.pdf").status()).isEqualTo(200);
        String file = TestDossiers.upload(citizen, "chung-tu.pdf");
        var supplied = citizen.post("/api/v1/dossiers/" + code + "/supplements",
                Map.of("attachments", List.of(Map.of("componentCode", "TP02", "fileId", file)), "note", "Đã bổ sung",
                        "version", mine.get("version").asInt()));
        assertThat(supplied.status()).as(supplied.toString()).isEqualTo(200);
        assertThat(supplied.json().get("status").asString()).isEqualTo("SUBMITTED");
        int v = supplied.json().get("version").asInt();
        var refused = desk.post("/api/v1/office/dossiers/" + code + "/actions",
                Map.of("action", "REFUSE", "version", v, "reason", "Không thuộc thẩm quyền"));
        assertThat(refused.json().get("status").asString()).isEqualTo("REFUSED");
        assertThat(citizen.get("/api/v1/dossiers/" + code + "/notices/refusal.pdf").status()).isEqualTo(200);
        var stale = desk.post("/api/v1/office/dossiers/" + code + "/actions", Map.of("action", "ACCEPT", "version", v));
        assertThat(stale.status()).isEqualTo(409);
    }

    private static int sequence(String code) {
        return Integer.parseInt(code.substring(code.lastIndexOf('-') + 1));
    }
}
