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

/**
 * The administrator on a 360 px phone: creates an agency with a real electronic identifier and an officer for it
 * using only the pages; the officer changes the temporary password at the first log-in. axe-core on every page.
 */
@IntegrationTest
class AdministrationBrowserTest {

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

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static void logIn(Page page, String username, String password) {
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("form[action='/dang-nhap'] button[type=submit]").click();
    }

    private static void accessible(Page page, String what) {
        assertThat(Browser.seriousAccessibilityViolations(page)).as(what).isEmpty();
    }

    @Test
    void anAdministratorSetsUpAnAgencyAndAnOfficerWithThePages() {
        Page page = browser.phone("vi-VN");
        page.navigate(url("/dang-nhap"));
        logIn(page, "admin", "demo");
        page.waitForURL("**/quan-tri");
        accessible(page, "admin home");

        page.navigate(url("/quan-tri/co-quan/moi"));
        accessible(page, "new agency form");
        page.locator("#code").fill("TEST.BR.MC");
        page.locator("#name").fill("Bộ phận Một cửa thử nghiệm trình duyệt");
        page.locator("#electronicId").fill("H10.689.25195.MC");
        page.locator("#unitCode").fill("25195");
        page.locator("#procedures").fill("1.004873");
        page.locator("form.office-form button[type=submit]").click();
        assertThat(page.locator("#error-summary")).containsText("Thông tư 01/2018");
        accessible(page, "agency form with an error");
        page.locator("#electronicId").fill("H10.89.01.950");
        page.locator("form.office-form button[type=submit]").click();
        page.waitForURL("**/quan-tri/co-quan/TEST.BR.MC");
        assertThat(page.locator("p.notice.success")).containsText("TEST.BR.MC");
        accessible(page, "agency page");

        page.navigate(url("/quan-tri/tai-khoan/moi"));
        accessible(page, "new account form");
        page.locator("#username").fill("tiepnhan.thunghiem");
        page.locator("#fullName").fill("Đỗ Thị Thử");
        page.selectOption("#agencyCode", "TEST.BR.MC");
        page.locator("#role-RECEPTION").check();
        page.locator("form.office-form button[type=submit]").click();
        String temporary = page.locator("#temporary-password").textContent().trim();
        assertThat(temporary).hasSize(12);
        accessible(page, "account created");

        page.navigate(url("/quan-tri/tai-khoan?agency=TEST.BR.MC"));
        assertThat(page.locator("table")).containsText("Đỗ Thị Thử");
        assertThat(page.locator("table")).containsText("Chờ đổi mật khẩu");
        accessible(page, "account list");
        page.navigate(url("/quan-tri/nhat-ky"));
        assertThat(page.locator("table.audit")).containsText("tiepnhan.thunghiem");
        accessible(page, "audit page");
        page.navigate(url("/quan-tri/tai-khoan?lang=en"));
        assertThat(page.locator("h1")).hasText("Staff accounts");
        page.navigate(url("/quan-tri/tai-khoan?lang=vi"));

        Page officer = browser.phone("vi-VN");
        officer.navigate(url("/dang-nhap"));
        logIn(officer, "tiepnhan.thunghiem", temporary);
        officer.waitForURL("**/doi-mat-khau");
        assertThat(officer.locator("p.notice.warning")).isVisible();
        accessible(officer, "forced password change");
        officer.locator("#currentPassword").fill(temporary);
        officer.locator("#newPassword").fill("mat-khau-rieng-1");
        officer.locator("form[action='/doi-mat-khau'] button[type=submit]").click();
        officer.waitForURL("**/dang-nhap?doi-mat-khau");
        logIn(officer, "tiepnhan.thunghiem", "mat-khau-rieng-1");
        officer.waitForURL("**/can-bo");
    }
}
