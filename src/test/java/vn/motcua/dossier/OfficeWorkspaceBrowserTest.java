package vn.motcua.dossier;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.TestDossiers.MARITAL;
import static vn.motcua.test.TestDossiers.TAN_PHU;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.Browser;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * The officers' journeys in headless Chromium, each page checked with axe-core: a dossier received at the
 * counter with scans (progress-bar uploads) and its receipt; a citizen's online dossier accepted, processed,
 * signed off with a result file and returned.
 */
@IntegrationTest
class OfficeWorkspaceBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    Page logIn(String username, boolean phone) {
        Page page = phone ? browser.phone("vi-VN") : browser.desktop("vi-VN");
        browser.logIn(page, username, "/can-bo");
        return page;
    }

    void accessible(Page page, String what) {
        Browser.accessible(page, what);
        if (Boolean.getBoolean("office.screens")) {
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target/office-screens/" + what.replaceAll("\\W+", "-") + ".png")));
        }
    }

    Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void counterIntakeWithUploadsAndTheReceipt() {
        Page page = logIn("tiepnhan.tanphu", true);
        accessible(page, "workspace reception");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tiếp nhận hồ sơ").setExact(true)).click();
        page.waitForURL("**/can-bo/tiep-nhan");
        page.getByLabel("Tìm thủ tục").fill("khai sinh");
        button(page, "Tìm kiếm").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Đăng ký khai sinh").setExact(true)).first().click();
        page.waitForURL("**/can-bo/tiep-nhan?thu-tuc=1.001193");
        accessible(page, "counter intake form");

        String phone = TestDossiers.phone();
        page.locator("#channel-COUNTER").check();
        page.locator("#applicant-fullName").fill("Trần Thị Mai Anh");
        page.locator("#applicant-idNumber").fill("070196004512");
        page.locator("#applicant-dateOfBirth").fill("1996-08-21");
        page.locator("#applicant-phone").fill(phone);
        page.locator("#applicant-address").fill("Số 25 đường Phú Riềng Đỏ, phường Tân Phú");
        JsonNode example = new TestApi(port).get("/api/v1/procedures/1.001193").json().get("formSchema")
                .get("examples").get(0);
        Map<String, String> form = new LinkedHashMap<>();
        flatten("form", example, form);
        form.forEach((name, value) -> fill(page, name, value));

        for (String component : new String[] {"TP01", "TP02"}) {
            page.locator("#file-" + component).setInputFiles(new FilePayload(component.toLowerCase() + ".pdf",
                    "application/pdf", TestDossiers.pdf(component)));
            assertThat(page.locator("#status-" + component)).containsText("Đã tải lên: " + component.toLowerCase() + ".pdf");
            assertThat(page.locator("#fileId-" + component)).not().hasValue("");
        }
        button(page, "Tiếp nhận hồ sơ").click();
        assertThat(page.getByText("Đã tiếp nhận hồ sơ")).isVisible();
        assertThat(page.locator("h1")).containsText("Hồ sơ ");
        accessible(page, "dossier after counter intake");

        String a5 = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Khổ A5")).first()
                .getAttribute("href");
        assertThat(a5).endsWith("/giay-tiep-nhan.pdf?size=A5");
        APIResponse pdf = page.request().get(browser.base() + a5);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void receiveProcessSignOffAndReturn() {
        TestApi citizen = new TestApi(port).as("congdan1");
        String phone = TestDossiers.phone();
        var created = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, MARITAL, TAN_PHU, phone));
        assertThat(created.status()).isEqualTo(201);
        String code = created.json().get("code").asString();

        // reception finds it in the queue (htmx filter), accepts it and forwards it
        Page desk = logIn("tiepnhan.tanphu", false);
        desk.locator("#q").fill(phone);
        assertThat(desk.locator("#queue-results")).containsText(code);
        assertThat(desk.locator("#queue-count")).containsText("Có 1 hồ sơ");
        assertThat(desk).hasURL(Pattern.compile(".*q=" + phone + ".*"));
        desk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tất cả")).click();
        assertThat(desk).hasURL(Pattern.compile(".*view=ALL.*q=" + phone + ".*"));
        assertThat(desk.locator("#queue-results")).containsText(code);
        desk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code)).click();
        desk.waitForURL("**/can-bo/ho-so/" + code);
        accessible(desk, "dossier submitted");
        button(desk, "Tiếp nhận hồ sơ").click();
        assertThat(desk.getByText("Tiếp nhận: đã thực hiện với hồ sơ " + code)).isVisible();
        button(desk, "Chuyển xử lý: Thụ lý, thẩm định").click();
        assertThat(desk.getByText("Chuyển xử lý: đã thực hiện với hồ sơ " + code)).isVisible();

        // the specialist appraises and forwards to the leader
        Page specialist = logIn("chuyenvien.tanphu", false);
        specialist.navigate(browser.base() + "/can-bo?view=TODO&q=" + code);
        specialist.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code)).click();
        accessible(specialist, "dossier at the specialist");
        button(specialist, "Chuyển xử lý: Phê duyệt, ký").click();
        assertThat(specialist.getByText("Chuyển xử lý: đã thực hiện với hồ sơ " + code)).isVisible();

        // the leader signs off with the result
        Page leader = logIn("lanhdao.tanphu", false);
        leader.navigate(browser.base() + "/can-bo/ho-so/" + code);
        accessible(leader, "dossier at the leader");
        leader.locator("#COMPLETE-result-0").setInputFiles(new FilePayload("ket-qua.pdf", "application/pdf",
                TestDossiers.pdf("Giay xac nhan tinh trang hon nhan")));
        assertThat(leader.locator("#COMPLETE-status-result-0")).containsText("Đã tải lên: ket-qua.pdf");
        button(leader, "Hoàn thành xử lý").click();
        assertThat(leader.getByText("Hoàn thành xử lý: đã thực hiện với hồ sơ " + code)).isVisible();
        assertThat(leader.locator(".dossier-tags")).containsText("Đã xử lý xong");

        // reception hands the result back
        desk.navigate(browser.base() + "/can-bo/ho-so/" + code);
        assertThat(desk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("ket-qua.pdf"))).isVisible();
        button(desk, "Xác nhận đã trả kết quả").click();
        assertThat(desk.getByText("Trả kết quả: đã thực hiện với hồ sơ " + code)).isVisible();
        assertThat(desk.locator(".dossier-tags")).containsText("Đã trả kết quả");
        accessible(desk, "dossier returned");
        assertThat(citizen.get("/api/v1/dossiers/" + code).json().get("status").asString()).isEqualTo("RETURNED");
    }

    /** Fills one input of the eForm by name, whatever its widget. */
    private static void fill(Page page, String name, String value) {
        Locator field = page.locator("[name=\"" + name + "\"]");
        if (field.count() == 0) {
            return;
        }
        String type = (String) field.first().evaluate("e => e.tagName + ':' + (e.type || '')");
        switch (type) {
            case "INPUT:radio" -> page.locator("[name=\"" + name + "\"][value=\"" + value + "\"]").check();
            case "INPUT:checkbox" -> {
                if ("true".equals(value)) {
                    field.check();
                }
            }
            case "SELECT:select-one" -> field.selectOption(value);
            default -> field.fill(value);
        }
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            n.properties().forEach(e -> flatten(prefix + "." + e.getKey(), e.getValue(), out));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                flatten(prefix + "[" + i + "]", n.get(i), out);
            }
        } else if (!n.isNull()) {
            out.put(prefix, n.isBoolean() ? String.valueOf(n.asBoolean()) : n.asString());
        }
    }
}
