package vn.motcua.organization;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.Browser.accessible;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.Browser;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * The administrator previews and applies a reorganisation on the pages (issue 11), in headless Chromium with
 * axe-core: the two-level arrangement of NQ 1662/2025 shows its 111 → 40 units and the one-stops that close with their
 * unfinished dossiers (previewed only: the shared demo stays three-level for the other tests); a small merger of two
 * test one-stops is applied from the page and its open dossier goes to the successor through the hand-over rule.
 */
@IntegrationTest
class ReorganisationBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    private static Map<String, Object> agency(String code, String eid, String unit) {
        Map<String, Object> m = new HashMap<>();
        m.put("code", code);
        m.put("name", "Một cửa " + code);
        m.put("electronicId", eid);
        m.put("unitCode", unit);
        m.put("kind", "one_stop_commune");
        m.put("procedures", List.of(TestDossiers.MARITAL));
        return m;
    }

    @Test
    void theAdministratorPreviewsTheTwoLevelArrangementAndAppliesAMerger() {
        String base = browser.base();
        TestApi admin = new TestApi(port).as("admin");
        assertThat(admin.post("/api/v1/admin/agencies", agency("TEST.BOLD.MC", "H10.93.01.931", "25213")).status())
                .isEqualTo(201);
        assertThat(admin.post("/api/v1/admin/agencies", agency("TEST.BNEW.MC", "H19.99.931", "25195")).status())
                .isEqualTo(201);
        TestApi citizen = new TestApi(port).as("congdan2");
        var filed = citizen.post("/api/v1/dossiers",
                TestDossiers.body(citizen, TestDossiers.MARITAL, "TEST.BOLD.MC", "0987654321"));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String dossier = filed.json().get("code").asString();
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
        assertThat(admin.post("/api/v1/admin/reorganisations", Map.of("code", "TEST-BROWSER", "title",
                "Sáp nhập thử trên trang", "legalBasis", "Nghị quyết thử nghiệm 02/2026", "effectiveDate",
                yesterday.toString(), "agencies", List.of(Map.of("from", "TEST.BOLD.MC", "to", "TEST.BNEW.MC"))))
                .status()).isEqualTo(201);

        Page page = browser.desktop("vi-VN");
        browser.logIn(page, "admin", null);
        page.navigate(base + "/quan-tri");
        page.locator("a[href='/quan-tri/sap-xep']").first().click();
        page.waitForURL("**/quan-tri/sap-xep");
        accessible(page, "list of reorganisations");

        page.locator("a[href='/quan-tri/sap-xep/NQ1662-2025']").click();
        page.waitForURL("**/quan-tri/sap-xep/NQ1662-2025");
        assertThat(page.locator("dl.facts")).containsText("111 xã, phường, thị trấn cũ thành 40 xã, phường mới");
        assertThat(page.locator("#moves").getByRole(AriaRole.ROW).filter(new Locator.FilterOptions()
                .setHasText("70.689.25195.MC"))).containsText("75.25195.MC");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(
                java.util.regex.Pattern.compile("Áp dụng và bàn giao \\d+ hồ sơ")))).isVisible();
        accessible(page, "preview of NQ 1662/2025");

        page.navigate(base + "/quan-tri/sap-xep/TEST-BROWSER");
        assertThat(page.locator("#open-dossiers")).hasText("1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Áp dụng và bàn giao 1 hồ sơ")).click();
        page.waitForLoadState();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("1 hồ sơ đã được bàn giao");
        assertThat(page.getByText("Sắp xếp này đã được áp dụng.")).isVisible();
        accessible(page, "after applying");

        JsonNode d = citizen.get("/api/v1/dossiers/" + dossier).json();
        assertThat(d.get("agencyCode").asString()).as("handed over to the successor").isEqualTo("TEST.BNEW.MC");
        assertThat(d.get("code").asString()).isEqualTo(dossier);
        assertThat(admin.get("/api/v1/admin/reorganisations/NQ1662-2025").json().get("status").asString())
                .as("only previewed").isEqualTo("PENDING");
    }
}
