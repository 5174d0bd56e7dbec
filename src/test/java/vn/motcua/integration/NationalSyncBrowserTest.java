package vn.motcua.integration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.Browser.accessible;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.test.Browser;
import vn.motcua.test.IntegrationTest;

/**
 * The administrator's national sync page in headless Chromium (issue 14): the sending queue with its retries, the dead
 * letters, and "Gửi lại" putting a refused change back at the head of the queue; checked with axe-core.
 */
@IntegrationTest
class NationalSyncBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    JdbcClient jdbc;

    private long change(String code, String status, int attempts, String error) {
        // the portal is not called in tests (interval 1h) and the next attempt is tomorrow: the rows stay as written
        OffsetDateTime now = OffsetDateTime.now();
        return jdbc.sql("""
                insert into national_sync_change (dossier_code, action, national_status, payload, status, attempts,
                    refusals, last_error, next_attempt, created_at)
                values (:c, 'RECEIVE', 2, '{}', :s, :a, :a, :e, :next, :t)
                returning id""").param("c", code).param("s", status).param("a", attempts).param("e", error)
                .param("next", now.plusDays(1)).param("t", now).query(Long.class).single();
    }

    @Test
    void theAdministratorSeesTheQueueAndResendsARefusedChange() {
        String refused = "H10.BT-" + System.nanoTime();
        String waiting = "H10.BW-" + System.nanoTime();
        long dead = change(refused, "DEAD", 3, "error_code 1: Thiếu MaLinhVuc");
        long pending = change(waiting, "PENDING", 2, "Hết thời gian chờ (timeout)");
        try {
            Page page = browser.desktop("vi-VN");
            browser.logIn(page, "admin", null);
            page.navigate(browser.base() + "/quan-tri");
            page.locator("a[href='/quan-tri/dong-bo-dvcqg']").first().click();
            page.waitForURL("**/quan-tri/dong-bo-dvcqg");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .containsText("Cổng Dịch vụ công quốc gia");

            Locator queue = page.locator("#queue");
            assertThat(queue.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(waiting)))
                    .containsText("timeout");
            Locator deadLetters = page.locator("#dead-letters");
            assertThat(deadLetters.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(refused)))
                    .containsText("Thiếu MaLinhVuc");
            assertThat(queue).not().containsText(refused);
            accessible(page, "sync page with a dead letter");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi lại " + refused)).click();
            page.waitForLoadState();
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
                    .setHasText("trở lại đầu hàng đợi"))).isVisible();
            assertThat(page.locator("#queue")).containsText(refused);
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi lại " + refused)))
                    .hasCount(0);
            accessible(page, "sync page after the resend");

            page.getByLabel("Mã hồ sơ").fill(refused);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem").setExact(true)).click();
            page.waitForURL("**code=**");
            assertThat(page.getByText("Cổng DVCQG chưa nhận hồ sơ này")).isVisible();
            accessible(page, "one dossier's changes");
        } finally {
            jdbc.sql("update national_sync_change set status = 'SKIPPED' where id in (:a, :b)").param("a", dead)
                    .param("b", pending).update();
        }
    }
}
