package vn.motcua.dossier;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.Browser.accessible;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.motcua.test.Browser;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestDossiers;

/**
 * The typical marital-status request (1.004873: for oneself, current status, never married, to marry) on a 360 px
 * phone takes 4 screens in all: where and who (pre-filled from the profile), the four case questions, only the
 * blocks that apply (the person pre-filled, the intended spouse) with the declaration upload, and the confirmation.
 * The blocks of other cases (authorisation, past residence, current spouse, divorce, death, other purpose) are never
 * shown; each screen passes axe-core and does not scroll sideways. Heights are printed for the report.
 */
@IntegrationTest
class MaritalEFormBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    record Screen(String name, int height) {
    }

    Screen screen(Page page, String name) {
        page.waitForLoadState();
        accessible(page, name);
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as(name + ": no sideways scrolling at 360 px").isTrue();
        return new Screen(name, ((Number) page.evaluate("document.documentElement.scrollHeight")).intValue());
    }

    @Test
    void theTypicalRequestTakesFourScreensAndShowsOnlyWhatApplies() {
        Page page = browser.phone("vi-VN");
        page.navigate(browser.url("/dang-nhap"));
        page.getByLabel("Tên đăng nhập").fill("congdan1");
        page.getByLabel("Mật khẩu", new Page.GetByLabelOptions().setExact(true)).fill("demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
        page.waitForLoadState();
        page.navigate(browser.url("/thu-tuc/1.004873"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nộp hồ sơ trực tuyến")).click();

        List<Screen> screens = new ArrayList<>();
        // 1. where and who: the office of the profile's ward and the applicant, pre-filled
        assertThat(page.locator(".step")).hasText("Bước 1/3");
        assertThat(page.locator("#agencyCode")).hasValue(TestDossiers.TAN_PHU);
        assertThat(page.locator("#applicant-fullName")).hasValue("Nguyễn Văn An");
        assertThat(page.locator("#form-person")).hasCount(0);
        screens.add(screen(page, "1 nơi nộp, người nộp"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tiếp tục")).click();

        // 2. the case questions only; continuing without answering names the question
        assertThat(page.locator(".step")).hasText("Bước 2/3");
        assertThat(page.locator("fieldset.radios")).hasCount(4);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tiếp tục")).click();
        assertThat(page.locator(".step")).hasText("Bước 2/3");
        assertThat(page.locator(".error-summary a[href='#form-purpose']"))
                .containsText("Mục đích sử dụng Giấy xác nhận: hãy chọn một câu trả lời.");
        page.check("#form-requesterRelationship-0");
        page.check("#form-scope-0");
        page.check("#form-maritalStatus-0");
        page.check("#form-purpose-0");
        screens.add(screen(page, "2 trường hợp"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tiếp tục")).click();

        // 3. only what applies: the person (pre-filled from the profile), the intended spouse, the place, copies
        assertThat(page.locator(".step")).hasText("Bước 3/3");
        assertThat(page.locator("#form-person-fullName")).hasValue("Nguyễn Văn An");
        assertThat(page.locator("#form-person-idNumber")).hasValue("070090001234");
        assertThat(page.locator("#form-person-birthDate")).hasValue("1990-05-12");
        for (String other : List.of("authorizationDocument", "residencePeriod", "currentSpouse", "divorceDecision",
                "spouseDeath", "purposeDetail")) {
            assertThat(page.locator("#form-" + other)).hasCount(0);
        }
        assertThat(page.locator("fieldset.radios")).hasCount(1); // the person's sex; the cases are answered
        // the intended spouse applies to this case: required, not "required in some cases"
        assertThat(page.locator("#form-intendedSpouse")).not().containsText("trong một số trường hợp");
        page.check("#form-person-gender-0");
        page.locator("#form-person-ethnicity").fill("Kinh");
        page.locator("#form-person-nationality").fill("Việt Nam");
        page.locator("#form-intendedSpouse-fullName").fill("Trần Thị Hoa");
        page.locator("#form-intendedSpouse-birthDate").fill("1992-09-01");
        page.locator("#form-intendedSpouse-nationality").fill("Việt Nam");
        page.locator("#form-intendedSpouse-identityDocument").fill("070192004567");
        page.locator("#form-intendedSpouse-residence").fill("Ấp 3, xã Tiến Hưng, thành phố Đồng Xoài, tỉnh Bình Phước");
        page.locator("#form-marriagePlace").fill("Ủy ban nhân dân phường Tân Phú, thành phố Đồng Xoài");
        page.locator("#form-copies").fill("1");
        page.locator("#file-TP01").setInputFiles(new FilePayload("to-khai.pdf", "application/pdf",
                TestDossiers.pdf("to khai")));
        assertThat(page.locator("#status-TP01")).containsText("Đã tải lên");
        screens.add(screen(page, "3 tờ khai"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nộp hồ sơ").setExact(true)).click();

        // 4. the confirmation
        page.waitForURL("**/ho-so/*");
        assertThat(page.locator(".notice.success")).containsText("Đã nộp hồ sơ.");
        screens.add(screen(page, "4 xác nhận"));

        assertThat(screens).as("screens in all").hasSizeLessThanOrEqualTo(4);
        screens.forEach(s -> System.out.println("[MaritalEForm 360px] screen " + s.name() + ": " + s.height() + " px"));
        // the dossier holds what was answered on every screen
        assertThat(page.locator("main")).containsText("Trần Thị Hoa");
        assertThat(page.locator("main")).containsText("Hiện tại chưa đăng ký kết hôn với ai");
    }
}
