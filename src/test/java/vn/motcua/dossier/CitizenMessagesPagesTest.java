package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.TestDossiers.TAN_PHU;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.PageSession.Page;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * What the citizen's pages say (issue 18): an error summary naming each field; the result delivery of the
 * dossier's channel; the due date once known; withdrawal never on the success page and confirmed with a reason.
 */
@IntegrationTest
class CitizenMessagesPagesTest {

    static final String GENERIC = "1.010028";

    @LocalServerPort
    int port;

    String apply(String delivery) {
        TestApi citizen = new TestApi(port).as("congdan1");
        var body = new LinkedHashMap<>(TestDossiers.body(citizen, GENERIC, TAN_PHU, TestDossiers.phone()));
        ObjectNode form = (ObjectNode) ((JsonNode) TestApi.json().valueToTree(body.get("form"))).deepCopy();
        form.put("resultDelivery", delivery);
        if (!delivery.equals("POSTAL")) {
            form.remove("deliveryAddress");
        } else {
            form.put("deliveryAddress", "Số 9 đường Lê Duẩn, phường Tân Phú");
        }
        body.put("form", form);
        var r = citizen.post("/api/v1/dossiers", body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("code").asString();
    }

    @Test
    void theErrorSummaryNamesEachFieldAndLinksToIt() {
        PageSession citizen = new PageSession(port).logIn("congdan1");
        citizen.get("/nop-ho-so/" + GENERIC);
        Page page = citizen.postMultipart("/nop-ho-so/" + GENERIC, Map.of("intent", "submit",
                "idempotencyKey", UUID.randomUUID().toString(), "applicant.fullName", "", "applicant.phone", ""),
                java.util.List.of());
        String html = page.html();
        String summary = html.substring(html.indexOf("id=\"error-summary\""), html.indexOf("</ul>", html.indexOf("id=\"error-summary\"")));
        assertThat(summary).contains("href=\"#applicant-fullName\">Họ và tên người nộp: Trường này là bắt buộc.")
                .contains("href=\"#applicant-phone\">Số điện thoại người nộp: ")
                .contains("href=\"#agencyCode\">Cơ quan tiếp nhận: ")
                .contains("href=\"#attachments\">");
        assertThat(html).contains("id=\"attachments\"");
    }

    @Test
    void resultDeliveryIsSaidPerChannel() {
        PageSession citizen = new PageSession(port).logIn("congdan1");
        assertThat(citizen.get("/ho-so/" + apply("ONLINE")).html()).contains("Bản điện tử, tải về tại trang này")
                .doesNotContain("Nhận trực tiếp tại");
        assertThat(citizen.get("/ho-so/" + apply("POSTAL")).html())
                .contains("Gửi qua dịch vụ bưu chính công ích đến: Số 9 đường Lê Duẩn, phường Tân Phú.");
        assertThat(citizen.get("/ho-so/" + apply("DIRECT")).html()).contains("Nhận trực tiếp tại ")
                .doesNotContain("tải về tại trang này");
    }

    @Test
    void theDueDateIsExplainedBeforeReceptionAndShownAfter() {
        String code = apply("ONLINE");
        PageSession citizen = new PageSession(port).logIn("congdan1");
        assertThat(citizen.get("/ho-so/" + code).html()).contains("Tính từ khi hồ sơ được tiếp nhận:");
        TestApi desk = new TestApi(port).as("tiepnhan.tanphu");
        JsonNode d = desk.get("/api/v1/office/dossiers/" + code).json();
        d = ProcessingApiTest.act(desk, d, "ACCEPT", Map.of());
        String due = java.time.OffsetDateTime.parse(d.get("dueAt").asString())
                .atZoneSameInstant(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy"));
        String html = citizen.get("/ho-so/" + code).html();
        assertThat(html).doesNotContain("Tính từ khi hồ sơ được tiếp nhận:");
        assertThat(html.substring(html.indexOf("id=\"hen-tra\""))).startsWith("id=\"hen-tra\">").contains(due);
        assertThat(citizen.get("/ho-so").html()).contains(due);
    }

    @Test
    void withdrawalIsNotOnTheSuccessPageAndNeedsAReason() {
        PageSession citizen = new PageSession(port).logIn("congdan1");
        String code = apply("ONLINE");
        // the page seen right after submitting (the flash "submitted") offers no withdrawal at all
        Page apply = citizen.get("/nop-ho-so/" + GENERIC);
        assertThat(apply.status()).isEqualTo(200);
        String later = citizen.get("/ho-so/" + code).html();
        assertThat(later).contains("href=\"/ho-so/" + code + "/rut\"").doesNotContain("name=\"reason\"");

        Page confirm = citizen.get("/ho-so/" + code + "/rut");
        assertThat(confirm.html()).contains("Rút hồ sơ không hoàn tác được.").contains("Xác nhận rút hồ sơ");
        Page refused = citizen.post("/ho-so/" + code + "/rut", Map.of("reason", "  ", "version", "0"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html()).contains("href=\"#reason\">Lý do: Nhập lý do rút hồ sơ.");
        TestApi api = new TestApi(port).as("congdan1");
        assertThat(api.get("/api/v1/dossiers/" + code).json().get("status").asString()).isEqualTo("SUBMITTED");

        citizen.get("/ho-so/" + code + "/rut");
        Page done = citizen.post("/ho-so/" + code + "/rut", Map.of("reason", "Nộp nhầm thủ tục", "version", "0"));
        assertThat(done.html()).contains("Đã rút hồ sơ.");
        assertThat(api.get("/api/v1/dossiers/" + code).json().get("status").asString()).isEqualTo("WITHDRAWN");
    }

    @Test
    void theSuccessPageOffersNoWithdrawal() {
        PageSession citizen = new PageSession(port).logIn("congdan1");
        citizen.get("/nop-ho-so/" + GENERIC + "?coquan=" + TAN_PHU);
        String fileId = TestDossiers.upload(new TestApi(port).as("congdan1"), "tp01.pdf");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("intent", "submit");
        fields.put("idempotencyKey", UUID.randomUUID().toString());
        fields.put("agencyCode", TAN_PHU);
        fields.put("applicant.fullName", "Nguyễn Văn An");
        fields.put("applicant.idNumber", "070090001234");
        fields.put("applicant.dateOfBirth", "1990-05-12");
        fields.put("applicant.phone", TestDossiers.phone());
        fields.put("applicant.address", "Số 12, phường Tân Phú");
        fields.put("form.requestContent", "Đề nghị xóa đăng ký tạm trú tại phường Tân Phú do đã chuyển đi nơi khác.");
        fields.put("form.resultCopies", "1");
        fields.put("form.resultDelivery", "ONLINE");
        fields.put("fileId.TP01", fileId);
        Page success = citizen.postMultipart("/nop-ho-so/" + GENERIC, fields, java.util.List.of());
        assertThat(success.url()).contains("/ho-so/H10");
        assertThat(success.html()).contains("Đã nộp hồ sơ").doesNotContain("/rut\"").doesNotContain("Rút hồ sơ");
    }
}
