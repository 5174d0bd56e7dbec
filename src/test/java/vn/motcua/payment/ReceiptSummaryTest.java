package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.payment.receipt.ReceiptSummaries;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;
import vn.motcua.test.TestDossiers;

/**
 * The day's summary of e-receipt data for the tax authority (Decree 254/2026 Art. 29.3.b, format UNCONFIRMED):
 * every receipt the agency issued that day, their number and total equal to the receipts kept, to the đồng; kept by
 * the daily run (off by default: no task unless configured); bad input named.
 */
@IntegrationTest
class ReceiptSummaryTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    ReceiptSummaries summaries;

    @Autowired
    ApplicationContext context;

    @Test
    void theSummaryListsTheDaysReceiptsAndTheirTotal() {
        TestApi citizen = new TestApi(port).as("congdan1");
        TestApi accountant = new TestApi(port).as("ketoan.tanphu");
        String code = PaymentFlows.submitted(citizen).get("code").asString();
        JsonNode p = PaymentFlows.start(citizen, code, "VNPAY").json();
        PaymentFlows.decide(port, p.get("redirectUrl").asString(), "pay", "now");
        LocalDate today = clock.now().atZoneSameInstant(calendar.zone()).toLocalDate();
        OffsetDateTime from = today.atStartOfDay(calendar.zone()).toOffsetDateTime();
        OffsetDateTime to = today.plusDays(1).atStartOfDay(calendar.zone()).toOffsetDateTime();

        var r = accountant.get("/api/v1/accounting/receipt-summary.xml?date=" + today);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String xml = r.text();
        String receipts = "(select agency_code, issued_at, amount from payment_e_receipt union all "
                + "select agency_code, issued_at, amount from payment_receipt) r where agency_code = ? "
                + "and issued_at >= ? and issued_at < ?";
        long count = jdbc.queryForObject("select count(*) from " + receipts, Long.class, TestDossiers.TAN_PHU, from, to);
        long total = jdbc.queryForObject("select coalesce(sum(amount), 0) from " + receipts, Long.class,
                TestDossiers.TAN_PHU, from, to);
        assertThat(count).isPositive();
        assertThat(count(xml, "<DLieu>")).isEqualTo(count);
        assertThat(xml).contains("<LKDLieu>N</LKDLieu>").contains("<MDVi>" + TestDossiers.TAN_PHU + "</MDVi>")
                .contains("<SLuong>" + count + "</SLuong>").contains("<TgTien>" + total + "</TgTien>")
                .contains("<MHSo>" + code + "</MHSo>");
        long lines = 0;
        Matcher m = Pattern.compile("<DLieu>.*?<TgTien>(\\d+)</TgTien>", Pattern.DOTALL).matcher(xml);
        while (m.find()) {
            lines += Long.parseLong(m.group(1));
        }
        assertThat(lines).as("the lines add up to the total, to the đồng").isEqualTo(total);

        assertThat(context.getBeanNamesForType(com.github.kagkarlsson.scheduler.task.helper.RecurringTask.class))
                .as("off by default").doesNotContain("paymentReceiptSummaryTask");
        var kept = summaries.run(today);
        assertThat(kept).anySatisfy(s -> assertThat(s.agencyCode()).isEqualTo(TestDossiers.TAN_PHU));
        assertThat(jdbc.queryForObject("select amount from payment_receipt_summary where agency_code = ? and day = ?",
                Long.class, TestDossiers.TAN_PHU, today)).isEqualTo(total);
        assertThat(accountant.get("/api/v1/accounting/receipt-summary.xml?date=" + today).text())
                .as("the kept one").isEqualTo(summaries.kept(TestDossiers.TAN_PHU, today).orElseThrow().xml());

        assertThat(field(accountant.get("/api/v1/accounting/receipt-summary.xml"))).isEqualTo("date");
        assertThat(field(accountant.get("/api/v1/accounting/receipt-summary.xml?date=2026-02-30"))).isEqualTo("date");
        assertThat(field(accountant.get("/api/v1/accounting/receipt-summary.xml?date=" + today + "&agency=70.S.TP")))
                .isEqualTo("agency");
        TestApi admin = new TestApi(port).as("admin");
        assertThat(field(admin.get("/api/v1/accounting/receipt-summary.xml?date=" + today))).isEqualTo("agency");
        assertThat(admin.get("/api/v1/accounting/receipt-summary.xml?date=" + today + "&agency="
                + TestDossiers.TAN_PHU).status()).isEqualTo(200);
        assertThat(citizen.get("/api/v1/accounting/receipt-summary.xml?date=" + today).status()).isEqualTo(403);
    }

    private static long count(String s, String what) {
        return Pattern.compile(Pattern.quote(what)).matcher(s).results().count();
    }

    private static String field(TestApi.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        return r.json().get("errors").get(0).get("field").asString();
    }
}
