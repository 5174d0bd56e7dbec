package vn.motcua.dossier;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.Browser.accessible;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.Browser;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/** A citizen on a phone: apply online → accepted → receipt → track; supplement; download and rate. */
@IntegrationTest
class CitizenBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();
    static Path scan;

    @LocalServerPort
    int port;

    @BeforeAll
    static void open() throws Exception {
        scan = Files.createTempFile("to-khai", ".pdf");
        Files.write(scan, TestDossiers.pdf("to khai CT01"));
    }

    Page loggedIn(String username) {
        Page page = browser.phone("vi-VN");
        browser.logIn(page, username, null);
        return page;
    }

    /** Applies for "Xóa đăng ký tạm trú" (generic eForm, one required document) and returns the dossier code. */
    String applyOnline(Page page) {
        page.navigate(browser.url("/thu-tuc/1.010028"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nộp hồ sơ trực tuyến")).click();
        page.waitForURL("**/nop-ho-so/1.010028");
        assertThat(page.locator("#applicant-fullName")).hasValue("Nguyễn Văn An");
        accessible(page, "apply page");
        page.locator("#form-requestContent").fill("Đề nghị xóa đăng ký tạm trú tại phường Tân Phú do đã chuyển đi nơi khác.");
        page.locator("#form-resultCopies").fill("1");
        page.locator("input[name='form.resultDelivery']").first().check();
        page.setInputFiles("#file-TP01", scan);
        assertThat(page.locator("#status-TP01")).containsText("Đã tải lên");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nộp hồ sơ").setExact(true)).click();
        page.waitForURL("**/ho-so/H10*");
        assertThat(page.locator("[role=status]")).containsText("Đã nộp hồ sơ");
        accessible(page, "dossier page");
        return page.url().substring(page.url().lastIndexOf('/') + 1);
    }

    @Test
    void applyOnlineThenAcceptedThenReceiptThenTrack() {
        Page page = loggedIn("congdan1");
        String code = applyOnline(page);
        TestApi desk = new TestApi(port).as("tiepnhan.tanphu");
        JsonNode d = desk.get("/api/v1/office/dossiers/" + code).json();
        assertThat(d.get("status").asString()).isEqualTo("SUBMITTED");
        desk.post("/api/v1/office/dossiers/" + code + "/actions", Map.of("action", "ACCEPT", "version", d.get("version").asInt()));

        page.reload();
        assertThat(page.getByText("Được tiếp nhận").first()).isVisible();
        var pdf = page.request().get(browser.url("/ho-so/" + code + "/giay-tiep-nhan.pdf"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");

        Page anyone = browser.phone("vi-VN");
        anyone.navigate(browser.url("/tra-cuu?ma=" + code));
        anyone.getByLabel("Số điện thoại người nộp").fill("0912345678");
        anyone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm kiếm")).click();
        assertThat(anyone.locator("h2")).hasText(code);
        assertThat(anyone.getByText("Được tiếp nhận").first()).isVisible();
        assertThat(anyone.content()).doesNotContain("070090001234").doesNotContain("Nguyễn Văn An");
        accessible(anyone, "tracking page");
    }

    @Test
    void aSupplementIsRequestedSuppliedAndTheDueMomentRestarts() {
        Page page = loggedIn("congdan1");
        String code = applyOnline(page);
        TestApi api = new TestApi(port);
        TestApi desk = api.as("tiepnhan.tanphu");
        JsonNode d = desk.get("/api/v1/office/dossiers/" + code).json();
        d = ProcessingApiTest.act(desk, d, "ACCEPT", Map.of());
        d = ProcessingApiTest.act(desk, d, "FORWARD", Map.of());
        OffsetDateTime firstDue = OffsetDateTime.parse(d.get("dueAt").asString());
        ProcessingApiTest.act(api.as("chuyenvien.tanphu"), d, "REQUEST_SUPPLEMENT",
                Map.of("reason", "Tờ khai chưa có chữ ký", "items", List.of("Tờ khai CT01 có chữ ký")));

        page.reload();
        assertThat(page.locator("#bo-sung")).containsText("Tờ khai chưa có chữ ký");
        page.setInputFiles("#file-TP01", scan);
        assertThat(page.locator("#status-TP01")).containsText("Đã tải lên");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi bổ sung")).click();
        assertThat(page.getByText("Đã gửi giấy tờ bổ sung")).isVisible();
        assertThat(page.getByText("Đang xử lý").first()).isVisible();
        JsonNode after = desk.get("/api/v1/office/dossiers/" + code).json();
        assertThat(after.get("status").asString()).isEqualTo("PROCESSING");
        assertThat(OffsetDateTime.parse(after.get("clockStartedAt").asString()))
                .as("the time restarts from the supplement").isAfterOrEqualTo(OffsetDateTime.parse(d.get("clockStartedAt").asString()));
        JsonNode history = desk.get("/api/v1/office/dossiers/" + code + "/history").json();
        JsonNode supply = history.get(history.size() - 1);
        assertThat(supply.get("action").asString()).isEqualTo("SUPPLY");
        assertThat(supply.get("dueAt").asString()).isEqualTo(after.get("dueAt").asString());
        assertThat(OffsetDateTime.parse(after.get("dueAt").asString())).isAfterOrEqualTo(firstDue);
    }

    @Test
    void theCitizenDownloadsTheResultAndRatesOnce() {
        Page page = loggedIn("congdan1");
        String code = applyOnline(page);
        TestApi api = new TestApi(port);
        TestApi desk = api.as("tiepnhan.tanphu");
        TestApi leader = api.as("lanhdao.tanphu");
        JsonNode d = desk.get("/api/v1/office/dossiers/" + code).json();
        d = ProcessingApiTest.act(desk, d, "ACCEPT", Map.of());
        d = ProcessingApiTest.act(desk, d, "FORWARD", Map.of());
        d = ProcessingApiTest.act(api.as("chuyenvien.tanphu"), d, "FORWARD", Map.of());
        d = ProcessingApiTest.act(leader, d, "COMPLETE", Map.of("attachments",
                List.of(Map.of("fileId", TestDossiers.upload(leader, "xac-nhan-xoa-tam-tru.pdf")))));
        ProcessingApiTest.act(desk, d, "RETURN_RESULT", Map.of());

        page.reload();
        assertThat(page.getByText("Đã trả kết quả").first()).isVisible();
        var link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("xac-nhan-xoa-tam-tru.pdf"));
        assertThat(link).isVisible();
        var download = page.request().get(browser.url(link.getAttribute("href")));
        assertThat(download.status()).isEqualTo(200);
        page.getByLabel("Hài lòng", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Góp ý (không bắt buộc)").fill("Cán bộ hướng dẫn tận tình.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi đánh giá")).click();
        assertThat(page.getByText("Cảm ơn bạn đã đánh giá")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi đánh giá"))).hasCount(0);
        accessible(page, "returned dossier page");
    }
}
