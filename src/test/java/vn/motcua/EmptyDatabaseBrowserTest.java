package vn.motcua;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.Browser.accessible;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import vn.motcua.test.Browser;
import vn.motcua.test.TestConfig;
import vn.motcua.test.TestDossiers;
import vn.motcua.test.TestMail;

/**
 * From an EMPTY database without the demo profile (issue 11, "done means"), in headless Chromium: the first
 * administrator, created from {@code MOTCUA_ADMIN_INITIAL_PASSWORD}, creates a commune one-stop agency, an officer and
 * a procedure on the pages; a citizen signs up and files a dossier online; the officer logs in with the temporary
 * password, chooses their own, and receives the dossier. Its own database, created for this class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "motcua.embedded-postgres.enabled=false",
    "motcua.admin.initial-password=Khoi-tao-2026!",
    "motcua.outbox.interval=200ms",
    "motcua.national-portal.interval=1h",
    "db-scheduler.polling-interval=200ms",
    "spring.mail.host=127.0.0.1",
    "spring.mail.port=${motcua.test.smtp-port}",
    "motcua.limits.upload=100000/1h",
    "motcua.limits.sign-up-source=10000/1h",
    "motcua.limits.login-failure=5/1h fixed, 50/1d",
    "motcua.limits.public-write=100000/1h"
})
@ActiveProfiles("test")
@Import(TestConfig.class)
@ContextConfiguration(initializers = {vn.motcua.test.TestDatabase.OwnDatabase.class, TestMail.Initializer.class})
class EmptyDatabaseBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();
    static Path scan;

    @LocalServerPort
    int port;

    @BeforeAll
    static void open() throws Exception {
        scan = Files.createTempFile("don-de-nghi", ".pdf");
        Files.write(scan, TestDossiers.pdf("don de nghi"));
    }

    Page logIn(String username, String password) {
        Page page = browser.desktop("vi-VN");
        page.navigate(browser.url("/dang-nhap"));
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập").setExact(true)).click();
        page.waitForLoadState();
        return page;
    }

    static void submit(Page page, String label) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label).setExact(true)).click();
        page.waitForLoadState();
    }

    @Test
    void anAdministratorSetsUpACommuneAndACitizenIsServedEndToEnd() {
        // the administrator: an agency, an officer, a procedure, only with the pages
        Page admin = logIn("quantri", "Khoi-tao-2026!");
        admin.navigate(browser.url("/quan-tri/co-quan"));
        assertThat(admin.locator("body")).containsText("Không có cơ quan nào.");
        admin.navigate(browser.url("/quan-tri/co-quan/moi"));
        admin.locator("#code").fill("XA.TANPHU.MC");
        admin.locator("#name").fill("Bộ phận Một cửa UBND phường Tân Phú");
        admin.locator("#electronicId").fill("H10.89.01.002");
        admin.locator("#unitCode").fill("25195");
        submit(admin, "Lưu");
        assertThat(admin).hasURL(java.util.regex.Pattern.compile(".*/quan-tri/co-quan/XA.TANPHU.MC"));

        admin.navigate(browser.url("/quan-tri/tai-khoan/moi"));
        admin.locator("#username").fill("tiepnhan.moi");
        admin.locator("#fullName").fill("Trần Thị Tiếp Nhận");
        admin.locator("#agencyCode").selectOption("XA.TANPHU.MC");
        admin.locator("#role-RECEPTION").check();
        submit(admin, "Tạo tài khoản");
        String temporary = admin.locator("#temporary-password").textContent().trim();
        assertThat(temporary).hasSize(12);

        admin.navigate(browser.url("/quan-tri/thu-tuc/moi"));
        accessible(admin, "new procedure page");
        admin.locator("#code").fill("1.999001");
        admin.locator("#name").fill("Xác nhận thông tin thử nghiệm");
        admin.locator("#fieldName").fill("Hành chính tư pháp");
        admin.locator("#timeAmount").fill("3");
        admin.locator("#timeUnit").selectOption("WORKING_DAYS");
        admin.locator("#fees").fill("Lệ phí | 15000 | Mỗi hồ sơ");
        admin.locator("#components").fill("Đơn đề nghị");
        admin.locator("#agencies").fill("XA.TANPHU.MC");
        admin.locator("#onlineLevel").selectOption("FULL");
        admin.locator("#published").check();
        submit(admin, "Tạo thủ tục");
        assertThat(admin.locator("body")).containsText("Đang công khai");

        // the citizen signs up and files online
        Page citizen = browser.desktop("vi-VN");
        citizen.navigate(browser.url("/dang-ky"));
        citizen.locator("#fullName").fill("Nguyễn Văn An");
        citizen.locator("#username").fill("congdan.moi");
        citizen.locator("#password").fill("mat-khau-cong-dan-1");
        citizen.locator("#phone").fill("0912345678");
        submit(citizen, "Tạo tài khoản");
        assertThat(citizen.locator(".error-summary")).hasCount(0);
        citizen = logIn("congdan.moi", "mat-khau-cong-dan-1");
        citizen.navigate(browser.url("/thu-tuc/1.999001"));
        citizen.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nộp hồ sơ trực tuyến")).click();
        citizen.waitForLoadState();
        assertThat(citizen.url()).as(citizen.locator("main").innerText()).contains("/nop-ho-so/1.999001");
        citizen.locator("#agencyCode").selectOption("XA.TANPHU.MC");
        citizen.locator("#applicant-fullName").fill("Nguyễn Văn An");
        citizen.locator("#applicant-idNumber").fill("070090001234");
        citizen.locator("#applicant-dateOfBirth").fill("1990-05-12");
        citizen.locator("#applicant-phone").fill("0912345678");
        citizen.locator("#applicant-address").fill("Số 12, phường Tân Phú, thành phố Đồng Xoài");
        citizen.locator("#form-requestContent").fill("Đề nghị xác nhận thông tin để bổ sung hồ sơ.");
        citizen.locator("#form-resultCopies").fill("1");
        citizen.locator("input[name='form.resultDelivery']").first().check();
        citizen.setInputFiles("#file-TP01", scan);
        assertThat(citizen.locator("#status-TP01")).containsText("Đã tải lên");
        submit(citizen, "Nộp hồ sơ");
        assertThat(citizen.url()).as(citizen.locator("main").innerText()).contains("/ho-so/H10.89.01.002-");
        String code = citizen.url().substring(citizen.url().lastIndexOf('/') + 1);

        // the officer: first log-in with the temporary password, their own password, then the reception
        Page desk = logIn("tiepnhan.moi", temporary);
        desk.waitForURL("**/doi-mat-khau**");
        desk.locator("#currentPassword").fill(temporary);
        desk.locator("#newPassword").fill("mat-khau-can-bo-1");
        desk.locator("form[action*='doi-mat-khau'] button[type=submit]").click();
        desk.waitForLoadState();
        desk = logIn("tiepnhan.moi", "mat-khau-can-bo-1");
        desk.navigate(browser.url("/can-bo/ho-so/" + code));
        accessible(desk, "the officer's dossier page");
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tiếp nhận hồ sơ").setExact(true)).click();
        assertThat(desk.getByText("Tiếp nhận: đã thực hiện với hồ sơ " + code)).isVisible();

        citizen.navigate(browser.url("/ho-so/" + code));
        assertThat(citizen.locator("body")).containsText("15.000");
    }
}
