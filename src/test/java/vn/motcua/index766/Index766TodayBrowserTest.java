package vn.motcua.index766;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.test.Browser;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;

/**
 * Issue 11 on a phone (360 px, headless Chromium, axe-core): Xã Tiến Hưng's leader reads March 2024 on the 766
 * dashboard by the units of the time, switches to today's units and sees Phường Bình Phước, formed from Tiến Hưng,
 * Tân Phú and four other communes, with their dossiers; the address keeps the choice, so it can be shared; the
 * report page offers the same choice.
 */
@IntegrationTest
class Index766TodayBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @AfterEach
    void reset() {
        clock.reset();
    }

    Page loggedIn(String username) {
        return browser.logIn(browser.phone("vi-VN"), username, "/can-bo");
    }

    static void fits(Page page, String what) {
        assertThat((Number) page.evaluate("document.documentElement.scrollWidth")).as(what + ": no sideways scrolling")
                .satisfies(w -> assertThat(w.intValue()).isLessThanOrEqualTo(360));
        Browser.accessible(page, what);
    }

    @Test
    void aLeaderSwitchesA2024PeriodToTodaysUnitsAndSeesTheWardWithTheFormerCommunesDossiers() throws Exception {
        List<String> codes = Index766TodayUnitsTest.filedIn2024(port, clock);
        TestApi api = new TestApi(port);
        long tienHung = Index766TodayUnitsTest.received(api, "25213", "AT_PERIOD");
        long ward = Index766TodayUnitsTest.received(api, "25195", "TODAY");
        assertThat(ward).isGreaterThan(tienHung);

        Page page = loggedIn("lanhdao.tienhung");
        page.navigate(browser.url("/chi-so-766?period=" + Index766TodayUnitsTest.PERIOD));
        assertThat(page.locator("#unit")).hasValue("25213"); // their commune, as it was in 2024
        assertThat(page.locator(".index766-meta")).containsText("Xã Tiến Hưng");
        assertThat(page.locator(".index766-meta")).containsText("Theo đơn vị tại kỳ báo cáo");
        assertThat(page.getByLabel("Theo đơn vị tại kỳ báo cáo")).isChecked();
        String received = "tr[data-indicator='3.3'] td[data-label='Tổng số']";
        assertThat(page.locator(received)).hasText(String.valueOf(tienHung));
        fits(page, "2024 by the units of the time at 360 px");

        page.getByLabel("Theo đơn vị hiện nay").check();
        page.locator("form[role=search] button[type=submit]").click();
        page.waitForURL("**units=TODAY**");
        assertThat(page.locator(".index766-meta")).containsText("Phường Bình Phước");
        assertThat(page.locator(".index766-meta")).containsText("Theo đơn vị hiện nay");
        assertThat(page.locator(".index766-meta")).containsText("Tháng 3/2024");
        assertThat(page.locator(".formed-from")).containsText("Xã Tiến Hưng");
        assertThat(page.locator(".formed-from")).containsText("Phường Tân Phú");
        assertThat(page.locator(received)).hasText(String.valueOf(ward));
        assertThat(page.locator("#unit")).hasValue("25195");
        assertThat(page.locator("#unit option[value='25213']")).hasCount(0); // today's wards only
        assertThat(page.getByLabel("Theo đơn vị hiện nay")).isChecked();
        fits(page, "2024 by today's units at 360 px");
        String shared = page.url();

        // the former communes' dossiers behind the number
        page.locator("tr[data-indicator='3.3'] a[href*='part=denominator']").click();
        page.waitForURL("**/chi-so-766/3.3**");
        assertThat(page.locator("p.meta").first()).containsText("Phường Bình Phước");
        for (String code : codes) {
            assertThat(page.getByRole(AriaRole.ROW).filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText(code))).hasCount(1);
        }
        fits(page, "drill-down by today's units at 360 px");

        // the address keeps the choice: another leader opening it sees the same
        Page other = loggedIn("lanhdao.tanphu");
        other.navigate(shared);
        assertThat(other.locator(".index766-meta")).containsText("Phường Bình Phước");
        assertThat(other.locator(received)).hasText(String.valueOf(ward));
        assertThat(other.getByLabel("Theo đơn vị hiện nay")).isChecked();

        // the report page offers the same choice
        other.navigate(browser.url("/bao-cao/theo-don-vi?from=2024-03-01&to=2024-03-31"));
        assertThat(other.getByLabel("Theo đơn vị tại kỳ báo cáo")).isChecked();
        assertThat(other.locator("table tbody")).containsText("Xã Tiến Hưng");
        other.getByLabel("Theo đơn vị hiện nay").check();
        other.locator("form[role=search] button[type=submit]").click();
        other.waitForURL("**units=TODAY**");
        assertThat(other.locator("table tbody")).containsText("Phường Bình Phước");
        assertThat(other.locator("table tbody")).not().containsText("Xã Tiến Hưng");
        assertThat(other.locator("p.meta").first()).containsText("theo đơn vị hiện nay");
        assertThat(other.locator("a.btn[href*='.xlsx']")).hasAttribute("href",
                java.util.regex.Pattern.compile("units=TODAY"));
        fits(other, "report by today's units at 360 px");
    }
}
