package vn.motcua.payment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.Browser.accessible;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.signing.internal.Pdfsig;
import vn.motcua.test.Browser;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;

/**
 * A citizen on a phone pays a dossier's fee from its tracking page: sees what is owed (phí and lệ phí apart) and the
 * counter's cash instructions, pays through the built-in VNPay sandbox, comes back to a clear result and downloads the
 * signed e-receipt. Every page of ours passes axe-core (WCAG 2.1 AA, serious and critical).
 */
@IntegrationTest
class PaymentBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    Page loggedIn(String username) {
        Page page = browser.phone("vi-VN");
        browser.logIn(page, username, null);
        return page;
    }

    @Test
    void aCitizenPaysFromTheDossierPageAndDownloadsTheReceipt() {
        String code = PaymentFlows.submitted(new TestApi(port).as("congdan1")).get("code").asString();
        Page page = loggedIn("congdan1");
        page.navigate(browser.url("/ho-so/" + code));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Thanh toán phí, lệ phí và biên lai")).click();
        page.waitForURL("**/ho-so/" + code + "/thanh-toan");
        assertThat(page.locator("h1")).hasText("Yêu cầu thanh toán");
        assertThat(page.locator("#cac-khoan")).containsText("Phí");
        assertThat(page.locator("#con-phai-nop")).hasText("8.000 đồng");
        assertThat(page.locator("#nop-tai-quay")).containsText(code);
        assertThat(page.locator("#nop-tai-quay")).containsText("UBND phường Tân Phú");
        assertThat(page.getByLabel("Cổng thanh toán VNPAY", new Page.GetByLabelOptions().setExact(false))).isChecked();
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).as("no sideways scrolling on a phone")
                .isLessThanOrEqualTo(360);
        accessible(page, "payment page");
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "payment-page.png"))
                .setFullPage(true));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thanh toán 8.000 đồng")).click();
        page.waitForURL("**/sandbox/vnpay/paymentv2/vpcpay.html**");
        assertThat(page.locator("#so-tien")).hasText("8.000 đồng");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thanh toán").setExact(true)).click();
        page.waitForURL("**/thanh-toan/ket-qua**");
        assertThat(page.locator("#ket-qua-thanh-toan")).containsText("Giao dịch thành công");
        assertThat(page.locator("#ket-qua-thanh-toan")).containsText("8.000 đồng");
        accessible(page, "result page");
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "payment-result.png"))
                .setFullPage(true));

        String receipt = page.locator("#tai-bien-lai").getAttribute("href");
        var pdf = page.request().get(browser.url(receipt));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
        assertThat(Pdfsig.valid(Pdfsig.check(pdf.body()))).as("signed by the agency").isEqualTo(1);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Về trang hồ sơ")).click();
        page.waitForURL("**/ho-so/" + code + "/thanh-toan");
        assertThat(page.locator("#lan-thanh-toan li").first()).containsText("Thành công");
        assertThat(page.locator("#lan-thanh-toan li").first().getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Tải biên lai điện tử"))).isVisible();
        assertThat(page.locator("#con-phai-nop")).hasText("0 đồng");
        assertThat(page.locator("#thanh-toan-truc-tuyen")).hasCount(0);
        accessible(page, "payment page after paying");
    }

    @Test
    void anotherCitizenCannotSeeThePaymentPage() {
        String code = PaymentFlows.submitted(new TestApi(port).as("congdan1")).get("code").asString();
        Page other = loggedIn("congdan2");
        var r = other.navigate(browser.url("/ho-so/" + code + "/thanh-toan"));
        assertThat(r.status()).isEqualTo(404);
    }
}
