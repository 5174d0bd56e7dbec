package vn.motcua.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Headless Debian Chromium driven by Playwright, with an axe-core accessibility check, and what every browser test
 * does around it: the server's address, logging in with a demo account. The browser is the system's
 * ({@code /usr/bin/chromium}); Playwright never downloads one. A test class declares
 * {@code @RegisterExtension static final Browser browser = new Browser();}: Chromium starts at the class's first
 * page and is closed after its last test.
 */
public final class Browser implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private static final String AXE = loadAxe();
    private Playwright playwright;
    private com.microsoft.playwright.Browser browser;
    private String base;

    /** The server of the test class's application context (its random port). */
    @Override
    public void beforeAll(ExtensionContext context) {
        base = "http://127.0.0.1:" + SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("local.server.port");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** The address of the server under test: {@code http://127.0.0.1:<port>}. */
    public String base() {
        if (base == null) {
            throw new IllegalStateException("Browser is not registered as the test class's extension");
        }
        return base;
    }

    /** The address of a path of the server under test: {@code url("/dang-nhap")}. */
    public String url(String path) {
        return base() + path;
    }

    /**
     * Logs a demo account in (password {@code demo}) on the log-in page and waits for the page it lands on
     * ({@code "/can-bo"}), or only for the page to load when {@code landing} is null.
     */
    public Page logIn(Page page, String username, String landing) {
        page.navigate(url("/dang-nhap"));
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill("demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập").setExact(true)).click();
        if (landing == null) {
            page.waitForLoadState();
        } else {
            page.waitForURL("**" + landing);
        }
        return page;
    }

    /** Fails when axe-core finds a serious or critical violation on the page ({@code what} names the page). */
    public static void accessible(Page page, String what) {
        assertThat(seriousAccessibilityViolations(page)).as(what).isEmpty();
    }

    private com.microsoft.playwright.Browser chromium() {
        if (browser == null) {
            launch();
        }
        return browser;
    }

    private void launch() {
        Path chromium = Path.of(System.getenv().getOrDefault("MOTCUA_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("Chromium not found at " + chromium
                    + ": install Debian's chromium package (apt-get install chromium) or set MOTCUA_CHROMIUM");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage")));
    }

    /** A fresh page (own cookies) sized like a cheap phone: 360 × 740. */
    public Page phone(String language) {
        return chromium().newContext(new NewContextOptions().setViewportSize(360, 740).setLocale(language)
                .setExtraHTTPHeaders(Map.of("Accept-Language", language))).newPage();
    }

    public Page desktop(String language) {
        return chromium().newContext(new NewContextOptions().setViewportSize(1280, 900).setLocale(language)
                .setExtraHTTPHeaders(Map.of("Accept-Language", language))).newPage();
    }

    /** Runs axe-core (WCAG 2.0/2.1 A and AA rules) and returns the serious and critical violations. */
    public static List<String> seriousAccessibilityViolations(Page page) {
        page.evaluate(AXE);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => (await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}))
                  .violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                     nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(' | ')}))""");
        List<String> out = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                out.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("nodes"));
            }
        }
        return out;
    }

    private static String loadAxe() {
        try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("axe-core missing from test resources", e);
        }
    }

    @Override
    public void close() {
        if (browser != null) {
            browser.close();
            playwright.close();
            browser = null;
            playwright = null;
        }
    }
}
