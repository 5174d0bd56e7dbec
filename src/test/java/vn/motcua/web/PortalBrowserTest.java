package vn.motcua.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.test.Browser;
import vn.motcua.test.IntegrationTest;

/** A citizen on a cheap phone finds a procedure without typing diacritics and reads its page. */
@IntegrationTest
class PortalBrowserTest {

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

    @Test
    void searchWithoutDiacriticsAndOpenTheProcedure() {
        Page page = browser.phone("vi-VN");
        page.navigate("http://127.0.0.1:" + port + "/");
        assertThat(Browser.seriousAccessibilityViolations(page)).as("home page").isEmpty();
        page.getByLabel("Tìm thủ tục hành chính").fill("dang ky khai sinh");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Tìm kiếm")).click();
        page.waitForURL("**/thu-tuc?q=**");
        assertThat(Browser.seriousAccessibilityViolations(page)).as("results page").isEmpty();
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Đăng ký khai sinh").setExact(true)).first().click();
        page.waitForURL("**/thu-tuc/1.001193");
        assertThat(page.locator("h1")).hasText("Đăng ký khai sinh");
        assertThat(page.locator("html")).hasAttribute("lang", "vi");
        assertThat(page.getByText("Thành phần hồ sơ")).isVisible();
        assertThat(Browser.seriousAccessibilityViolations(page)).as("procedure page").isEmpty();
    }

    @Test
    void typingInTheSearchBoxUpdatesResultsInPlace() {
        Page page = browser.desktop("vi-VN");
        page.navigate("http://127.0.0.1:" + port + "/thu-tuc");
        page.locator("#q").pressSequentially("tam tru", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(20));
        assertThat(page.locator("#results")).containsText("Đăng ký tạm trú");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*q=tam(\\+|%20)tru.*"));
    }
}
