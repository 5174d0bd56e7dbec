package vn.motcua.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.Browser.accessible;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.test.Browser;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;

/**
 * On a 360 px phone, a citizen who forgot the password goes from the log-in page to "Quên mật khẩu", receives a
 * code by e-mail, types it with a new password, and logs in with it; both pages pass axe-core.
 */
@IntegrationTest
class PasswordResetBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void fromTheLogInPageToANewPasswordWithACodeSentByEmail() throws Exception {
        String u = "quenmkb" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String email = u + "@example.vn";
        PageSession s = new PageSession(port);
        s.get("/dang-ky");
        s.post("/dang-ky", Map.of("username", u, "password", "mat-khau-cu-1", "fullName", "Lê Văn Quên",
                "email", email, "phone", ""));

        Page page = browser.phone("vi-VN");
        page.navigate(browser.url("/dang-nhap"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quên mật khẩu?")).click();
        assertThat(page).hasURL(browser.url("/quen-mat-khau"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Quên mật khẩu"))).isVisible();
        accessible(page, "the first page");

        // nothing typed: the error summary names the field and links to it
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi mã xác nhận")).click();
        assertThat(page.locator(".error-summary a[href='#resetAccount']"))
                .containsText("Tên đăng nhập, thư điện tử hoặc số điện thoại");

        page.getByLabel("Tên đăng nhập, thư điện tử hoặc số điện thoại").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi mã xác nhận")).click();
        assertThat(page).hasURL(browser.url("/quen-mat-khau/nhap-ma"));
        assertThat(page.locator(".notice.success")).containsText("Mã có hiệu lực 10 phút");
        assertThat(page.getByLabel("Tên đăng nhập, thư điện tử hoặc số điện thoại")).hasValue(email);
        assertThat(page.getByLabel("Mã xác nhận")).hasAttribute("autocomplete", "one-time-code");
        assertThat(page.getByLabel("Mã xác nhận")).hasAttribute("inputmode", "numeric");
        accessible(page, "the code page");
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling at 360 px").isTrue();

        String code = PasswordResetTest.code(email, 1);
        page.getByLabel("Mã xác nhận").fill(code);
        page.getByLabel("Mật khẩu mới").fill("mat-khau-moi-2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đặt lại mật khẩu")).click();
        assertThat(page.locator(".notice.success")).hasText("Đã đặt lại mật khẩu. Vui lòng đăng nhập bằng mật khẩu mới.");

        page.getByLabel("Tên đăng nhập").fill(u);
        page.getByLabel("Mật khẩu", new Page.GetByLabelOptions().setExact(true)).fill("mat-khau-moi-2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
        page.waitForLoadState();
        assertThat(page.url()).doesNotContain("/dang-nhap");
    }
}
