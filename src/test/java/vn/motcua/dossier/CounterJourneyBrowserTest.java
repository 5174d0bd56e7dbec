package vn.motcua.dossier;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.Browser.accessible;
import static vn.motcua.test.TestDossiers.MARITAL;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.test.Browser;
import vn.motcua.test.BrowserForms;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * The counter journeys in headless Chromium, every page checked with axe-core: a paper dossier received at the
 * counter, forwarded, a supplement requested, the applicant brings the papers, the one-stop scans and records them,
 * completed and returned; and a walk-in whose papers are incomplete given form 02, then another refused with form
 * 03, without using a dossier number.
 */
@IntegrationTest
class CounterJourneyBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    Page logIn(String username) {
        Page page = browser.desktop("vi-VN");
        browser.logIn(page, username, "/can-bo");
        return page;
    }

    static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    void fillApplicant(Page page, String phone) {
        page.locator("#applicant-fullName").fill("Lê Thị Hồng");
        page.locator("#applicant-idNumber").fill("070301007723");
        page.locator("#applicant-dateOfBirth").fill("2001-03-09");
        page.locator("#applicant-phone").fill(phone);
    }

    @Test
    void intakeForwardSupplementAtTheCounterCompleteAndReturn() {
        Page desk = logIn("tiepnhan.tanphu");
        desk.navigate(browser.base() + "/can-bo/tiep-nhan?thu-tuc=" + MARITAL);
        fillApplicant(desk, TestDossiers.phone());
        BrowserForms.fillExample(desk, new TestApi(port).get("/api/v1/procedures/" + MARITAL).json().get("formSchema")
                .get("examples").get(0));
        desk.locator("#file-TP01").setInputFiles(new FilePayload("to-khai.pdf", "application/pdf",
                TestDossiers.pdf("To khai")));
        assertThat(desk.locator("#status-TP01")).containsText("Đã tải lên: to-khai.pdf");
        button(desk, "Tiếp nhận hồ sơ").click();
        assertThat(desk.getByText("Đã tiếp nhận hồ sơ")).isVisible();
        String code = desk.url().substring(desk.url().lastIndexOf('/') + 1);
        assertThat(desk.locator("#fee")).isVisible();
        button(desk, "Chuyển xử lý: Thụ lý, thẩm định").click();
        assertThat(desk.getByText("Chuyển xử lý: đã thực hiện với hồ sơ " + code)).isVisible();

        Page specialist = logIn("chuyenvien.tanphu");
        specialist.navigate(browser.base() + "/can-bo/ho-so/" + code);
        specialist.locator("#REQUEST_SUPPLEMENT summary").click();
        specialist.locator("#REQUEST_SUPPLEMENT-reason").fill("Thiếu giấy tờ chứng minh đã ly hôn");
        specialist.locator("#REQUEST_SUPPLEMENT-items").fill("Bản sao bản án ly hôn");
        button(specialist, "Gửi yêu cầu bổ sung").click();
        assertThat(specialist.getByText("Yêu cầu bổ sung: đã thực hiện với hồ sơ " + code)).isVisible();
        assertThat(specialist.locator("#SUPPLY")).hasCount(0);

        // the applicant comes back with the papers: the one-stop scans and records them
        desk.navigate(browser.base() + "/can-bo/ho-so/" + code);
        assertThat(desk.locator("#SUPPLY")).isVisible();
        accessible(desk, "counter supplement form");
        desk.locator("#SUPPLY-scan-TP02").setInputFiles(new FilePayload("ban-an.pdf", "application/pdf",
                TestDossiers.pdf("Ban an ly hon")));
        assertThat(desk.locator("#SUPPLY-status-scan-TP02")).containsText("Đã tải lên: ban-an.pdf");
        desk.locator("#SUPPLY-note").fill("Người nộp mang bản án đến quầy");
        button(desk, "Ghi nhận hồ sơ bổ sung").click();
        assertThat(desk.getByText("Nộp bổ sung: đã thực hiện với hồ sơ " + code)).isVisible();
        assertThat(desk.locator(".dossier-tags")).containsText("Đang xử lý");
        assertThat(desk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("ban-an.pdf"))).isVisible();
        accessible(desk, "dossier supplied at the counter");

        specialist.navigate(browser.base() + "/can-bo/ho-so/" + code);
        button(specialist, "Chuyển xử lý: Phê duyệt, ký").click();
        assertThat(specialist.getByText("Chuyển xử lý: đã thực hiện với hồ sơ " + code)).isVisible();
        Page leader = logIn("lanhdao.tanphu");
        leader.navigate(browser.base() + "/can-bo/ho-so/" + code);
        leader.locator("#COMPLETE-generate").check();
        button(leader, "Hoàn thành xử lý").click();
        assertThat(leader.getByText("Hoàn thành xử lý: đã thực hiện với hồ sơ " + code)).isVisible();
        desk.navigate(browser.base() + "/can-bo/ho-so/" + code);
        button(desk, "Xác nhận đã trả kết quả").click();
        assertThat(desk.locator(".dossier-tags")).containsText("Đã trả kết quả");
        accessible(desk, "counter dossier returned");
    }

    @Test
    void aWalkInIsGuidedWithForm02OrRefusedWithForm03WithoutADossierNumber() {
        TestApi api = new TestApi(port).as("tiepnhan.tanphu");
        String before = api.post("/api/v1/office/dossiers", TestDossiers.body(api, MARITAL, TestDossiers.TAN_PHU,
                TestDossiers.phone())).json().get("code").asString();

        Page desk = logIn("tiepnhan.tanphu");
        desk.navigate(browser.base() + "/can-bo/tiep-nhan?thu-tuc=" + MARITAL);
        fillApplicant(desk, TestDossiers.phone());
        button(desk, "Tiếp nhận hồ sơ").click();
        // the papers are incomplete: the slip is offered, prefilled with what is missing
        assertThat(desk.locator("#desk")).hasAttribute("open", java.util.regex.Pattern.compile(".*"));
        assertThat(desk.locator("#desk-applicantName")).hasValue("Lê Thị Hồng");
        assertThat(desk.locator("#desk-items")).not().hasValue("");
        accessible(desk, "intake with the walk-in slip");
        button(desk, "In phiếu hướng dẫn bổ sung (mẫu 02)").click();
        desk.waitForURL("**/can-bo/tiep-nhan/phieu/*");
        assertThat(desk.locator("h1")).containsText("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ");
        accessible(desk, "form 02 recorded");
        APIResponse pdf = desk.request().get(browser.base() + desk.locator("#desk-pdf").getAttribute("href"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");

        desk.navigate(browser.base() + "/can-bo/tiep-nhan?thu-tuc=" + MARITAL);
        desk.locator("#desk summary").click();
        desk.locator("#desk-applicantName").fill("Phạm Văn Đức");
        button(desk, "In phiếu từ chối tiếp nhận (mẫu 03)").click();
        assertThat(desk.locator("#desk")).containsText("Phải nêu lý do.");
        accessible(desk, "form 03 without a reason");
        desk.locator("#desk-reason").fill("Người yêu cầu không cư trú trên địa bàn phường");
        button(desk, "In phiếu từ chối tiếp nhận (mẫu 03)").click();
        desk.waitForURL("**/can-bo/tiep-nhan/phieu/*");
        assertThat(desk.locator("h1")).containsText("Phiếu từ chối tiếp nhận");

        String after = api.post("/api/v1/office/dossiers", TestDossiers.body(api, MARITAL, TestDossiers.TAN_PHU,
                TestDossiers.phone())).json().get("code").asString();
        assertThat(CounterJourneyApiTest.sequence(after)).as("the slips used no dossier number")
                .isEqualTo(CounterJourneyApiTest.sequence(before) + 1);
    }
}
