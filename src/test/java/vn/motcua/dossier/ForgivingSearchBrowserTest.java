package vn.motcua.dossier;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.TestDossiers.MARITAL;
import static vn.motcua.test.TestDossiers.TAN_PHU;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.test.Browser;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/** On a 360 px phone: a citizen tracks with the code typed in lower case; an officer finds a name typed without diacritics. */
@IntegrationTest
class ForgivingSearchBrowserTest {

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

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

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
        page.navigate(url("/tra-cuu"));
        page.getByLabel("Mã hồ sơ").fill(" " + code.toLowerCase().replace("-", " - ") + " ");
        page.getByLabel("Số điện thoại người nộp").fill(phone);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm kiếm")).click();
        assertThat(page.locator("h2")).hasText(code);
        assertThat(page.getByText("Không tìm thấy hồ sơ")).hasCount(0);
        assertThat((Number) page.evaluate("document.documentElement.scrollWidth")).as("no sideways scrolling")
                .satisfies(w -> assertThat(w.intValue()).isLessThanOrEqualTo(360));
        assertThat(Browser.seriousAccessibilityViolations(page)).as("tracking page").isEmpty();
    }

    @Test
    void anOfficerFindsANameTypedWithoutDiacritics() {
        String code = apply(TestDossiers.phone(), "Phạm Thị Thùy Dương");
        Page desk = browser.phone("vi-VN");
        desk.navigate(url("/dang-nhap"));
        desk.getByLabel("Tên đăng nhập").fill("tiepnhan.tanphu");
        desk.getByLabel("Mật khẩu").fill("demo");
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập").setExact(true)).click();
        desk.waitForURL("**/can-bo");
        desk.navigate(url("/can-bo?view=ALL"));
        desk.locator("#q").fill("pham thi thuy duong");
        desk.locator("#q").press("Enter");
        assertThat(desk.locator("#queue-results")).containsText(code);
        desk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code)).click();
        desk.waitForURL("**/can-bo/ho-so/" + code);
        assertThat(Browser.seriousAccessibilityViolations(desk)).as("dossier found").isEmpty();
    }
}
