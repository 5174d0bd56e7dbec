package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;

/**
 * The accountant's ledger: the day's payments of the agency with totals that match the transactions to the đồng, the
 * same in the Excel export, refunds recorded with their reason (online through the gateway's refund, cash at the
 * counter), optimistic locking, and bad input answered 4xx naming the field.
 */
@IntegrationTest
class AccountingTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    WorkingCalendar calendar;

    TestApi api() {
        return new TestApi(port);
    }

    @Test
    void theLedgerTotalsMatchTheTransactionsAndTheExcelExportToTheDongAndRefundsKeepTheirReason() throws Exception {
        TestApi citizen = api().as("congdan1");
        TestApi desk = api().as("tiepnhan.tanphu");
        TestApi accountant = api().as("ketoan.tanphu");
        String today = clock.now().atZoneSameInstant(calendar.zone()).toLocalDate().toString();

        String online = PaymentFlows.submitted(citizen).get("code").asString();
        JsonNode p = PaymentFlows.start(citizen, online, "VNPAY").json();
        PaymentFlows.decide(port, p.get("redirectUrl").asString(), "pay", "now");
        String cashCode = PaymentFlows.submitted(citizen).get("code").asString();
        JsonNode cash = desk.post("/api/v1/office/dossiers/" + cashCode + "/payments/cash", Map.of()).json();
        String failedCode = PaymentFlows.submitted(citizen).get("code").asString();
        JsonNode failed = PaymentFlows.start(citizen, failedCode, "VNPAY").json();
        PaymentFlows.decide(port, failed.get("redirectUrl").asString(), "cancel", "now");

        var r = accountant.get("/api/v1/accounting/payments?from=" + today + "&to=" + today);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode ledger = r.json();
        assertThat(ledger.get("agency").asString()).as("an agency's accountant sees their agency")
                .isEqualTo("70.689.25195.MC");
        Map<String, JsonNode> byRef = new HashMap<>();
        ledger.get("items").forEach(i -> byRef.put(i.get("reference").asString(), i));
        assertThat(byRef).containsKeys(p.get("reference").asString(), cash.get("reference").asString(),
                failed.get("reference").asString());
        long paidByItems = 0;
        int paidCount = 0;
        for (JsonNode i : ledger.get("items")) {
            assertThat(i.get("agencyCode").asString()).isEqualTo("70.689.25195.MC");
            if (i.get("status").asString().equals("SUCCEEDED") || i.get("status").asString().equals("REFUND_REQUESTED")) {
                paidByItems += i.get("amount").asLong();
                paidCount++;
            }
        }
        JsonNode total = ledger.get("total");
        assertThat(total.get("paidAmount").asLong()).as("the total is the sum of the paid transactions")
                .isEqualTo(paidByItems);
        assertThat(total.get("paid").asInt()).isEqualTo(paidCount);
        assertThat(total.get("attempts").asInt()).isEqualTo(ledger.get("items").size());
        long byGroups = 0;
        for (JsonNode g : ledger.get("groups")) {
            byGroups += g.get("paidAmount").asLong();
        }
        assertThat(byGroups).as("the groups add up to the total").isEqualTo(paidByItems);

        var xlsx = accountant.get("/api/v1/accounting/payments.xlsx?from=" + today + "&to=" + today);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = wb.getSheet("Giao dịch");
            long excelPaid = 0;
            int rows = 0;
            Double excelTotal = null;
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                String ref = row.getCell(8) == null ? "" : row.getCell(8).getStringCellValue();
                if (ref.startsWith("MC")) {
                    rows++;
                    String status = row.getCell(10).getStringCellValue();
                    if (status.equals("Thành công") || status.equals("Đang hoàn tiền")) {
                        excelPaid += (long) row.getCell(11).getNumericCellValue();
                    }
                } else if (row.getCell(10) != null && "Tổng đã thu".equals(row.getCell(10).getStringCellValue())) {
                    excelTotal = row.getCell(11).getNumericCellValue();
                }
            }
            assertThat(rows).isEqualTo(ledger.get("items").size());
            assertThat(excelPaid).as("Excel rows add up to the API's total").isEqualTo(paidByItems);
            assertThat(excelTotal).isEqualTo((double) paidByItems);
            assertThat(wb.getSheet("Tổng hợp")).isNotNull();
        }

        // refunds: bad input first, nothing changed
        String onlineId = p.get("paymentId").asString();
        int version = byRef.get(p.get("reference").asString()).get("version").asInt();
        var noReason = accountant.post("/api/v1/accounting/payments/" + onlineId + "/refund", Map.of("version", version));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(accountant.post("/api/v1/accounting/payments/" + onlineId + "/refund",
                Map.of("reason", "Nộp nhầm", "version", version + 7)).status()).as("stale version").isEqualTo(409);
        assertThat(citizen.post("/api/v1/accounting/payments/" + onlineId + "/refund",
                Map.of("reason", "x", "version", version)).status()).isEqualTo(403);
        assertThat(accountant.post("/api/v1/accounting/payments/not-an-id/refund", Map.of()).status()).isEqualTo(404);
        assertThat(accountant.post("/api/v1/accounting/payments/" + failed.get("paymentId").asString() + "/refund",
                Map.of("reason", "x", "version", 1)).status()).as("never paid").isEqualTo(409);
        assertThat(citizen.get("/api/v1/payments/" + onlineId).json().get("status").asString()).isEqualTo("SUCCEEDED");

        var refunded = accountant.post("/api/v1/accounting/payments/" + onlineId + "/refund",
                Map.of("reason", "Hồ sơ bị rút, hoàn lại phí", "version", version));
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(200);
        assertThat(refunded.json().get("status").asString()).as("through the gateway's refund").isEqualTo("REFUNDED");
        assertThat(refunded.json().get("refundReason").asString()).isEqualTo("Hồ sơ bị rút, hoàn lại phí");
        JsonNode cashNow = accountant.get("/api/v1/accounting/payments?from=" + today + "&channel=CASH").json();
        JsonNode cashItem = null;
        for (JsonNode i : cashNow.get("items")) {
            if (i.get("reference").asString().equals(cash.get("reference").asString())) {
                cashItem = i;
            }
        }
        assertThat(cashItem).isNotNull();
        var cashBack = accountant.post("/api/v1/accounting/payments/" + cash.get("paymentId").asString() + "/refund",
                Map.of("reason", "Thu trùng", "version", cashItem.get("version").asInt()));
        assertThat(cashBack.json().get("status").asString()).isEqualTo("REFUNDED");

        JsonNode after = accountant.get("/api/v1/accounting/payments?from=" + today + "&to=" + today).json();
        long paidAfter = 0;
        long refundedAfter = 0;
        for (JsonNode i : after.get("items")) {
            String st = i.get("status").asString();
            if (st.equals("SUCCEEDED") || st.equals("REFUND_REQUESTED")) {
                paidAfter += i.get("amount").asLong();
            } else if (st.equals("REFUNDED")) {
                refundedAfter += i.get("amount").asLong();
            }
            if (i.get("reference").asString().equals(p.get("reference").asString())
                    || i.get("reference").asString().equals(cash.get("reference").asString())) {
                assertThat(st).isEqualTo("REFUNDED");
            }
        }
        assertThat(after.get("total").get("paidAmount").asLong()).as("refunded money is no longer collected")
                .isEqualTo(paidAfter);
        assertThat(after.get("total").get("refundedAmount").asLong()).isEqualTo(refundedAfter)
                .isGreaterThanOrEqualTo(16000);

        // bad input on the ledger: 400 naming the field, never 5xx
        assertThat(field(accountant.get("/api/v1/accounting/payments"))).isEqualTo("from");
        assertThat(field(accountant.get("/api/v1/accounting/payments?from=2026-13-01"))).isEqualTo("from");
        assertThat(field(accountant.get("/api/v1/accounting/payments?from=2026-12-04&to=2026-12-01"))).isEqualTo("to");
        assertThat(field(accountant.get("/api/v1/accounting/payments?from=2026-01-01&to=2026-12-31"))).isEqualTo("to");
        assertThat(field(accountant.get("/api/v1/accounting/payments?from=" + today + "&agency=70.S.TP")))
                .isEqualTo("agency");
        assertThat(field(accountant.get("/api/v1/accounting/payments?from=" + today + "&channel=BITCOIN")))
                .isEqualTo("channel");
        assertThat(citizen.get("/api/v1/accounting/payments?from=" + today).status()).isEqualTo(403);

        // the page shows the same totals, and refunds from it
        PageSession page = new PageSession(port).logIn("ketoan.tanphu");
        assertThat(page.last().url()).contains("/ke-toan/thanh-toan");
        var html = page.get("/ke-toan/thanh-toan?from=" + today + "&to=" + today);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.html()).contains("Xuất Excel").contains(p.get("reference").asString())
                .contains("Hồ sơ bị rút, hoàn lại phí")
                .contains(String.format(java.util.Locale.ROOT, "%,d", after.get("total").get("paidAmount").asLong())
                        .replace(',', '.'));
        assertThat(page.get("/ke-toan/thanh-toan?from=xyz").status()).isEqualTo(400);
        assertThat(new PageSession(port).logIn("congdan1").get("/ke-toan/thanh-toan").status()).isEqualTo(403);
        assertThat(LocalDate.parse(today)).isNotNull();
    }

    private static String field(TestApi.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        return r.json().get("errors").get(0).get("field").asString();
    }
}
