package vn.motcua.dossier;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.Browser.accessible;
import static vn.motcua.test.TestDossiers.MARITAL;
import static vn.motcua.test.TestDossiers.TAN_PHU;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.test.Browser;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/** On a 360 px phone: a citizen tracks with the code typed in lower case; an officer finds a name typed without diacritics. */
@IntegrationTest
class ForgivingSearchBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    String apply(String phone, String name) {
        TestApi citizen = new TestApi(port).as("congdan1");
        var body = new LinkedHashMap<>(TestDossiers.body(citizen, MARITAL, TAN_PHU, phone));
        var applicant = new LinkedHashMap<>(TestDossiers.applicant(phone));
        applicant.put("fullName", name);
        body.put("applicant", applicant);
        var r = citizen.post("/api/v1/dossiers", body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("code").asString();
    }

    @Test
    void aCodeTypedInLowerCaseWithSpacesIsFound() {
        String phone = TestDossiers.phone();
        String code = apply(phone, "Lê Thị Hồng Nhung");
        Page page = browser.phone("vi-VN");
        page.navigate(browser.url("/tra-cuu"));
        page.getByLabel("Mã hồ sơ").fill(" " + code.toLowerCase().replace("-", " - ") + " ");
        page.getByLabel("Số điện thoại người nộp").fill(phone);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm kiếm")).click();
        assertThat(page.locator("h2")).hasText(code);
        assertThat(page.getByText("Không tìm thấy hồ sơ")).hasCount(0);
        assertThat((Number) page.evaluate("document.documentElement.scrollWidth")).as("no sideways scrolling")
                .satisfies(w -> assertThat(w.intValue()).isLessThanOrEqualTo(360));
        accessible(page, "tracking page");
    }

    @Test
    void anOfficerFindsANameTypedWithoutDiacritics() {
        String code = apply(TestDossiers.phone(), "Phạm Thị Thùy Dương");
        Page desk = browser.phone("vi-VN");
        browser.logIn(desk, "tiepnhan.tanphu", "/can-bo");
        desk.navigate(browser.url("/can-bo?view=ALL"));
        desk.locator("#q").fill("pham thi thuy duong");
        desk.locator("#q").press("Enter");
        assertThat(desk.locator("#queue-results")).containsText(code);
        desk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code)).click();
        desk.waitForURL("**/can-bo/ho-so/" + code);
        accessible(desk, "dossier found");
    }
}
