package vn.motcua.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.Browser.accessible;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.motcua.test.Browser;
import vn.motcua.test.IntegrationTest;

/** A citizen on a cheap phone finds a procedure without typing diacritics and reads its page. */
@IntegrationTest
class PortalBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void searchWithoutDiacriticsAndOpenTheProcedure() {
        Page page = browser.phone("vi-VN");
        page.navigate(browser.base() + "/");
        accessible(page, "home page");
        page.getByLabel("Tìm thủ tục hành chính").fill("dang ky khai sinh");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Tìm kiếm")).click();
        page.waitForURL("**/thu-tuc?q=**");
        accessible(page, "results page");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Đăng ký khai sinh").setExact(true)).first().click();
        page.waitForURL("**/thu-tuc/1.001193");
        assertThat(page.locator("h1")).hasText("Đăng ký khai sinh");
        assertThat(page.locator("html")).hasAttribute("lang", "vi");
        assertThat(page.getByText("Thành phần hồ sơ")).isVisible();
        accessible(page, "procedure page");
    }

    @Test
    void typingInTheSearchBoxUpdatesResultsInPlace() {
        Page page = browser.desktop("vi-VN");
        page.navigate(browser.base() + "/thu-tuc");
        page.locator("#q").pressSequentially("tam tru", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(20));
        assertThat(page.locator("#results")).containsText("Đăng ký tạm trú");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*q=tam(\\+|%20)tru.*"));
    }
}
