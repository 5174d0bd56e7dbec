package vn.motcua.index766;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.TestDossiers.MARITAL;
import static vn.motcua.test.TestDossiers.TAN_PHU;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.Browser;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * A leader reads the 766 index in headless Chromium: the dashboard of a one-stop with its charts, the drill-down
 * from the on-time indicator to the dossier just received, and the public page on a phone; each checked with
 * axe-core.
 */
@IntegrationTest
class Index766BrowserTest {

    static final String MONTH = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void open() {
        browser = new Browser();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    void accessible(Page page, String what) {
        assertThat(Browser.seriousAccessibilityViolations(page)).as(what).isEmpty();
    }

    /** A dossier received at the Tân Phú counter now, once the index has counted it. */
    String receivedAndCounted() throws InterruptedException {
        TestApi desk = new TestApi(port).as("tiepnhan.tanphu");
        String code = desk.post("/api/v1/office/dossiers", TestDossiers.body(desk, MARITAL, TAN_PHU, TestDossiers.phone()))
                .json().get("code").asString();
        for (int i = 0; i < 150; i++) {
            JsonNode rows = new TestApi(port).as("giamsat").get("/api/v1/index766/2.1/dossiers?unit=" + TAN_PHU + "&period=" + MONTH
                    + "&part=denominator&size=500").json();
            for (JsonNode r : rows.path("items")) {
                if (r.path("code").asString("").equals(code)) {
                    return code;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the index never counted " + code);
    }

    @Test
    void aLeaderReadsTheDashboardAndDrillsDownToTheDossier() throws InterruptedException {
        String code = receivedAndCounted();
        Page page = browser.desktop("vi-VN");
        page.navigate(base() + "/dang-nhap");
        page.getByLabel("Tên đăng nhập").fill("lanhdao.tanphu");
        page.getByLabel("Mật khẩu").fill("demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập").setExact(true)).click();
        page.waitForURL("**/can-bo");

        page.navigate(base() + "/chi-so-766?unit=" + TAN_PHU + "&period=" + MONTH);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("766");
        assertThat(page.locator("[data-index766-chart=groups] canvas")).hasCount(1); // ECharts drew the groups
        accessible(page, "dashboard");

        page.locator("a[href*='/chi-so-766/2.1'][href*='part=denominator']").first().click();
        page.waitForURL("**/chi-so-766/2.1**");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("2.1");
        assertThat(page.getByRole(AriaRole.ROW).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(code))).hasCount(1);
        accessible(page, "drill-down");
    }

    @Test
    void theTransparencyPageIsPublicAndReadableOnAPhone() {
        Page page = browser.phone("vi-VN");
        page.navigate(base() + "/cong-khai");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/cong-khai.*"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
        assertThat(page.getByText("/ 100").or(page.getByText("điểm")).first()).isVisible();
        accessible(page, "public page");
    }
}
