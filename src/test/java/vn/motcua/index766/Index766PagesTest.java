package vn.motcua.index766;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.TestApi;

/** The dashboard for officers and leaders, the drill-down page, and the public transparency page. */
@IntegrationTest
class Index766PagesTest {

    @org.springframework.beans.factory.annotation.Autowired
    java.time.Clock clock;

    @LocalServerPort
    int port;

    @Test
    void aLeaderSeesTheDashboardWithGroupsIndicatorsRankingAndTrend() {
        var page = new PageSession(port).logIn("lanhdao.tanphu").get("/chi-so-766?unit=70");
        assertThat(page.status()).isEqualTo(200);
        String html = page.html();
        assertThat(html).contains("Chỉ số phục vụ người dân, doanh nghiệp").contains("Tiến độ, kết quả giải quyết")
                .contains("Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn").contains("cần dữ liệu quốc gia")
                .contains("điểm tính được từ dữ liệu của hệ thống").contains("Xếp hạng đơn vị").contains("Diễn biến 12 tháng")
                .contains("<svg class=\"chart-svg\"").contains("aria-labelledby=\"chart-groups\"")
                .contains("/chi-so-766/2.1?unit=70").contains("name=\"period\"").doesNotContain("<script>")
                .as("no chart library any more").doesNotContain("echarts");
        var drill = new PageSession(port).logIn("lanhdao.tanphu").get("/chi-so-766/2.1?unit=70&part=denominator");
        assertThat(drill.status()).isEqualTo(200);
        assertThat(drill.html()).contains("Tất cả hồ sơ được xét").contains("Vì sao");
        var en = new PageSession(port, "en").logIn("lanhdao.tanphu").get("/chi-so-766?unit=70&lang=en");
        assertThat(en.html()).contains("Service quality index").contains("needs national data");
    }

    @Test
    void theDashboardIsForOfficersNotForTheAnonymousOrCitizens() {
        // a ward's leader lands on their ward and on the last complete month (issue 18)
        var home = new PageSession(port).logIn("lanhdao.tanphu").get("/chi-so-766").html();
        String lastMonth = java.time.YearMonth.now(clock.withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")))
                .minusMonths(1).toString();
        assertThat(home).as("Tân Phú ward chosen").containsPattern("value=\"25195\"[^>]*selected")
                .as("the last complete month").containsPattern("value=\"" + lastMonth + "\"[^>]*selected")
                .contains("<span class=\"period\">Tháng " + Integer.parseInt(lastMonth.substring(5)) + "/"
                        + lastMonth.substring(0, 4) + "</span>");
        assertThat(new PageSession(port).get("/chi-so-766").url()).contains("/dang-nhap");
        assertThat(new PageSession(port).logIn("congdan1").get("/chi-so-766").status()).isEqualTo(403);
    }

    @Test
    void thePublicPageShowsTheProvinceIndexWithoutLogIn() {
        var page = new PageSession(port).get("/cong-khai");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("Công khai kết quả giải quyết thủ tục hành chính").contains("Bình Phước")
                .contains("Hồ sơ đúng hạn").contains("Hồ sơ nộp trực tuyến").contains("điểm tính được tại đây");
        assertThat(new TestApi(port).get("/css/index766.css").status()).isEqualTo(200);
    }
}
