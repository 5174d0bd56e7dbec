package vn.motcua.notification;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.Browser.accessible;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.identity.Accounts;
import vn.motcua.test.Browser;
import vn.motcua.test.IntegrationTest;

/** A citizen on a cheap phone reads their notifications and marks one read, without JavaScript being needed. */
@IntegrationTest
class NotificationPagesBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Notifier notifier;
    @Autowired
    Accounts accounts;
    @Autowired
    TransactionTemplate tx;

    @Test
    void readTheNotificationsAndMarkOneRead() {
        long accountId = accounts.byUsername("congdan1").orElseThrow().accountId();
        String code = NotificationTestEvents.newCode();
        tx.executeWithoutResult(s -> notifier.notifyAccount(accountId, "DUE_SOON",
                Map.of("procedureName", "Đăng ký kết hôn", "dueAt", NotificationTestEvents.DUE), code,
                Set.of(NotificationChannel.IN_APP)));

        Page page = browser.phone("vi-VN");
        page.navigate(browser.base() + "/thong-bao");
        page.waitForURL("**/dang-nhap");
        page.locator("#username").fill("congdan1");
        page.locator("#password").fill("demo");
        page.locator("form[action='/dang-nhap'] button[type=submit]").click();
        // back to the page asked for before logging in
        page.waitForURL("**/thong-bao?continue*");
        assertThat(page.locator("h1")).hasText("Thông báo");
        var card = page.locator("li.card", new Page.LocatorOptions().setHasText(code));
        assertThat(card).containsText("Hồ sơ " + code + " sắp đến hạn xử lý");
        assertThat(card).containsText("10:00");
        accessible(page, "notifications page");

        card.getByRole(AriaRole.BUTTON).click();
        page.waitForURL("**/thong-bao#n*");
        var after = page.locator("li.card", new Page.LocatorOptions().setHasText(code));
        assertThat(after).containsText("Đã đọc");
        assertThat(after.getByRole(AriaRole.BUTTON)).hasCount(0);
        accessible(page, "after marking");
    }
}
