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
import vn.motcua.integration.population.RegistryPerson;
import vn.motcua.integration.population.SimulatedCitizens;
import vn.motcua.test.Browser;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;

/**
 * VNeID login (issue 14) in Chromium on a 360 px phone: a citizen clicks "Đăng nhập bằng VNeID", logs in at the demo's
 * VNeID sandbox, consents, and lands logged in on "Hồ sơ của tôi" with the profile filled from VNeID; a citizen whose
 * number is on a local account sees the merge confirmation. Every page passes axe-core.
 */
@IntegrationTest
class VneidBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    /** From the portal's log-in page to the sandbox's consent, as the person at this index of the sandbox's list. */
    Page toConsent(RegistryPerson person) {
        Page page = browser.phone("vi-VN");
        page.navigate(browser.url("/dang-nhap"));
        accessible(page, "the log-in page with VNeID");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Đăng nhập bằng VNeID")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/vneid-sandbox/dang-nhap.*"));
        assertThat(page.locator(".notice").first()).containsText("KHÔNG phải VNeID thật");
        accessible(page, "the sandbox's log-in");
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling at 360 px").isTrue();
        page.getByLabel(person.fullName() + " — " + person.idNumber(), new Page.GetByLabelOptions().setExact(false))
                .check();
        page.getByLabel("Mức độ 2").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/vneid-sandbox/dong-y.*"));
        assertThat(page.getByText(person.fullName(), new Page.GetByTextOptions().setExact(false)).first()).isVisible();
        accessible(page, "the consent");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đồng ý chia sẻ")).click();
        page.waitForLoadState();
        return page;
    }

    @Test
    void aCitizenLogsInWithVneidAndLandsOnTheirDossiers() {
        RegistryPerson person = SimulatedCitizens.all().get(4);
        Page page = toConsent(person);
        assertThat(page).hasURL(browser.url("/ho-so"));
        accessible(page, "Hồ sơ của tôi");
        page.navigate(browser.url("/tai-khoan"));
        assertThat(page.locator("#vneid-xac-thuc")).containsText("Đã xác thực bằng VNeID (mức độ 2)");
        assertThat(page.getByLabel("Họ và tên")).hasValue(person.fullName());
        assertThat(page.getByLabel("Số định danh cá nhân (12 số)")).hasValue(person.idNumber());
        assertThat(page.getByLabel("Họ và tên")).not().isEditable();
        accessible(page, "the profile");
    }

    @Test
    void aNumberOnALocalAccountAsksBeforeMerging() {
        RegistryPerson person = SimulatedCitizens.all().get(5);
        String u = "vneidb" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        PageSession s = new PageSession(port);
        s.get("/dang-ky");
        s.post("/dang-ky", Map.of("username", u, "password", "mat-khau-" + u, "fullName", "Tên Tự Khai",
                "email", u + "@example.vn", "phone", ""));
        s.logIn(u, "mat-khau-" + u);
        s.get("/tai-khoan");
        s.post("/tai-khoan", Map.of("fullName", "Tên Tự Khai", "idNumber", person.idNumber(),
                "dateOfBirth", person.dateOfBirth().toString(), "phone", "", "email", "", "address", "",
                "communeCode", ""));

        Page page = toConsent(person);
        assertThat(page).hasURL(browser.url("/dang-nhap/vneid/lien-ket"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Liên kết tài khoản VNeID")))
                .isVisible();
        accessible(page, "the merge confirmation");
        page.getByLabel("Mật khẩu của tài khoản đó").fill("sai-mat-khau");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xác nhận và gộp tài khoản")).click();
        assertThat(page.locator(".error-summary")).containsText("Mật khẩu không đúng");
        accessible(page, "the merge confirmation with an error");
        page.getByLabel("Mật khẩu của tài khoản đó").fill("mat-khau-" + u);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xác nhận và gộp tài khoản")).click();
        assertThat(page).hasURL(browser.url("/ho-so"));
    }
}
