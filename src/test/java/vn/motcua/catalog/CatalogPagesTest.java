package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;

@IntegrationTest
class CatalogPagesTest {

    @LocalServerPort
    int port;

    @Test
    void theHomePageIsVietnameseSmallAndOffersSearch() {
        var home = new TestApi(port).get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text()).contains("<html lang=\"vi\"").contains("Cổng Dịch vụ công tỉnh Bình Phước")
                .contains("name=\"q\"").contains("/thu-tuc/1.001193");
        assertThat(home.body().length).isLessThan(100 * 1024);
    }

    @Test
    void searchingWithoutDiacriticsListsTheProcedure() {
        var page = new TestApi(port).get("/thu-tuc?q=dang+ky+khai+sinh");
        assertThat(page.text()).contains("href=\"/thu-tuc/1.001193\"").contains("Đăng ký khai sinh");
        assertThat(page.body().length).isLessThan(100 * 1024);
    }

    @Test
    void aProcedurePageShowsTimeFeesDocumentsResultAndLegalBasis() {
        var page = new TestApi(port).get("/thu-tuc/1.001193");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Đăng ký khai sinh").contains("Thời hạn giải quyết").contains("Phí, lệ phí")
                .contains("Thành phần hồ sơ").contains("Giấy khai sinh").contains("Luật Hộ tịch").contains("Toàn trình");
        assertThat(page.body().length).isLessThan(100 * 1024);
    }

    @Test
    void theLanguageSwitchesToEnglish() {
        var page = new TestApi(port).get("/thu-tuc/1.001193?lang=en");
        assertThat(page.text()).contains("<html lang=\"en\"").contains("Birth registration").contains("Processing time");
        assertThat(page.header("set-cookie")).contains("lang=en");
    }

    @Test
    void stylesAndScriptsAreServedWithContentHashedUrlsAndLongCaching() {
        var home = new TestApi(port).get("/").text();
        var css = java.util.regex.Pattern.compile("href=\"(/css/motcua-[0-9a-f]+\\.css)\"").matcher(home);
        assertThat(css.find()).as("a versioned stylesheet link").isTrue();
        var r = new TestApi(port).get(css.group(1));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("cache-control")).contains("max-age=31536000");
        assertThat(new TestApi(port).get("/webjars/htmx.org/dist/htmx.min.js").status()).isEqualTo(200);
        assertThat(new TestApi(port).get("/js/motcua.js").status()).isEqualTo(200);
    }

    @Test
    void theApiIsPublishedAsOpenApiWithABrowsableUi() {
        var spec = new TestApi(port).get("/v3/api-docs");
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.text()).contains("/api/v1/procedures").contains("/api/v1/office/dossiers/{code}/actions")
                .contains("/api/v1/calendar/deadline").contains("/api/v1/tracking/{code}");
        var ui = new TestApi(port).get("/api-docs");
        assertThat(ui.status()).isIn(200, 302);
        assertThat(new TestApi(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void unknownProceduresAreA404PageAndMarkupInQueriesIsEscaped() {
        var missing = new TestApi(port).get("/thu-tuc/9.999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text()).contains("9.999999");
        var hostile = new TestApi(port).get("/thu-tuc?q=" + URLEncoder.encode("<script>alert(1)</script>", StandardCharsets.UTF_8));
        assertThat(hostile.status()).isEqualTo(200);
        assertThat(hostile.text()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
    }
}
