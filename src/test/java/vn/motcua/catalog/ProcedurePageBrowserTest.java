package vn.motcua.catalog;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.Browser.accessible;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.signing.internal.Pdftotext;
import vn.motcua.test.Browser;
import vn.motcua.test.IntegrationTest;

/**
 * On a 360 px phone, the page of the marital-status certificate shows what the national portal shows: who may
 * apply, the conditions and the steps (as the catalogue holds them), the fee and the time (from the procedure's own
 * fee rows and processing time), and a blank declaration to download whose fields are the eForm's; no internal
 * notes of the data.
 */
@IntegrationTest
class ProcedurePageBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Catalog catalog;

    @Test
    void stepsWhoMayApplyConditionsFeeTimeAndTheDeclarationToDownload() throws Exception {
        Procedure p = catalog.procedure("1.004873").orElseThrow();
        ProcedureGuide guide = catalog.guide("1.004873");
        assertThat(guide.steps()).as("the catalogue holds the steps").hasSizeGreaterThanOrEqualTo(3);

        Page page = browser.phone("vi-VN");
        page.navigate(browser.base() + "/thu-tuc/1.004873");

        Locator steps = page.locator("h2:has-text('Trình tự thực hiện') + ol > li");
        assertThat(steps).hasText(guide.steps().toArray(String[]::new));
        assertThat(page.locator("h2:has-text('Đối tượng thực hiện') + ul > li"))
                .hasText(guide.eligibility().toArray(String[]::new));
        assertThat(page.locator("h2:has-text('Yêu cầu, điều kiện thực hiện') + ul > li"))
                .hasText(guide.conditions().toArray(String[]::new));
        assertThat(page.locator("h2:has-text('Yêu cầu, điều kiện thực hiện') + ul > li").first())
                .containsText("đúng mục đích");

        // the time and the fee as the rules read them: the procedure's processing time and fee rows
        assertThat(page.locator("dt:has-text('Thời hạn giải quyết') + dd"))
                .containsText(p.processingTime().amount().toPlainString() + " ngày làm việc");
        Locator fees = page.locator("h2:has-text('Phí, lệ phí') + ul > li");
        assertThat(fees).hasCount(p.fees().size());
        for (int i = 0; i < p.fees().size(); i++) {
            Fee f = p.fees().get(i);
            assertThat(fees.nth(i)).containsText(f.name());
            if (f.amount() == null) {
                assertThat(fees.nth(i)).containsText("Mức thu theo quy định của HĐND tỉnh");
            }
        }
        // the data's own notes are not for citizens
        assertThat(page.locator("main")).not().containsText("không xác minh được");
        assertThat(page.locator("main")).not().containsText("chưa xác minh");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ghi chú"))).hasCount(0);

        // the blank declaration: the eForm's title, labels and choices, on paper
        Locator link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (tải về, PDF)"));
        assertThat(link).isVisible();
        Download download = page.waitForDownload(link::click);
        assertThat(download.suggestedFilename()).isEqualTo("mau-to-khai-1.004873.pdf");
        String text = Pdftotext.text(Files.readAllBytes(download.path())).replaceAll("\\s+", " ");
        assertThat(text)
                .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                .contains("TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN")
                .contains("Người được xác nhận tình trạng hôn nhân (*):")
                .contains("Họ, chữ đệm, tên (*):")
                .contains("Ngày, tháng, năm sinh (*):")
                .contains("Chính người được xác nhận")
                .contains("Người được ủy quyền")
                .contains("NGƯỜI YÊU CẦU");
        assertThat(text).as("a block that only some cases need is not starred")
                .contains("Văn bản ủy quyền (số, ngày, cơ quan chứng thực):");

        // fits the phone and reads for everyone
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling at 360 px").isTrue();
        accessible(page, "the procedure page");
    }

    @Test
    void anUnknownProcedureHasNoTemplate() {
        Page page = browser.phone("vi-VN");
        var r = page.request().get(browser.base() + "/thu-tuc/9.999999/mau-to-khai.pdf");
        assertThat(r.status()).isEqualTo(404);
    }
}
