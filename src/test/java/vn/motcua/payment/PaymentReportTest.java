package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;
import vn.motcua.test.TestDossiers;

/**
 * The collections report (docs/REPORTS.md "Payments"): payments made through the sandbox and VNPay's IPN, in cash, an
 * officer's request for a lệ phí and a land procedure with a phí and a lệ phí; the report's totals, categories and
 * channel rates equal the sums of the transactions (SQL over payment_transaction) to the đồng, by day, month and year,
 * and so does the Excel export; bad input is a 400 naming the field, the wrong people get 403.
 */
@IntegrationTest
class PaymentReportTest {

    static final String LAND_REISSUE = "1.012786";
    static final String LAND_BRANCH = "70.689.CNVPDKDD";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    TestApi api() {
        return new TestApi(port);
    }

    @Test
    void theReportMatchesTheTransactionsToTheDongPerCategoryChannelAndPeriod() throws Exception {
        TestApi citizen = api().as("congdan1");
        TestApi desk = api().as("tiepnhan.tanphu");
        TestApi specialist = api().as("chuyenvien.tanphu");
        TestApi accountant = api().as("ketoan.tanphu");
        ZoneId zone = calendar.zone();
        LocalDate today = clock.now().atZoneSameInstant(zone).toLocalDate();

        // a phí paid online through the sandbox (its IPN)
        String online = PaymentFlows.submitted(citizen).get("code").asString();
        JsonNode paid = PaymentFlows.start(citizen, online, "VNPAY").json();
        PaymentFlows.decide(port, paid.get("redirectUrl").asString(), "pay", "now");
        // an attempt cancelled at the gateway
        String cancelled = PaymentFlows.submitted(citizen).get("code").asString();
        JsonNode failed = PaymentFlows.start(citizen, cancelled, "VNPAY").json();
        PaymentFlows.decide(port, failed.get("redirectUrl").asString(), "cancel", "now");
        // cash at the counter
        String cashCode = PaymentFlows.submitted(citizen).get("code").asString();
        JsonNode cash = desk.post("/api/v1/office/dossiers/" + cashCode + "/payments/cash", Map.of()).json();
        // a lệ phí the catalogue could not quote (set by the province), asked by an officer, paid by a VNPay IPN
        JsonNode marital = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, TestDossiers.MARITAL,
                TestDossiers.TAN_PHU, TestDossiers.phone())).json();
        JsonNode processing = PaymentApiTest.act(desk, PaymentApiTest.act(desk, marital, "ACCEPT", Map.of()),
                "FORWARD", Map.of());
        PaymentApiTest.act(specialist, processing, "REQUEST_PAYMENT", Map.of("amount", 30000));
        JsonNode asked = PaymentFlows.start(citizen, marital.get("code").asString(), "VNPAY").json();
        assertThat(asked.get("items").get(0).get("kind").asString()).isEqualTo("le_phi");
        assertThat(PaymentFlows.ipn(api(), asked.get("reference").asString(), 3_000_000, "00",
                PaymentFlows.SECRET).get("RspCode").asString()).isEqualTo("00");
        // a land procedure charging a phí (810,000 đ) and a lệ phí (50,000 đ), at the district's land branch
        var land = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, LAND_REISSUE, LAND_BRANCH,
                TestDossiers.phone()));
        assertThat(land.status()).as(land.toString()).isEqualTo(201);
        JsonNode landPaid = PaymentFlows.start(citizen, land.json().get("code").asString(), "VNPAY").json();
        assertThat(landPaid.get("amount").asLong()).isEqualTo(860_000);
        PaymentFlows.decide(port, landPaid.get("redirectUrl").asString(), "pay", "now");
        for (JsonNode p : new JsonNode[] {paid, cash, asked, landPaid}) {
            assertThat(citizen.get("/api/v1/payments/" + p.get("paymentId").asString()).json().get("status")
                    .asString()).isEqualTo("SUCCEEDED");
        }

        // the accountant's report of the day: their agency, equal to the transactions' sums
        var r = accountant.get("/api/v1/accounting/payment-report?from=" + today + "&to=" + today);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.get("agency").asString()).isEqualTo(TestDossiers.TAN_PHU);
        assertThat(report.get("by").asString()).isEqualTo("DAY");
        assertThat(report.get("rows")).hasSize(1);
        assertThat(report.get("rows").get(0).get("period").asString()).isEqualTo(today.toString());
        OffsetDateTime start = today.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = today.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        JsonNode total = report.get("total");
        assertSame(total, TestDossiers.TAN_PHU, start, end);
        assertSame(report.get("rows").get(0).get("figures"), TestDossiers.TAN_PHU, start, end);
        assertThat(total.get("phi").get("paidAmount").asLong()).as("8,000 đ online and 8,000 đ cash at least")
                .isGreaterThanOrEqualTo(16_000);
        assertThat(total.get("lePhi").get("paidAmount").asLong()).isGreaterThanOrEqualTo(30_000);
        assertThat(total.get("phi").get("paidAmount").asLong() + total.get("lePhi").get("paidAmount").asLong()
                + total.get("obligations").get("paidAmount").asLong()).as("the categories add up to the đồng")
                .isEqualTo(total.get("paidAmount").asLong());
        assertThat(total.get("successRate").asDouble()).isLessThan(100.0);

        // by month and by year (default from: the first of the year): the same sums over the year
        for (String by : new String[] {"MONTH", "YEAR"}) {
            LocalDate from = today.withDayOfYear(1);
            JsonNode m = accountant.get("/api/v1/accounting/payment-report?by=" + by).json();
            assertThat(m.get("from").asString()).isEqualTo(from.toString());
            assertThat(m.get("rows").get(m.get("rows").size() - 1).get("period").asString())
                    .isEqualTo(by.equals("MONTH") ? today.toString().substring(0, 7) : today.toString().substring(0, 4));
            assertSame(m.get("total"), TestDossiers.TAN_PHU, from.atStartOfDay(zone).toOffsetDateTime(), end);
        }

        // the administrator: every agency, the land branch with its phí and lệ phí apart
        JsonNode all = api().as("admin").get("/api/v1/accounting/payment-report?from=" + today + "&to=" + today)
                .json();
        assertThat(all.get("agency").isNull()).isTrue();
        assertSame(all.get("total"), null, start, end);
        JsonNode branch = null;
        for (JsonNode row : all.get("rows")) {
            if (row.get("agencyCode").asString().equals(LAND_BRANCH)) {
                branch = row;
            }
        }
        assertThat(branch).as("a row for the land branch").isNotNull();
        assertSame(branch.get("figures"), LAND_BRANCH, start, end);
        assertThat(branch.get("figures").get("phi").get("paidAmount").asLong()).isGreaterThanOrEqualTo(810_000);
        assertThat(branch.get("figures").get("lePhi").get("paidAmount").asLong()).isGreaterThanOrEqualTo(50_000);
        JsonNode onlyCash = api().as("admin").get("/api/v1/accounting/payment-report?from=" + today + "&to=" + today
                + "&channel=cash&agency=" + TestDossiers.TAN_PHU).json();
        assertThat(onlyCash.get("total").get("channels")).hasSize(1);
        assertThat(onlyCash.get("total").get("channels").get(0).get("channel").asString()).isEqualTo("CASH");
        assertThat(onlyCash.get("total").get("paidAmount").asLong()).isEqualTo(jdbc.sql("select coalesce(sum(amount), 0) "
                + "from payment_transaction where agency_code = :a and gateway = 'CASH' and status in ('SUCCEEDED', "
                + "'REFUND_REQUESTED') and created_at >= :s and created_at < :e").param("a", TestDossiers.TAN_PHU)
                .param("s", start).param("e", end).query(Long.class).single());

        // the Excel export: the rows add up to the total of the API, to the đồng
        var xlsx = accountant.get("/api/v1/accounting/payment-report.xlsx?from=" + today + "&to=" + today);
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet s = wb.getSheet("Báo cáo thu");
            assertThat(s).isNotNull();
            assertThat(s.getRow(1).getCell(7).getStringCellValue()).isEqualTo("Phí (đồng)");
            long rows = 0;
            Double excelTotal = null;
            for (Row row : s) {
                if (row.getRowNum() < 2 || row.getCell(0) == null) {
                    continue;
                }
                if (row.getCell(0).getStringCellValue().equals("Tổng cộng")) {
                    excelTotal = row.getCell(12).getNumericCellValue();
                } else {
                    rows += (long) row.getCell(12).getNumericCellValue();
                    assertThat((long) (row.getCell(7).getNumericCellValue() + row.getCell(9).getNumericCellValue()
                            + row.getCell(11).getNumericCellValue())).isEqualTo((long) row.getCell(12)
                            .getNumericCellValue());
                }
            }
            assertThat(rows).isEqualTo(total.get("paidAmount").asLong());
            assertThat(excelTotal).isEqualTo((double) total.get("paidAmount").asLong());
            assertThat(wb.getSheet("Tỷ lệ theo kênh")).isNotNull();
        }

        // bad input: 400 naming the field, never 5xx; the wrong people: 403
        assertThat(field(accountant.get("/api/v1/accounting/payment-report?by=WEEK"))).isEqualTo("by");
        assertThat(field(accountant.get("/api/v1/accounting/payment-report?from=2026-13-01"))).isEqualTo("from");
        assertThat(field(accountant.get("/api/v1/accounting/payment-report?from=2026-12-04&to=2026-12-01")))
                .isEqualTo("to");
        assertThat(field(accountant.get("/api/v1/accounting/payment-report?from=2025-01-01&to=2026-12-31")))
                .as("by day at most 366 days").isEqualTo("to");
        assertThat(field(accountant.get("/api/v1/accounting/payment-report?from=2000-01-01&to=2026-12-31&by=year")))
                .isEqualTo("to");
        assertThat(field(accountant.get("/api/v1/accounting/payment-report?agency=70.S.TP"))).isEqualTo("agency");
        assertThat(field(accountant.get("/api/v1/accounting/payment-report?channel=BITCOIN"))).isEqualTo("channel");
        assertThat(field(api().as("admin").get("/api/v1/accounting/payment-report?agency=nowhere")))
                .isEqualTo("agency");
        var two = accountant.get("/api/v1/accounting/payment-report?by=x&from=y");
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.json().get("errors")).hasSize(2);
        assertThat(two.json().get("errors").toString()).contains("(by)").contains("năm-tháng-ngày");
        assertThat(citizen.get("/api/v1/accounting/payment-report").status()).isEqualTo(403);
        assertThat(desk.get("/api/v1/accounting/payment-report").status()).as("a reception officer").isEqualTo(403);
        var leader = api().as("lanhdao.tanphu").get("/api/v1/accounting/payment-report?from=" + today + "&to=" + today);
        assertThat(leader.status()).as("an agency's leader").isEqualTo(200);
        assertThat(leader.json().get("total").get("paidAmount").asLong()).isEqualTo(total.get("paidAmount").asLong());

        // the page: the same total, the Excel link, 400 with the form's errors
        PageSession page = new PageSession(port).logIn("ketoan.tanphu");
        var html = page.get("/ke-toan/bao-cao-thu?from=" + today + "&to=" + today);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.html()).contains("Báo cáo thu phí, lệ phí và nghĩa vụ tài chính").contains("Xuất Excel")
                .contains(String.format(java.util.Locale.ROOT, "%,d", total.get("paidAmount").asLong()).replace(',', '.'));
        assertThat(page.get("/ke-toan/bao-cao-thu?by=WEEK").status()).isEqualTo(400);
        assertThat(page.get("/ke-toan/bao-cao-thu.xlsx?from=" + today).status()).isEqualTo(200);
        assertThat(new PageSession(port).logIn("lanhdao.tanphu").get("/ke-toan/bao-cao-thu").status()).isEqualTo(200);
        assertThat(new PageSession(port).logIn("lanhdao.tanphu").get("/ke-toan/thanh-toan").status())
                .as("the ledger stays the accountant's").isEqualTo(403);
        assertThat(new PageSession(port).logIn("congdan1").get("/ke-toan/bao-cao-thu").status()).isEqualTo(403);
    }

    /** The figures equal what SQL sums over the transactions and their lines (agency null: every agency). */
    private void assertSame(JsonNode figures, String agency, OffsetDateTime start, OffsetDateTime end) {
        String where = "created_at >= :s and created_at < :e" + (agency == null ? "" : " and agency_code = :a");
        var q = jdbc.sql("select count(*) as attempts, "
                + "count(*) filter (where status in ('SUCCEEDED', 'REFUND_REQUESTED', 'REFUNDED')) as succeeded, "
                + "coalesce(sum(amount) filter (where status in ('SUCCEEDED', 'REFUND_REQUESTED')), 0) as paid, "
                + "coalesce(sum(amount) filter (where status = 'REFUNDED'), 0) as refunded "
                + "from payment_transaction where " + where).param("s", start).param("e", end);
        if (agency != null) {
            q = q.param("a", agency);
        }
        Map<String, Object> sums = q.query().singleRow();
        assertThat(figures.get("attempts").asLong()).isEqualTo(((Number) sums.get("attempts")).longValue());
        assertThat(figures.get("succeeded").asLong()).isEqualTo(((Number) sums.get("succeeded")).longValue());
        assertThat(figures.get("paidAmount").asLong()).as("collected, to the đồng")
                .isEqualTo(((Number) sums.get("paid")).longValue());
        assertThat(figures.get("refundedAmount").asLong()).isEqualTo(((Number) sums.get("refunded")).longValue());
        var lines = jdbc.sql("select e ->> 'category' as c, sum((e ->> 'amount')::bigint) as amount "
                + "from payment_transaction, jsonb_array_elements(items) e where " + where
                + " and status in ('SUCCEEDED', 'REFUND_REQUESTED') group by 1").param("s", start).param("e", end);
        if (agency != null) {
            lines = lines.param("a", agency);
        }
        Map<String, Long> byCategory = new HashMap<>();
        lines.query((rs, n) -> byCategory.put(rs.getString("c"), rs.getLong("amount"))).list();
        assertThat(figures.get("phi").get("paidAmount").asLong()).isEqualTo(byCategory.getOrDefault("PHI", 0L));
        assertThat(figures.get("lePhi").get("paidAmount").asLong()).isEqualTo(byCategory.getOrDefault("LE_PHI", 0L));
        assertThat(figures.get("obligations").get("paidAmount").asLong())
                .isEqualTo(byCategory.getOrDefault("NGHIA_VU_TAI_CHINH", 0L));
        long channelAttempts = 0;
        long channelPaid = 0;
        for (JsonNode c : figures.get("channels")) {
            channelAttempts += c.get("attempts").asLong();
            channelPaid += c.get("paidAmount").asLong();
            var g = jdbc.sql("select count(*) as a, count(*) filter (where status in ('SUCCEEDED', 'REFUND_REQUESTED', "
                    + "'REFUNDED')) as s from payment_transaction where " + where + " and gateway = :g")
                    .param("s", start).param("e", end).param("g", c.get("channel").asString());
            if (agency != null) {
                g = g.param("a", agency);
            }
            Map<String, Object> row = g.query().singleRow();
            long a = ((Number) row.get("a")).longValue();
            long s = ((Number) row.get("s")).longValue();
            assertThat(c.get("attempts").asLong()).isEqualTo(a);
            assertThat(c.get("successRate").asDouble()).as("succeeded ÷ initiated for " + c.get("channel"))
                    .isEqualTo(Math.round(1000.0 * s / a) / 10.0);
        }
        assertThat(channelAttempts).isEqualTo(figures.get("attempts").asLong());
        assertThat(channelPaid).isEqualTo(figures.get("paidAmount").asLong());
    }

    private static String field(TestApi.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        return r.json().get("errors").get(0).get("field").asString();
    }
}
