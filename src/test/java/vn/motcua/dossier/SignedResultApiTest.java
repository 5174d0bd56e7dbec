package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.motcua.signing.internal.Pdfsig;
import vn.motcua.signing.internal.Pdftotext;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;

/**
 * A leader completes a dossier with a generated result: the result carries the leader's and the agency's PAdES
 * signatures (checked with poppler's pdfsig), the receipt the agency's; a signature that fails leaves the dossier
 * where it was, with the reason.
 */
@IntegrationTest
class SignedResultApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    ProcessingApiTest.Actors actors() {
        TestApi api = new TestApi(port);
        return new ProcessingApiTest.Actors(api.as("congdan1"), api.as("tiepnhan.tanphu"), api.as("chuyenvien.tanphu"),
                api.as("lanhdao.tanphu"));
    }

    JsonNode atTheLeader(ProcessingApiTest.Actors a) {
        JsonNode d = a.citizen().post("/api/v1/dossiers", vn.motcua.test.TestDossiers.body(a.citizen(),
                vn.motcua.test.TestDossiers.MARITAL, vn.motcua.test.TestDossiers.TAN_PHU,
                vn.motcua.test.TestDossiers.phone())).json();
        JsonNode r = ProcessingApiTest.act(a.desk(), d, "ACCEPT", Map.of());
        return ProcessingApiTest.act(a.specialist(), ProcessingApiTest.act(a.desk(), r, "FORWARD", Map.of()),
                "FORWARD", Map.of());
    }

    @Test
    void theGeneratedResultIsSignedByTheLeaderAndTheAgencyAndTheReceiptByTheAgency() {
        var a = actors();
        JsonNode p = atTheLeader(a);
        String code = p.get("code").asString();
        JsonNode done = ProcessingApiTest.act(a.leader(), p, "COMPLETE", Map.of("generateResult", true));
        String fileId = null;
        for (JsonNode att : done.get("attachments")) {
            if (att.get("kind").asString().equals("RESULT")) {
                fileId = att.get("fileId").asString();
            }
        }
        var pdf = a.desk().get("/api/v1/office/dossiers/" + code + "/files/" + fileId);
        String report = Pdfsig.check(pdf.body());
        assertThat(Pdfsig.valid(report)).as(report).isEqualTo(2);
        assertThat(report).contains("ETSI.CAdES.detached");

        var receipt = a.citizen().get("/api/v1/dossiers/" + code + "/receipt.pdf");
        assertThat(receipt.status()).isEqualTo(200);
        String receiptReport = Pdfsig.check(receipt.body());
        assertThat(Pdfsig.valid(receiptReport)).as(receiptReport).isEqualTo(1);

        byte[] tampered = pdf.body().clone();
        int at = new String(tampered, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("DejaVu");
        tampered[at] = 'X';
        assertThat(Pdfsig.valid(Pdfsig.check(tampered))).as("a changed byte breaks both").isZero();
    }

    /**
     * What a citizen reads in the result (poppler's pdftotext, as a reader or a screen reader extracts it): the
     * People's Committee as issuer and the one-stop only as the office that returns it, every date as dd/MM/yyyy,
     * each block of the form under its own heading, and the signer's name under "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH".
     */
    @Test
    void theResultReadsAsAnOfficialDocumentOfThePeoplesCommitteeSignedByName() {
        var a = actors();
        JsonNode p = atTheLeader(a);
        String code = p.get("code").asString();
        JsonNode done = ProcessingApiTest.act(a.leader(), p, "COMPLETE", Map.of("generateResult", true));
        String fileId = null;
        for (JsonNode att : done.get("attachments")) {
            if (att.get("kind").asString().equals("RESULT")) {
                fileId = att.get("fileId").asString();
            }
        }
        var pdf = a.desk().get("/api/v1/office/dossiers/" + code + "/files/" + fileId);
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        String raw = Pdftotext.text(pdf.body());
        String text = raw.replaceAll("\\s+", " ");

        assertThat(text).as(raw)
                .contains("ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHÚ")
                .doesNotContain("BỘ PHẬN TIẾP NHẬN")
                .contains("Bộ phận Tiếp nhận và Trả kết quả UBND phường Tân Phú (trả kết quả)")
                .containsPattern("Đồng Xoài, ngày \\d{2} tháng \\d{1,2} năm 20\\d{2}")
                .contains("Người được xác nhận tình trạng hôn nhân:")
                .contains("Ngày, tháng, năm sinh: 11/04/1997")
                .contains("Ngày, tháng, năm sinh: 30/06/1995")
                .contains("Số định danh cá nhân của người đề nghị: 070090001234")
                .contains("KT. CHỦ TỊCH PHÓ CHỦ TỊCH")
                .doesNotContain("LÃNH ĐẠO");
        assertThat(text.indexOf("Lãnh đạo Phường Tân Phú")).as("the signer's name under the title")
                .isGreaterThan(text.indexOf("PHÓ CHỦ TỊCH"));
        assertThat(text).as("no ISO dates left").doesNotContainPattern("\\b\\d{4}-\\d{2}-\\d{2}\\b");
        // the intended spouse's block is headed too: two "Họ, chữ đệm, tên" say whose they are
        assertThat(text.indexOf("Vũ Thị Ngọc Trâm")).isGreaterThan(text.indexOf("Người được xác nhận"));
        assertThat(text).containsPattern("Người dự định kết hôn[^:]*: Họ, chữ đệm, tên: Trần Quốc Bảo");
    }

    @Test
    void anExpiredCertificateLeavesTheDossierWhereItWasWithTheReason() {
        var a = actors();
        JsonNode p = atTheLeader(a);
        // the demo certificates are valid until 2045. The events of the steps above are handled first: the 766 index
        // closes every month before the one its clock reads when it handles a dossier's event, for good, so an event
        // handled while the clock reads 2046 would leave the current month closed for every later test (its open
        // dossiers judged at the month's end, not now: Index766ApiTest's "within time" became late)
        vn.motcua.test.Background.outboxCaughtUp(jdbc);
        clock.set(OffsetDateTime.of(2046, 3, 6, 9, 0, 0, 0, ZoneOffset.ofHours(7)));
        var refused = ProcessingApiTest.actRaw(a.leader(), p, "COMPLETE", Map.of("generateResult", true));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("Không ký số được").contains("hết hạn");
        clock.reset();
        JsonNode same = a.leader().get("/api/v1/office/dossiers/" + p.get("code").asString()).json();
        assertThat(same.get("status").asString()).isEqualTo("PROCESSING");
        assertThat(same.get("version").asInt()).isEqualTo(p.get("version").asInt());
        assertThat(ProcessingApiTest.act(a.leader(), same, "COMPLETE", Map.of("generateResult", true))
                .get("status").asString()).isEqualTo("COMPLETED");
    }
}
