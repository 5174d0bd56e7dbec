package vn.motcua.test;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Headless Debian Chromium driven by Playwright, shared by the browser tests of one JVM, with an axe-core
 * accessibility check. The browser is the system's ({@code /usr/bin/chromium}); Playwright never downloads one.
 */
public final class Browser implements AutoCloseable {

    private static final String AXE = loadAxe();
    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    public Browser() {
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
        return browser.newContext(new NewContextOptions().setViewportSize(360, 740).setLocale(language)
                .setExtraHTTPHeaders(Map.of("Accept-Language", language))).newPage();
    }

    public Page desktop(String language) {
        return browser.newContext(new NewContextOptions().setViewportSize(1280, 900).setLocale(language)
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
        browser.close();
        playwright.close();
    }
}
