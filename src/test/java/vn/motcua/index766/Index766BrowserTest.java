package vn.motcua.index766;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.Browser.accessible;
import static vn.motcua.test.TestDossiers.MARITAL;
import static vn.motcua.test.TestDossiers.TAN_PHU;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

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
        browser.logIn(page, "lanhdao.tanphu", "/can-bo");

        page.navigate(browser.base() + "/chi-so-766?unit=" + TAN_PHU + "&period=" + MONTH);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("766");
        assertThat(page.locator("svg.chart-svg")).hasCount(3); // groups, ranking, trend, drawn by the server
        accessible(page, "dashboard");

        page.locator("a[href*='/chi-so-766/2.1'][href*='part=denominator']").first().click();
        page.waitForURL("**/chi-so-766/2.1**");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("2.1");
        assertThat(page.getByRole(AriaRole.ROW).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(code))).hasCount(1);
        accessible(page, "drill-down");
    }

    /** Words of the design documents and scoring keys a leader must never read (issue 18). */
    static final java.util.regex.Pattern DEVELOPER_WORDS = java.util.regex.Pattern.compile(
            "\\b(LIN|T50|T80|T90|MONITOR|LOCAL|PROXY|NATIONAL|DOMAIN)\\b|§|chưa xác nhận|\\(cấu hình\\)|docs/|\\.md\\b"
                    + "|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}|\\b\\d{4}-\\d{2}\\b|\\b\\d{4}-Q\\d\\b");

    @org.springframework.beans.factory.annotation.Autowired
    java.time.Clock clock;

    @Test
    void aWardLeaderLandsOnTheirWardAndLastMonthAndReadsItOnAPhone() throws InterruptedException {
        String code = receivedAndCounted();
        Page page = browser.phone("vi-VN");
        browser.logIn(page, "lanhdao.tanphu", "/can-bo");

        // the log-in page cached the CSS and scripts: without the cache every resource is counted on the wire
        var cdp = page.context().newCDPSession(page);
        cdp.send("Network.enable");
        com.google.gson.JsonObject noCache = new com.google.gson.JsonObject();
        noCache.addProperty("cacheDisabled", true);
        cdp.send("Network.setCacheDisabled", noCache);
        page.navigate(browser.base() + "/chi-so-766");
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        YearMonth last = YearMonth.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))).minusMonths(1);
        // the officer's header at 360 px: the brand row and a folded menu, not five rows of links (issue 18)
        String headerHeight = "document.querySelector('.site-header').getBoundingClientRect().height";
        double folded = ((Number) page.evaluate(headerHeight)).doubleValue();
        page.evaluate("document.querySelector('.main-nav').classList.remove('fold')");
        double unfolded = ((Number) page.evaluate(headerHeight)).doubleValue();
        page.evaluate("document.querySelector('.main-nav').classList.add('fold')");
        System.out.printf("officer header at 360 px: %.0f px folded, %.0f px with every link shown%n", folded, unfolded);
        assertThat(folded).as("header height at 360 px, menu folded: the brand row and one menu row")
                .isLessThanOrEqualTo(105).isLessThan(unfolded / 2);
        var reports = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Báo cáo").setExact(true));
        assertThat(reports).isHidden();
        page.locator(".nav-fold > summary").click();
        assertThat(reports).isVisible();
        assertThat((Number) page.evaluate("document.documentElement.scrollWidth")).as("the open menu fits at 360 px")
                .satisfies(w -> assertThat(w.intValue()).isLessThanOrEqualTo(360));
        page.locator(".nav-fold > summary").click();
        assertThat(reports).isHidden();
        assertThat(page.locator("#unit")).hasValue("25195"); // the Tân Phú ward, not the province
        assertThat(page.locator("#period")).hasValue(last.toString()); // the last complete month
        assertThat(page.locator(".index766-meta")).containsText("Tháng " + last.getMonthValue() + "/" + last.getYear());

        assertThat((Number) page.evaluate("document.documentElement.scrollWidth")).as("no sideways scrolling at 360 px")
                .satisfies(w -> assertThat(w.intValue()).isLessThanOrEqualTo(360));
        assertThat((Number) page.evaluate("Math.max(...[...document.querySelectorAll('td')].map(td => td.getBoundingClientRect().right))"))
                .as("every table cell inside the screen").satisfies(w -> assertThat(w.doubleValue()).isLessThanOrEqualTo(360));
        assertThat((Number) page.evaluate("document.querySelector('svg.chart-svg').getBoundingClientRect().width"))
                .as("the charts scale to the phone").satisfies(w -> assertThat(w.doubleValue()).isBetween(200.0, 360.0));

        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)"); // the folded 'cách tính' too
        String text = (String) page.evaluate("document.body.innerText");
        assertThat(DEVELOPER_WORDS.matcher(text).results().map(java.util.regex.MatchResult::group).toList())
                .as("no developer codes, raw periods or ISO timestamps").isEmpty();
        assertThat(text).as("the 2.1 explanation and its method in plain words")
                .contains("Hồ sơ được giải quyết trước hoặc đúng ngày hẹn trả kết quả")
                .contains("Điểm = 20 × tỷ lệ đạt")
                .containsPattern("Số liệu tính lúc \\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}");
        // Vietnamese numbers: decimal comma, a space before %, no decimal point in any figure
        assertThat(text).as("no percentage glued to its number").doesNotContainPattern("\\d%")
                .containsPattern("\\d+,\\d\\u00a0%");
        @SuppressWarnings("unchecked")
        java.util.List<String> figures = (java.util.List<String>) page.evaluate(
                "[...document.querySelectorAll('td.num, .kpi strong, h3')].map(e => e.innerText)");
        assertThat(figures).as("the figures").hasSizeGreaterThan(20)
                .noneMatch(f -> f.matches("(?s).*\\d\\.\\d{1,2}(?!\\d).*")); // a dot then 1–2 digits: a decimal point
        assertThat(page.locator(".kpi strong").first().innerText()).matches("\\d{1,3}(,\\d{1,2})?");
        accessible(page, "dashboard at 360 px");

        @SuppressWarnings("unchecked")
        java.util.List<Map<String, Object>> loaded = (java.util.List<Map<String, Object>>) page.evaluate("""
                () => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                  .map(e => ({name: e.name, transfer: e.transferSize, encoded: e.encodedBodySize}))""");
        long transfer = loaded.stream().mapToLong(e -> ((Number) e.get("transfer")).longValue()).sum();
        long encoded = loaded.stream().mapToLong(e -> ((Number) e.get("encoded")).longValue()).sum();
        assertThat(loaded).as("the page and its CSS, scripts and images").hasSizeGreaterThanOrEqualTo(4)
                .noneMatch(e -> String.valueOf(e.get("name")).contains("echarts"));
        System.out.printf("766 dashboard at 360 px on the wire: %,d bytes with headers, %,d bytes of bodies, %d resources%n",
                transfer, encoded, loaded.size());
        assertThat(encoded).as("bodies on the wire: " + loaded).isPositive().isLessThan(300 * 1024);
        assertThat(transfer).as("bytes on the wire with headers: " + loaded).isGreaterThan(encoded)
                .isLessThan(300 * 1024);

        // the drill-down's dossier codes open the dossier
        page.navigate(browser.base() + "/chi-so-766/2.1?unit=" + TAN_PHU + "&period=" + MONTH + "&part=denominator");
        assertThat((Number) page.evaluate("document.documentElement.scrollWidth")).as("drill-down at 360 px")
                .satisfies(w -> assertThat(w.intValue()).isLessThanOrEqualTo(360));
        accessible(page, "drill-down at 360 px");
        var link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code).setExact(true));
        assertThat(link).hasAttribute("href", "/can-bo/ho-so/" + code);
        link.click();
        page.waitForURL("**/can-bo/ho-so/" + code);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(code);

        // another ward's leader may read Tân Phú's drill-down but not open its dossiers: the code is no link
        String other = new vn.motcua.test.PageSession(port).logIn("lanhdao.tienhung")
                .get("/chi-so-766/2.1?unit=" + TAN_PHU + "&period=" + MONTH + "&part=denominator").html();
        assertThat(other).contains(">" + code + "<").doesNotContain("/can-bo/ho-so/" + code);
    }

    @Test
    void theTransparencyPageIsPublicAndReadableOnAPhone() {
        Page page = browser.phone("vi-VN");
        page.navigate(browser.base() + "/cong-khai");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/cong-khai.*"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
        assertThat(page.getByText("/ 100").or(page.getByText("điểm")).first()).isVisible();
        accessible(page, "public page");
    }
}
