package vn.motcua.index766.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.index766.report.ReportFacts.FROM;
import static vn.motcua.index766.report.ReportFacts.MARITAL;
import static vn.motcua.index766.report.ReportFacts.TAN_PHU;
import static vn.motcua.index766.report.ReportFacts.TO;
import static vn.motcua.index766.report.ReportFacts.expected;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.index766.report.ReportFacts.Expected;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.PageSession.Page;

/** The report pages as a leader's browser without JavaScript sees them. */
@IntegrationTest
class ReportPagesTest {

    static final String PERIOD = "from=" + FROM + "&to=" + TO;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void facts() {
        ReportFacts.load(jdbc, Map.of());
    }

    PageSession leader() {
        return new PageSession(port).logIn("lanhdao.dongxoai");
    }

    @Test
    void theIndexLinksEveryReportAndItsExcelFile() {
        Page p = leader().get("/bao-cao");
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.html()).contains("Báo cáo");
        for (Report r : Report.values()) {
            assertThat(p.html()).contains("href=\"/bao-cao/" + r.slug() + "\"")
                    .contains("href=\"/api/v1/stats/" + r.api() + ".xlsx\"");
        }
        assertThat(p.html()).contains("Bảng 1.", "Bảng 2.", "Bảng 3.", "Bảng 4–9.");
    }

    @Test
    void table2PageShowsTheFiguresDefinitionsAndTheExcelLink() {
        Page p = leader().get("/bao-cao/theo-cap?" + PERIOD);
        assertThat(p.status()).as(p.toString()).isEqualTo(200);
        String html = p.html();
        assertThat(html).contains("Bảng 2. Tình hình tiếp nhận và giải quyết hồ sơ theo cấp")
                .contains("Kỳ trước chuyển sang", "Mới tiếp nhận trực tuyến", "Đang giải quyết quá hạn")
                .contains("Cấp tỉnh", "Cấp huyện", "Cấp xã")
                .contains("01/01/2013", "31/12/2013")
                .contains("Cách tính", "kết thúc sau ngày hẹn trả")
                .contains("href=\"/api/v1/stats/by-level.xlsx?from=2013-01-01&amp;to=2013-12-31\"");
        Expected total = expected(f -> true);
        String footer = html.substring(html.indexOf("<tfoot>"), html.indexOf("</tfoot>"));
        assertThat(footer).contains("Tổng cộng")
                .contains(">" + total.received() + "<", ">" + total.overdue() + "<", ">" + total.processed() + "<");
    }

    @Test
    void otherReportPagesRender() {
        PageSession s = leader();
        assertThat(s.get("/bao-cao/thu-tuc").html()).contains("Trực tuyến toàn trình", "Chưa trực tuyến");
        Page unit = s.get("/bao-cao/theo-don-vi?" + PERIOD + "&unit=" + TAN_PHU);
        assertThat(unit.status()).isEqualTo(200);
        assertThat(unit.html()).contains(">" + TAN_PHU + "<").contains("Xã, phường, thị trấn");
        Page online = s.get("/bao-cao/truc-tuyen?" + PERIOD);
        assertThat(online.html()).contains("Tỷ lệ sử dụng dịch vụ trực tuyến (%)").containsAnyOf("Đạt", "Chưa đạt");
        // numbers as the 766 dashboard writes them (issue 18): decimal comma, a no-break space before %
        String body = online.html().substring(online.html().indexOf("<tbody>"));
        assertThat(body).containsPattern(">\\d{1,3},\\d\u00a0%<").doesNotContainPattern("\\d\\.\\d\\s?%");
        assertThat(online.html()).contains("Chỉ tiêu: sử dụng dịch vụ trực tuyến 80\u00a0%");
        String english = leader().get("/bao-cao/truc-tuyen?" + PERIOD + "&lang=en").html();
        assertThat(english.substring(english.indexOf("<tbody>"))).containsPattern(">\\d{1,3}\\.\\d%<")
                .doesNotContainPattern("\\d,\\d%");
        Page procedure = s.get("/bao-cao/theo-thu-tuc?" + PERIOD + "&procedure=" + MARITAL);
        assertThat(procedure.status()).isEqualTo(200);
        assertThat(procedure.html()).contains("Bảng 4–9").contains("selected=\"selected\"");
    }

    @Test
    void aBadDateIsShownOnTheFormWithStatus400() {
        Page p = leader().get("/bao-cao/theo-cap?from=2013-02-30");
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.html()).contains("error-summary").contains("Ngày &quot;2013-02-30&quot; không hợp lệ")
                .contains("href=\"#from\"");
    }

    @Test
    void onlyOfficersLeadersAndAdministratorsSeeReports() {
        Page anonymous = new PageSession(port).get("/bao-cao/theo-cap");
        assertThat(anonymous.url()).contains("/dang-nhap");
        Page citizen = new PageSession(port).logIn("congdan1").get("/bao-cao");
        assertThat(citizen.status()).isEqualTo(403);
        assertThat(new PageSession(port).logIn("admin").get("/bao-cao").status()).isEqualTo(200);
        assertThat(new PageSession(port).logIn("tiepnhan.tanphu").get("/bao-cao/theo-don-vi").status()).isEqualTo(200);
    }
}
