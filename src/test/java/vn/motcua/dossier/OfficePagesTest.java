package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.TestDossiers.MARITAL;
import static vn.motcua.test.TestDossiers.TAN_PHU;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.PageSession.FilePart;
import vn.motcua.test.PageSession.Page;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/** The officers' pages through the form login, as a browser without JavaScript uses them. */
@IntegrationTest
class OfficePagesTest {

    @org.springframework.beans.factory.annotation.Autowired
    vn.motcua.calendar.WorkingCalendar calendar;

    private static final String BIRTH = "1.001193";
    private static final Pattern CODE_IN_URL = Pattern.compile("/can-bo/ho-so/([^/?#]+)$");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestApi api() {
        return new TestApi(port);
    }

    PageSession as(String username) {
        return new PageSession(port).logIn(username);
    }

    /** A citizen's online submission to Tân Phú, through the REST API. */
    String submitOnline(String phone) {
        TestApi citizen = api().as("congdan1");
        var r = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, MARITAL, TAN_PHU, phone));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("code").asString();
    }

    long dossiers() {
        return jdbc.sql("select count(*) from dossier").query(Long.class).single();
    }

    @Test
    void theQueueShowsACitizensNewOnlineSubmission() {
        String phone = TestDossiers.phone();
        String code = submitOnline(phone);
        PageSession desk = as("tiepnhan.tanphu");
        assertThat(desk.last().url()).endsWith("/can-bo");
        Page todo = desk.get("/can-bo?view=TODO&q=" + phone);
        assertThat(todo.status()).isEqualTo(200);
        assertThat(todo.html()).contains(code, "Mới đăng ký", "Cần xử lý", "Sắp đến hạn", "Quá hạn", "Chờ công dân",
                "Tiếp nhận hồ sơ", "href=\"/can-bo/tiep-nhan\"", "hx-push-url", "Hẹn trả kết quả")
                .doesNotContain("??");
        assertThat(todo.body().length).as("page weight").isLessThan(100_000);
        assertThat(desk.get("/can-bo?view=ALL&status=SUBMITTED&q=" + code).html()).contains(code);
        assertThat(desk.get("/can-bo?view=ALL&status=RECEIVED&q=" + code).html()).doesNotContain("/can-bo/ho-so/" + code)
                .contains("Không có hồ sơ nào trong danh sách này.");
        assertThat(desk.get("/can-bo?view=TODO&procedure=" + MARITAL + "&q=" + phone).html()).contains(code);
        assertThat(desk.get("/can-bo?view=TODO&procedure=" + BIRTH + "&q=" + phone).html())
                .doesNotContain("/can-bo/ho-so/" + code);
        assertThat(desk.get("/can-bo?view=nonsense&page=-3").status()).isEqualTo(200);
        // the specialist has no intake button, the leader sees the agency's deadlines
        assertThat(as("chuyenvien.tanphu").get("/can-bo").html()).doesNotContain("href=\"/can-bo/tiep-nhan\"");
        assertThat(as("lanhdao.tanphu").get("/can-bo").html()).contains("Theo dõi hạn giải quyết của cơ quan",
                "Hồ sơ quá hạn", "Hồ sơ sắp đến hạn");
        assertThat(new PageSession(port, "en").logIn("tiepnhan.tanphu").get("/can-bo?lang=en").html())
                .contains("Dossier processing", "Waiting for the applicant").doesNotContain("??");
    }

    @Test
    void receptionOpensTheDossierAndAcceptsIt() {
        String code = submitOnline(TestDossiers.phone());
        PageSession desk = as("tiepnhan.tanphu");
        Page page = desk.get("/can-bo/ho-so/" + code);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("Hồ sơ " + code, "Nguyễn Văn An", "070090001234", "Tờ khai",
                "Nộp hồ sơ trực tuyến", "/can-bo/ho-so/" + code + "/tep/", "Tiếp nhận hồ sơ",
                "Từ chối tiếp nhận hồ sơ", "Yêu cầu bổ sung, hoàn thiện hồ sơ")
                .doesNotContain("Hoàn thành xử lý", "Trả kết quả</", "??");
        assertThat(page.actionForm("ACCEPT")).contains("name=\"version\" value=\"0\"");
        assertThat(page.actionForm("REFUSE")).contains("name=\"reason\"");
        assertThat(page.actionForm("REQUEST_SUPPLEMENT")).contains("name=\"items\"");
        assertThat(page.actionForm("FORWARD")).isNull();

        Matcher file = Pattern.compile("href=\"(/can-bo/ho-so/[^\"]+/tep/[^\"]+)\"").matcher(page.html());
        assertThat(file.find()).isTrue();
        Page pdf = desk.get(file.group(1));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.html()).startsWith("%PDF-");

        Page after = desk.post("/can-bo/ho-so/" + code + "/thao-tac",
                Map.of("action", "ACCEPT", "form", "ACCEPT", "version", page.input("version")));
        assertThat(after.status()).as(after.toString()).isEqualTo(200);
        assertThat(after.url()).endsWith("/can-bo/ho-so/" + code);
        assertThat(after.html()).contains("Tiếp nhận: đã thực hiện với hồ sơ " + code, "Được tiếp nhận",
                "giay-tiep-nhan.pdf?size=A5", "Chuyển xử lý: Thụ lý, thẩm định");
        assertThat(api().as("tiepnhan.tanphu").get("/api/v1/office/dossiers/" + code).json().get("status").asString())
                .isEqualTo("RECEIVED");
        Page receipt = desk.get("/can-bo/ho-so/" + code + "/giay-tiep-nhan.pdf?size=A4");
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.html()).startsWith("%PDF-");
    }

    @Test
    void anActionRefusedWith409ShowsTheReasonAndTheFreshDossier() {
        String code = submitOnline(TestDossiers.phone());
        PageSession desk = as("tiepnhan.tanphu");
        Page page = desk.get("/can-bo/ho-so/" + code);
        String version = page.input("version");
        // a colleague accepts first, through the API
        var colleague = api().as("tiepnhan.tanphu").post("/api/v1/office/dossiers/" + code + "/actions",
                Map.of("action", "ACCEPT", "version", Integer.parseInt(version)));
        assertThat(colleague.status()).isEqualTo(200);
        Page stale = desk.post("/can-bo/ho-so/" + code + "/thao-tac",
                Map.of("action", "REFUSE", "form", "REFUSE", "version", version, "reason", "Không thuộc thẩm quyền"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.html()).contains("Chưa thực hiện được thao tác",
                "Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại và thực hiện lại.", "Được tiếp nhận")
                .doesNotContain("Exception", "at vn.motcua");
        assertThat(stale.actionForm("ACCEPT")).isNull();
        assertThat(stale.actionForm("FORWARD")).contains("name=\"version\" value=\"1\"");
        // with the fresh version the refusal is not allowed in this status any more
        Page notNow = desk.post("/can-bo/ho-so/" + code + "/thao-tac",
                Map.of("action", "REFUSE", "form", "REFUSE", "version", "1", "reason", "Không thuộc thẩm quyền"));
        assertThat(notNow.status()).isEqualTo(409);
        assertThat(notNow.html()).contains("Không thể thực hiện thao tác này khi hồ sơ đang ở trạng thái hiện tại.");
    }

    @Test
    void aRefusalWithoutAReasonShowsTheProblemNextToTheField() {
        String code = submitOnline(TestDossiers.phone());
        PageSession desk = as("tiepnhan.tanphu");
        desk.get("/can-bo/ho-so/" + code);
        Page r = desk.post("/can-bo/ho-so/" + code + "/thao-tac",
                Map.of("action", "REFUSE", "form", "REFUSE", "version", "0", "reason", " "));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.html()).contains("error-summary", "href=\"#REFUSE-reason\"", "Phải nêu lý do.",
                "id=\"REFUSE-reason\"", "<details class=\"action danger\" id=\"REFUSE\" open");
        // a supplement request at reception, with the items the citizen must add
        Page asked = desk.post("/can-bo/ho-so/" + code + "/thao-tac", Map.of("action", "REQUEST_SUPPLEMENT",
                "form", "REQUEST_SUPPLEMENT", "version", "0", "reason", "Thiếu giấy tờ",
                "items", "Bản sao giấy chứng tử của vợ\r\nẢnh chân dung 4x6"));
        assertThat(asked.html()).contains("Yêu cầu bổ sung giấy tờ", "Ảnh chân dung 4x6",
                "/can-bo/ho-so/" + code + "/phieu/supplement.pdf?size=A4");
        Page notice = desk.get("/can-bo/ho-so/" + code + "/phieu/supplement.pdf?size=A5");
        assertThat(notice.status()).isEqualTo(200);
        assertThat(notice.html()).startsWith("%PDF-");
        assertThat(desk.get("/can-bo/ho-so/" + code + "/phieu/apology.pdf").status()).isEqualTo(404);
    }

    @Test
    void counterIntakeWithoutJavaScriptThenTheReceipt() {
        PageSession desk = as("tiepnhan.tanphu");
        Page choose = desk.get("/can-bo/tiep-nhan?q=khai+sinh");
        assertThat(choose.status()).isEqualTo(200);
        assertThat(choose.html()).contains("/can-bo/tiep-nhan?thu-tuc=" + BIRTH);
        Page form = desk.get("/can-bo/tiep-nhan?thu-tuc=" + BIRTH);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html()).contains("enctype=\"multipart/form-data\"", "data-upload-url=\"/tai-len\"",
                "name=\"file.TP01\"", "name=\"applicant.fullName\"", "name=\"form.child.fullName\"", "Trực tiếp tại Bộ phận Một cửa")
                .doesNotContain("??");
        assertThat(form.body().length).as("page weight").isLessThan(100_000);
        String key = form.input("idempotencyKey");
        assertThat(key).hasSize(36);

        String phone = TestDossiers.phone();
        Map<String, String> fields = counterForm(phone, key);
        List<FilePart> files = scans();
        long before = dossiers();
        Page received = desk.postMultipart("/can-bo/tiep-nhan", fields, files);
        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        Matcher m = CODE_IN_URL.matcher(received.url());
        assertThat(m.find()).as(received.url()).isTrue();
        String code = m.group(1);
        assertThat(received.html()).contains("Đã tiếp nhận hồ sơ " + code, "Được tiếp nhận",
                "/can-bo/ho-so/" + code + "/giay-tiep-nhan.pdf?size=A5", "bản số hóa", "Tiếp nhận trực tiếp");
        Page receipt = desk.get("/can-bo/ho-so/" + code + "/giay-tiep-nhan.pdf?size=A5");
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.contentType()).isEqualTo("application/pdf");
        assertThat(receipt.html()).startsWith("%PDF-");
        JsonNode d = api().as("tiepnhan.tanphu").get("/api/v1/office/dossiers/" + code).json();
        assertThat(d.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(d.get("channel").asString()).isEqualTo("COUNTER");
        assertThat(d.get("attachments").size()).isEqualTo(files.size());
        assertThat(d.get("attachments").get(0).get("digitised").asBoolean()).isTrue();
        assertThat(dossiers()).isEqualTo(before + 1);

        // the same form sent again (a double click, the back button): the same dossier, no second one
        Page again = desk.postMultipart("/can-bo/tiep-nhan", fields, scans());
        assertThat(again.url()).endsWith("/can-bo/ho-so/" + code);
        assertThat(dossiers()).isEqualTo(before + 1);
        // changed after it was received, with the same key: refused with a word, and a new key for a new dossier
        Map<String, String> changed = new LinkedHashMap<>(fields);
        changed.put("applicant.address", "Ấp 2, xã Tiến Hưng");
        Page reused = desk.postMultipart("/can-bo/tiep-nhan", changed, scans());
        assertThat(reused.status()).isEqualTo(200);
        assertThat(reused.html()).contains("Biểu mẫu này đã được gửi và hồ sơ đã được tiếp nhận", "Ấp 2, xã Tiến Hưng");
        assertThat(reused.input("idempotencyKey")).hasSize(36).isNotEqualTo(key);
        assertThat(dossiers()).isEqualTo(before + 1);
    }

    @Test
    void aBadCounterFormShowsEveryProblemNextToItsFieldAndKeepsWhatWasTyped() {
        PageSession desk = as("tiepnhan.tanphu");
        String key = desk.get("/can-bo/tiep-nhan?thu-tuc=" + BIRTH).input("idempotencyKey");
        Map<String, String> fields = counterForm("12345", key);
        fields.put("applicant.fullName", "Trần Thị Cúc");
        fields.put("applicant.idNumber", "999190001234");
        fields.remove("form.child.fullName");
        List<FilePart> onlyTheDeclaration = List.of(scans().getFirst());
        long before = dossiers();
        Page r = desk.postMultipart("/can-bo/tiep-nhan", fields, onlyTheDeclaration);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.url()).endsWith("/can-bo/tiep-nhan");
        String html = r.html();
        assertThat(html).contains("error-summary", "Ba chữ số đầu", "Số điện thoại", "Thiếu giấy tờ bắt buộc TP02",
                "href=\"#applicant-idNumber\"", "href=\"#applicant-phone\"", "href=\"#file-TP02\"",
                "href=\"#form-child-fullName\"", "value=\"Trần Thị Cúc\"", "value=\"999190001234\"", "value=\"12345\"",
                "Đã tải lên: tp01.pdf", "aria-invalid=\"true\"");
        assertThat(r.input("idempotencyKey")).isEqualTo(key);
        String kept = r.input("fileId.TP01");
        assertThat(kept).hasSize(36);
        assertThat(dossiers()).isEqualTo(before);

        // corrected, without sending the declaration again: the earlier upload is used
        fields.put("applicant.idNumber", "070090001234");
        fields.put("applicant.phone", TestDossiers.phone());
        fields.put("form.child.fullName", "Trần Minh Khôi");
        fields.put("fileId.TP01", kept);
        Page ok = desk.postMultipart("/can-bo/tiep-nhan", fields, List.of(scans().get(1)));
        assertThat(ok.url()).as(ok.toString()).matches(".*/can-bo/ho-so/[^/]+$");
        assertThat(dossiers()).isEqualTo(before + 1);
    }

    @Test
    void anotherAgencysOfficerGets404AndCitizensNoWorkspace() {
        String code = submitOnline(TestDossiers.phone());
        String fileId = api().as("tiepnhan.tanphu").get("/api/v1/office/dossiers/" + code).json()
                .get("attachments").get(0).get("fileId").asString();
        PageSession other = as("tiepnhan.tienhung");
        Page page = other.get("/can-bo/ho-so/" + code);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.html()).contains("Không tìm thấy hồ sơ").doesNotContain("Nguyễn Văn An");
        assertThat(other.get("/can-bo/ho-so/" + code + "/tep/" + fileId).status()).isEqualTo(404);
        assertThat(other.get("/can-bo/ho-so/" + code + "/tep/not-a-uuid").status()).isEqualTo(404);
        assertThat(other.get("/can-bo/ho-so/" + code + "/giay-tiep-nhan.pdf").status()).isEqualTo(404);
        assertThat(other.post("/can-bo/ho-so/" + code + "/thao-tac",
                Map.of("action", "ACCEPT", "form", "ACCEPT", "version", "0")).status()).isEqualTo(404);
        assertThat(other.get("/can-bo?view=ALL&q=" + URLEncoder.encode(code, StandardCharsets.UTF_8)).html())
                .doesNotContain("/can-bo/ho-so/" + code);
        assertThat(as("congdan1").get("/can-bo").status()).isEqualTo(403);
        assertThat(as("chuyenvien.tanphu").get("/can-bo/tiep-nhan").status()).isEqualTo(403);
        Page anonymous = new PageSession(port).get("/can-bo/ho-so/" + code);
        assertThat(anonymous.url()).contains("/dang-nhap");
    }

    /** Accepted and forwarded through the API: PROCESSING at the specialist's step, version 2. */
    String processing(String phone) {
        String code = submitOnline(phone);
        TestApi desk = api().as("tiepnhan.tanphu");
        assertThat(desk.post("/api/v1/office/dossiers/" + code + "/actions", Map.of("action", "ACCEPT", "version", 0))
                .status()).isEqualTo(200);
        assertThat(desk.post("/api/v1/office/dossiers/" + code + "/actions", Map.of("action", "FORWARD", "version", 1))
                .status()).isEqualTo(200);
        return code;
    }

    Page act(PageSession who, String code, Map<String, String> fields) {
        Page page = who.get("/can-bo/ho-so/" + code);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("form", fields.get("action"));
        all.put("version", page.input("version"));
        return who.post("/can-bo/ho-so/" + code + "/thao-tac", all);
    }

    JsonNode dossier(String code) {
        return api().as("tiepnhan.tanphu").get("/api/v1/office/dossiers/" + code).json();
    }

    @Test
    void everyTurnOfTheProcessFromThePages() {
        String code = processing(TestDossiers.phone());
        PageSession leader = as("lanhdao.tanphu");
        Page atSpecialist = leader.get("/can-bo/ho-so/" + code);
        assertThat(atSpecialist.html()).contains("Thụ lý, thẩm định", "Phê duyệt, ký", "Đang xử lý");
        assertThat(atSpecialist.body().length).isLessThan(100_000);
        assertThat(atSpecialist.actionForm("ASSIGN")).contains("value=\"chuyenvien.tanphu\"");
        assertThat(atSpecialist.actionForm("COMPLETE")).isNull();
        Page assigned = act(leader, code, Map.of("action", "ASSIGN", "assignee", "chuyenvien.tanphu"));
        assertThat(assigned.html()).contains("Phân công: đã thực hiện", "Chuyên viên Phường Tân Phú");

        // consultation of another agency, which answers from its own workspace
        PageSession specialist = as("chuyenvien.tanphu");
        Page search = specialist.get("/can-bo/ho-so/" + code + "?mo=CONSULT&coquan=so+tu+phap");
        assertThat(search.html()).contains("<details class=\"action\" id=\"CONSULT\" open", "value=\"70.S.TP\"");
        assertThat(specialist.get("/can-bo/co-quan?coquan=tu%20phap").html()).contains("value=\"70.S.TP\"")
                .doesNotContain("<html");
        Page noAgency = act(specialist, code, Map.of("action", "CONSULT", "reason", "Xin ý kiến về hộ tịch"));
        assertThat(noAgency.html()).contains("Phải chọn cơ quan.", "href=\"#CONSULT-agencyCode\"");
        Page consulted = act(specialist, code, Map.of("action", "CONSULT", "agencyCode", "70.S.TP",
                "reason", "Đề nghị cho ý kiến về tình trạng hôn nhân trước đây"));
        assertThat(consulted.html()).contains("Xin ý kiến: đã thực hiện", "Gửi Sở Tư pháp", "Chưa trả lời.");
        PageSession department = as("chuyenvien.sotuphap");
        Page asked = department.get("/can-bo/ho-so/" + code);
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.actionForm("ANSWER_CONSULTATION")).contains("name=\"reason\"");
        Page answered = act(department, code, Map.of("action", "ANSWER_CONSULTATION",
                "reason", "Không có thông tin đăng ký kết hôn trước đây"));
        assertThat(answered.url()).endsWith("/can-bo");
        assertThat(answered.html()).contains("Trả lời xin ý kiến: đã thực hiện với hồ sơ " + code);
        assertThat(department.get("/can-bo/ho-so/" + code).status()).isEqualTo(404);
        assertThat(specialist.get("/can-bo/ho-so/" + code).html()).contains("Không có thông tin đăng ký kết hôn");

        // fees: requested (the clock stops), confirmed by reception (it runs again)
        Page fee = act(specialist, code, Map.of("action", "REQUEST_PAYMENT", "amount", "50.000"));
        assertThat(fee.html()).contains("Yêu cầu thực hiện nghĩa vụ tài chính", "50.000 đồng", "tạm dừng tính thời gian");
        PageSession desk = as("tiepnhan.tanphu");
        assertThat(desk.get("/can-bo?view=WAITING&q=" + code).html()).contains("/can-bo/ho-so/" + code);
        Page paid = act(desk, code, Map.of("action", "CONFIRM_PAYMENT"));
        assertThat(paid.html()).contains("Xác nhận đã nộp phí: đã thực hiện", "Đang xử lý");

        // an apology with a new appointment, in Vietnam time
        OffsetDateTime due = OffsetDateTime.parse(dossier(code).get("dueAt").asString());
        var newDue = OffsetDateTime.parse(TestDossiers.newDue(calendar, due.toString(), 2))
                .atZoneSameInstant(ZoneId.of("Asia/Ho_Chi_Minh")).withSecond(0).withNano(0);
        Page early = act(specialist, code, Map.of("action", "APOLOGIZE", "reason", "Chờ ý kiến",
                "newDueAt", due.minusDays(1).atZoneSameInstant(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDateTime()
                        .withSecond(0).withNano(0).toString()));
        assertThat(early.html()).contains("Ngày hẹn trả mới phải sau ngày hẹn hiện tại", "href=\"#APOLOGIZE-newDueAt\"");
        Page apology = act(specialist, code, Map.of("action", "APOLOGIZE", "reason", "Chờ ý kiến cơ quan khác",
                "newDueAt", newDue.toLocalDateTime().toString()));
        assertThat(apology.html()).contains("Xin lỗi, hẹn lại ngày trả: đã thực hiện", "hẹn ban đầu",
                "/can-bo/ho-so/" + code + "/phieu/apology.pdf?size=A4");
        assertThat(OffsetDateTime.parse(dossier(code).get("dueAt").asString())).isEqualTo(newDue.toOffsetDateTime());
        assertThat(apology.actionForm("APOLOGIZE")).isNull();

        // to the leader, who signs off with a result sent without JavaScript; reception returns it
        Page forwarded = act(specialist, code, Map.of("action", "FORWARD", "note", "Đủ điều kiện cấp"));
        assertThat(forwarded.html()).contains("Chuyển xử lý: đã thực hiện", "Đủ điều kiện cấp");
        Page noResult = act(leader, code, Map.of("action", "COMPLETE"));
        assertThat(noResult.html()).contains("Phải đính kèm ít nhất một tệp kết quả", "href=\"#COMPLETE-result-0\"");
        Page page = leader.get("/can-bo/ho-so/" + code);
        assertThat(page.actionForm("COMPLETE")).contains("enctype=\"multipart/form-data\"");
        Page badSecond = leader.postMultipart("/can-bo/ho-so/" + code + "/thao-tac",
                Map.of("action", "COMPLETE", "form", "COMPLETE", "version", page.input("version")),
                List.of(new FilePart("result.0", "ket-qua.pdf", "application/pdf", TestDossiers.pdf("ket qua")),
                        new FilePart("result.1", "phu-luc.pdf", "application/pdf", "not a pdf".getBytes())));
        assertThat(badSecond.status()).isEqualTo(200);
        assertThat(badSecond.html()).contains("href=\"#COMPLETE-result-1\"", "Đã tải lên: ket-qua.pdf");
        assertThat(dossier(code).get("status").asString()).isEqualTo("PROCESSING");
        String kept = badSecond.input("id.result.0");
        assertThat(kept).hasSize(36);
        Page completed = leader.postMultipart("/can-bo/ho-so/" + code + "/thao-tac", Map.of("action", "COMPLETE",
                "form", "COMPLETE", "version", badSecond.input("version"), "id.result.0", kept), List.of());
        assertThat(completed.html()).as(completed.toString()).contains("Hoàn thành xử lý: đã thực hiện",
                "Đã xử lý xong", "ket-qua.pdf", "kết quả giải quyết");
        Page returned = act(desk, code, Map.of("action", "RETURN_RESULT"));
        assertThat(returned.html()).contains("Trả kết quả: đã thực hiện", "Đã trả kết quả");
        assertThat(returned.html()).doesNotContain("class=\"action-form\"");
        assertThat(dossier(code).get("status").asString()).isEqualTo("RETURNED");
    }

    @Test
    void aLeaderRejectsAfterAppraisalAndPrintsTheRejection() {
        String code = processing(TestDossiers.phone());
        PageSession leader = as("lanhdao.tanphu");
        Page page = leader.get("/can-bo/ho-so/" + code);
        assertThat(page.html()).contains("Xác nhận từ chối giải quyết", "Xác nhận dừng xử lý");
        Page rejected = act(leader, code, Map.of("action", "REJECT", "reason", "Không đủ điều kiện theo quy định"));
        assertThat(rejected.html()).contains("Từ chối giải quyết: đã thực hiện", "Không đủ điều kiện theo quy định",
                "/can-bo/ho-so/" + code + "/phieu/rejection.pdf?size=A5");
        Page pdf = leader.get("/can-bo/ho-so/" + code + "/phieu/rejection.pdf?size=A5");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.html()).startsWith("%PDF-");
        PageSession english = new PageSession(port, "en").logIn("lanhdao.tanphu");
        assertThat(english.get("/can-bo/ho-so/" + code + "?lang=en").html()).contains("Dossier " + code, "History",
                "Rejection after appraisal").doesNotContain("??");
        PageSession desk = new PageSession(port, "en").logIn("tiepnhan.tanphu");
        assertThat(desk.get("/can-bo/tiep-nhan?lang=en").html()).contains("Receive a dossier").doesNotContain("??");
        assertThat(desk.get("/can-bo/tiep-nhan?thu-tuc=" + BIRTH).html()).contains("The applicant is", "Uploaded:")
                .doesNotContain("??");
    }

    /** The counter form for a birth registration as a browser sends it: applicant, the eForm example, the key. */
    private Map<String, String> counterForm(String phone, String key) {
        JsonNode procedure = api().get("/api/v1/procedures/" + BIRTH).json();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("procedureCode", BIRTH);
        fields.put("idempotencyKey", key);
        fields.put("channel", "COUNTER");
        fields.put("applicant.type", "PERSON");
        TestDossiers.applicant(phone).forEach((k, v) -> fields.put("applicant." + k, String.valueOf(v)));
        flatten("form", procedure.get("formSchema").get("examples").get(0), fields);
        return fields;
    }

    /** One scan per required component of the birth registration (TP01, TP02). */
    private List<FilePart> scans() {
        JsonNode procedure = api().get("/api/v1/procedures/" + BIRTH).json();
        List<FilePart> out = new ArrayList<>();
        for (JsonNode c : procedure.get("components")) {
            if (c.get("required").asBoolean()) {
                String code = c.get("code").asString();
                out.add(new FilePart("file." + code, code.toLowerCase() + ".pdf", "application/pdf",
                        TestDossiers.pdf(code)));
            }
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            n.properties().forEach(e -> flatten(prefix + "." + e.getKey(), e.getValue(), out));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                flatten(prefix + "[" + i + "]", n.get(i), out);
            }
        } else if (!n.isNull()) {
            out.put(prefix, n.isBoolean() ? String.valueOf(n.asBoolean()) : n.asString());
        }
    }
}
