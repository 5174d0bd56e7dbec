package vn.motcua.certification;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.Browser.accessible;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.motcua.signing.internal.Pdfsig;
import vn.motcua.test.Browser;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestDossiers;

/**
 * The e-certification journey in headless Chromium, every page checked with axe-core: a citizen on a phone asks for
 * two certified e-copies of a diploma; the certifier compares, signs (number from the register) and seals; the
 * citizen downloads the signed copy (pdfsig: two valid signatures) and opens its verification page.
 */
@IntegrationTest
class CertificationBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    static void press(Page page, String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    @Test
    void aCitizenGetsASignedNumberedCertifiedCopy() throws Exception {
        Page citizen = browser.logIn(browser.phone("vi-VN"), "congdan1", "/ho-so");
        citizen.navigate(browser.base() + "/chung-thuc");
        accessible(citizen, "the citizen's certification page");
        press(citizen, "Gửi yêu cầu");
        // the browser's own check stops an empty form: fill it
        citizen.locator("#agencyCode").selectOption(TestDossiers.TAN_PHU);
        citizen.locator("#documentName").fill("Bằng tốt nghiệp trung học phổ thông");
        citizen.locator("#file").setInputFiles(new FilePayload("bang.pdf", "application/pdf",
                TestDossiers.pdf("Bang tot nghiep")));
        citizen.locator("#copies").fill("2");
        press(citizen, "Gửi yêu cầu");
        citizen.waitForURL("**/chung-thuc/CT*");
        String code = citizen.url().substring(citizen.url().lastIndexOf('/') + 1);
        assertThat(citizen.locator("[data-status]")).hasText("Đã tiếp nhận");
        assertThat(citizen.locator("[data-fee]")).hasText("4.000 đ");
        accessible(citizen, "the request as the citizen sees it");

        Page certifier = browser.logIn(browser.desktop("vi-VN"), "chungthuc.tanphu", "/chung-thuc/xu-ly");
        assertThat(certifier.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code))).isVisible();
        accessible(certifier, "the certifier's queue");
        certifier.navigate(browser.base() + "/chung-thuc/" + code);
        accessible(certifier, "the request as the certifier sees it");
        press(certifier, "Đã đối chiếu với bản chính, chuyển ký");
        assertThat(certifier.locator("[data-status]")).hasText("Chờ ký");
        press(certifier, "Ký số và cấp số chứng thực");
        assertThat(certifier.locator("[data-status]")).hasText("Chờ đóng dấu");
        assertThat(certifier.locator("[data-number]")).containsText("SCT/BS-ĐT");
        press(certifier, "Đóng dấu điện tử và trả bản sao");
        assertThat(certifier.locator("[data-status]")).hasText("Hoàn thành");
        accessible(certifier, "a completed request");

        citizen.navigate(browser.base() + "/chung-thuc");
        Download download = citizen.waitForDownload(() -> citizen.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Tải bản sao điện tử")).first().click());
        byte[] pdf = Files.readAllBytes(download.path());
        String report = Pdfsig.check(pdf);
        assertThat(Pdfsig.valid(report)).as(report).isEqualTo(2);

        citizen.navigate(browser.base() + "/chung-thuc/" + code);
        // the verification page validates the kept copy with EU DSS: slow on a loaded machine, so a longer wait
        String href = citizen.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Xác thực bản sao"))
                .getAttribute("href");
        citizen.navigate(browser.base() + href, new Page.NavigateOptions().setTimeout(180_000));
        assertThat(citizen.locator("[data-verdict]")).hasAttribute("data-verdict", "VALID");
        accessible(citizen, "the verification page of the copy");
    }
}
