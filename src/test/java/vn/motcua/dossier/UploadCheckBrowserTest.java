package vn.motcua.dossier;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.Browser.accessible;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.test.Browser;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestDossiers;

/**
 * On a 360 px phone, a file too large or of a type not taken is refused before anything is sent: the message is
 * red, next to the field, and submitting lists it in an error summary that links to the field.
 */
@IntegrationTest
class UploadCheckBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void aTooLargeFileIsRefusedBeforeSending(@TempDir Path dir) throws Exception {
        Page page = browser.phone("vi-VN");
        browser.logIn(page, "congdan1", null);
        page.navigate(browser.url("/nop-ho-so/1.010028"));
        AtomicInteger uploads = new AtomicInteger();
        page.onRequest(r -> {
            if (r.url().endsWith("/tai-len")) {
                uploads.incrementAndGet();
            }
        });

        // a 30 MB scan, as a file on disk (the browser reads it locally, as a phone would)
        Path big = dir.resolve("ban-chup.pdf");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.write(TestDossiers.pdf("x"));
            f.setLength(30L * 1024 * 1024);
        }
        page.locator("#file-TP01").setInputFiles(big);
        var error = page.locator("#error-file-TP01");
        assertThat(error).isVisible();
        assertThat(error).hasText("“ban-chup.pdf”: Tệp quá lớn: tối đa 10 MB. Hãy chọn tệp nhỏ hơn (ví dụ chụp lại với độ phân giải thấp hơn).");
        assertThat(error).hasCSS("color", "rgb(163, 23, 27)");
        assertThat(page.locator("#file-TP01")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#progress-TP01")).isHidden();
        assertThat((Number) page.evaluate("document.getElementById('file-TP01').files.length")).isEqualTo(0);
        // the message sits next to its field: between the label and the input
        assertThat((Boolean) page.evaluate("document.getElementById('error-file-TP01').nextElementSibling.id === 'file-TP01'"))
                .isTrue();

        page.locator("#file-TP01").setInputFiles(new FilePayload("to-khai.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", new byte[] {1, 2, 3}));
        assertThat(error).hasText("“to-khai.docx”: Chỉ nhận tệp PDF, JPEG hoặc PNG.");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nộp hồ sơ").setExact(true)).click();
        var summary = page.locator(".error-summary.client");
        assertThat(summary).isVisible();
        assertThat(summary.getByRole(AriaRole.LINK)).hasCount(1);
        assertThat(summary.getByRole(AriaRole.LINK)).containsText("TP01");
        assertThat(summary.getByRole(AriaRole.LINK)).containsText("Chỉ nhận tệp PDF, JPEG hoặc PNG.");
        assertThat(summary.getByRole(AriaRole.LINK)).hasAttribute("href", "#file-TP01");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/nop-ho-so/1\\.010028.*"));
        assertThat(uploads.get()).as("nothing was sent").isZero();
        accessible(page, "apply page with errors");

        // a good file clears the message and is uploaded
        page.locator("#file-TP01").setInputFiles(new FilePayload("to-khai.pdf", "application/pdf", TestDossiers.pdf("ok")));
        assertThat(page.locator("#status-TP01")).containsText("Đã tải lên");
        assertThat(error).isHidden();
        assertThat(page.locator("#file-TP01")).not().hasAttribute("aria-invalid", "true");
        assertThat(uploads.get()).isEqualTo(1);
    }
}
