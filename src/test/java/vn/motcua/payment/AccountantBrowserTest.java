package vn.motcua.payment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.Browser.accessible;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.Browser;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;

/**
 * The accountant on a phone: lands on the day's payments after log-in, sees the totals, downloads the Excel export and
 * records a refund with its reason; the page passes axe-core (WCAG 2.1 AA, serious and critical).
 */
@IntegrationTest
class AccountantBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void theAccountantSeesTheDaysPaymentsExportsThemAndRefundsWithAReason() throws Exception {
        TestApi citizen = new TestApi(port).as("congdan1");
        String code = PaymentFlows.submitted(citizen).get("code").asString();
        JsonNode cash = new TestApi(port).as("tiepnhan.tanphu")
                .post("/api/v1/office/dossiers/" + code + "/payments/cash", Map.of()).json();
        String reference = cash.get("reference").asString();

        Page page = browser.phone("vi-VN");
        browser.logIn(page, "ketoan.tanphu", "/ke-toan/thanh-toan");
        assertThat(page.locator("h1")).hasText("Kế toán: giao dịch thanh toán");
        Locator row = page.locator("#giao-dich li[data-reference='" + reference + "']");
        assertThat(row).containsText("8.000 đồng");
        assertThat(row).containsText("Thành công");
        assertThat(page.locator("#tong-da-thu")).not().hasText("0");
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).as("no sideways page scroll")
                .isLessThanOrEqualTo(360);
        accessible(page, "accountant page");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "accountant-page.png"))
                .setFullPage(true));

        Download download = page.waitForDownload(() -> page.locator("#xuat-excel").click());
        Path xlsx = download.path();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(wb.getSheet("Giao dịch").getLastRowNum()).isPositive();
        }

        row.getByLabel("Lý do hoàn tiền").fill("Thu trùng với biên lai giấy");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Hoàn tiền")).click();
        page.waitForLoadState();
        assertThat(page.locator("[role=status]").first()).containsText("Đã hoàn tiền giao dịch " + reference);
        Locator after = page.locator("#giao-dich li[data-reference='" + reference + "']");
        assertThat(after).containsText("Đã hoàn tiền");
        assertThat(after).containsText("Thu trùng với biên lai giấy");
        accessible(page, "after the refund");
    }
    /** The collections report on a phone: a leader of the agency opens it, filters by month, downloads Excel; axe. */
    @Test
    void aLeaderReadsTheCollectionsReportOnAPhone() throws Exception {
        TestApi citizen = new TestApi(port).as("congdan1");
        String code = PaymentFlows.submitted(citizen).get("code").asString();
        new TestApi(port).as("tiepnhan.tanphu").post("/api/v1/office/dossiers/" + code + "/payments/cash", Map.of());

        Page page = browser.phone("vi-VN");
        browser.logIn(page, "lanhdao.tanphu", null);
        page.navigate(browser.url("/bao-cao"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Báo cáo thu phí, lệ phí và nghĩa vụ tài chính")).click();
        page.waitForURL("**/ke-toan/bao-cao-thu");
        assertThat(page.locator("h1")).hasText("Báo cáo thu phí, lệ phí và nghĩa vụ tài chính");
        assertThat(page.locator("#tong-da-thu")).not().hasText("0");
        page.getByLabel("Tổng hợp theo").selectOption("MONTH");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem")).click();
        page.waitForLoadState();
        assertThat(page.locator("#bao-cao-thu tbody tr").first()).hasAttribute("data-period",
                java.util.regex.Pattern.compile("\\d{4}-\\d{2}"));
        assertThat(page.locator("#bao-cao-thu tfoot")).containsText(",");
        assertThat(page.locator("#ty-le-kenh")).containsText("Tiền mặt tại quầy");
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).as("no sideways page scroll")
                .isLessThanOrEqualTo(360);
        accessible(page, "collections report");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "collections-report.png"))
                .setFullPage(true));
        Download download = page.waitForDownload(() -> page.locator("#xuat-excel").click());
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(download.path()))) {
            assertThat(wb.getSheet("Báo cáo thu").getLastRowNum()).isPositive();
        }
        page.navigate(browser.url("/ke-toan/bao-cao-thu?by=WEEK"));
        assertThat(page.locator("#error-summary")).containsText("by");
    }
}
