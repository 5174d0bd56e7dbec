package vn.motcua.feedback;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.Browser.accessible;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.motcua.test.Browser;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestDossiers;

/**
 * The feedback journey (issue 15) in headless Chromium, every page checked with axe-core: a citizen on a phone
 * sends a feedback with a photo and gets its code; the one-stop desk classifies and routes it; the specialist
 * answers, the leader approves, the desk publishes; the citizen finds the public answer by its code and rates it;
 * a photo of the wrong kind is stopped before it is sent, in Vietnamese.
 */
@IntegrationTest
class FeedbackBrowserTest {

    static final Pattern CODE = Pattern.compile("PA-\\d{6}-\\d{5,}");

    @RegisterExtension
    static final Browser browser = new Browser();

    Page logIn(String username) {
        Page page = browser.desktop("vi-VN");
        browser.logIn(page, username, "/can-bo");
        return page;
    }

    /** Takes the desk action of that name on the officer's page of the item. */
    void act(Page officer, String code, String action, String note) {
        officer.navigate(browser.base() + "/can-bo/phan-anh/" + code);
        Locator form = officer.locator("#action-" + action);
        assertThat(form).isVisible();
        if (note != null) {
            form.locator("textarea").fill(note);
        }
        form.locator("button[type=submit]").click();
        officer.waitForLoadState();
    }

    @Test
    void aCitizensFeedbackIsAnsweredPublishedAndRatedInTheBrowser() {
        String phone = TestDossiers.phone();
        Page citizen = browser.phone("vi-VN");
        citizen.navigate(browser.base() + "/phan-anh");
        accessible(citizen, "the feedback page");

        citizen.locator("#title").fill("Niêm yết thủ tục không đúng bản mới");
        citizen.locator("#content").fill("Bảng niêm yết ở bộ phận một cửa vẫn ghi lệ phí cũ.");
        citizen.locator("#senderName").fill("Lê Văn Cường");
        citizen.locator("#senderPhone").fill(phone);
        citizen.locator("#address").fill("UBND phường Tân Phú");
        // a document where a photo is asked for: refused on the phone, before anything is sent
        citizen.locator("#photos").setInputFiles(new FilePayload("to-khai.pdf", "application/pdf",
                TestDossiers.pdf("khong phai anh")));
        assertThat(citizen.locator("#error-photos")).containsText("to-khai.pdf");
        assertThat(citizen.locator("#error-photos")).not().containsText("not accepted");
        citizen.locator("#photos").setInputFiles(new FilePayload("anh.png", "image/png", TestImages.png()));
        assertThat(citizen.locator("#error-photos")).isHidden();
        // without its category: sent back with the fields kept and the missing one named, in Vietnamese
        citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi phản ánh").setExact(true)).click();
        citizen.waitForLoadState();
        assertThat(citizen.locator(".error-summary")).containsText("Chọn loại phản ánh");
        assertThat(citizen.locator("#title")).hasValue("Niêm yết thủ tục không đúng bản mới");
        accessible(citizen, "the form sent back with its error");
        citizen.locator("#category").check();
        citizen.locator("#photos").setInputFiles(new FilePayload("anh.png", "image/png", TestImages.png()));
        citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi phản ánh").setExact(true)).click();
        citizen.waitForURL(u -> CODE.matcher(u).find());
        Matcher m = CODE.matcher(citizen.url());
        assertThat(m.find()).isTrue();
        String code = m.group();
        assertThat(citizen.locator("main")).containsText("Mã của bạn: " + code);
        assertThat(citizen.locator("main")).containsText("Mới tiếp nhận");
        accessible(citizen, "the sent feedback with its code");

        Page desk = logIn("tiepnhan.tanphu");
        desk.navigate(browser.base() + "/can-bo/phan-anh?status=RECEIVED");
        assertThat(desk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code))).isVisible();
        accessible(desk, "the desk's queue");
        desk.navigate(browser.base() + "/can-bo/phan-anh/" + code);
        assertThat(desk.locator("main img").first()).isVisible();
        accessible(desk, "the item as the desk sees it, with its photo");
        desk.locator("#category-CLASSIFY").selectOption("REGULATION");
        desk.locator("#action-CLASSIFY button[type=submit]").click();
        desk.waitForLoadState();
        desk.navigate(browser.base() + "/can-bo/phan-anh/" + code);
        desk.locator("#agency-ROUTE").selectOption(TestDossiers.TAN_PHU);
        desk.locator("#action-ROUTE button[type=submit]").click();
        desk.waitForLoadState();

        Page specialist = logIn("chuyenvien.tanphu");
        act(specialist, code, "ANSWER", "Đã thay bảng niêm yết theo Quyết định công bố mới.");
        accessible(specialist, "the item after the answer");
        Page leader = logIn("lanhdao.tanphu");
        act(leader, code, "APPROVE", null);

        citizen.navigate(browser.base() + "/phan-anh/" + code);
        assertThat(citizen.locator("main")).not().containsText("Đã thay bảng niêm yết");
        act(desk, code, "PUBLISH", null);

        // the citizen comes back with the code alone
        citizen.navigate(browser.base() + "/phan-anh");
        citizen.locator("#ma").fill(code.toLowerCase());
        citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm kiếm").setExact(true)).click();
        citizen.waitForURL("**/phan-anh/" + code + "**");
        assertThat(citizen.locator("main")).containsText("Đã công khai");
        assertThat(citizen.locator("main")).containsText("Đã thay bảng niêm yết theo Quyết định công bố mới.");
        accessible(citizen, "the published answer");
        citizen.locator("#rating").check();
        citizen.locator("#rate-phone").fill(phone);
        citizen.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi đánh giá").setExact(true)).click();
        citizen.waitForLoadState();
        assertThat(citizen.locator("main")).containsText("Cảm ơn bạn đã đánh giá");
        assertThat(citizen.locator("main")).containsText("Hài lòng");
        accessible(citizen, "the rated answer");
    }
}
