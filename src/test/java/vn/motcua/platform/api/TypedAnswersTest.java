package vn.motcua.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.ResponseContract;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;
import vn.motcua.test.TestDossiers;

/**
 * The operations that answered untyped JSON until issue 16 was closed (statistics, a unit, the accountant's API,
 * the national sync and process administration, the gateways' protocol answers), each called for a real answer:
 * {@link TestApi} validates every answer against the schema the description documents for it
 * ({@link ResponseContract}), so a record that drifts from what the server sends fails here. The test then checks
 * that each of these operations really went through that validation. The resend of a dead letter is covered by
 * NationalPortalSyncTest (making a dead letter needs its refusing portal).
 */
@IntegrationTest
class TypedAnswersTest {

    /** Cấp bản sao trích lục hộ tịch: owes 8,000 đ at the commune of Tân Phú. */
    private static final String EXTRACT_COPY = "2.000635";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    WorkingCalendar calendar;

    @Test
    void everyFormerlyUntypedOperationAnswersWhatItsSchemaSays() {
        TestApi anonymous = new TestApi(port);
        String today = clock.now().atZoneSameInstant(calendar.zone()).toLocalDate().toString();
        String year = today.substring(0, 4);

        // statistics (public)
        ok(anonymous.get("/api/v1/stats/procedures-by-level"));
        ok(anonymous.get("/api/v1/stats/by-level?from=" + year + "-01-01&to=" + today));
        ok(anonymous.get("/api/v1/stats/by-unit?from=" + year + "-01-01&to=" + today + "&unit=70"));
        ok(anonymous.get("/api/v1/stats/online-rates?from=" + year + "-01-01&to=" + today));
        ok(anonymous.get("/api/v1/stats/by-procedure?from=" + year + "-01-01&to=" + today + "&top=5"));
        JsonNode oneProcedure = ok(anonymous.get("/api/v1/stats/by-procedure?procedure=" + TestDossiers.MARITAL));
        assertThat(oneProcedure.get("procedure").asString()).isEqualTo(TestDossiers.MARITAL);

        // one unit: today (no dates) and as it stood on a day (with its period's dates)
        JsonNode unit = ok(anonymous.get("/api/v1/units/25195"));
        assertThat(unit.has("validFrom")).as("no period without at").isFalse();
        JsonNode then = ok(anonymous.get("/api/v1/units/25195?at=2025-06-30"));
        assertThat(then.has("validTo")).as("the period with at").isTrue();

        // administration
        TestApi admin = anonymous.as("admin");
        JsonNode processes = ok(admin.get("/api/v1/admin/processes?procedure=" + TestDossiers.MARITAL + "&agency="
                + TestDossiers.TAN_PHU));
        assertThat(processes.get("current").get("steps")).isNotEmpty();
        JsonNode sync = ok(admin.get("/api/v1/admin/national-sync"));
        assertThat(sync.get("backlog").has("pending")).isTrue();

        // the gateways' protocols: answered 200 whatever the outcome, in their own field names
        JsonNode ipn = ok(anonymous.get("/api/v1/payments/vnpay/ipn?vnp_TxnRef=NOPE&vnp_SecureHash=00"));
        assertThat(ipn.get("RspCode").asString()).isEqualTo("97");
        JsonNode platform = ok(anonymous.post("/api/v1/payments/platform/callback",
                Map.of("MaThamChieu", "NOPE-" + System.nanoTime(), "MaXacThuc", "00")));
        assertThat(platform.get("MaLoi").asString()).isEqualTo("99");
        JsonNode unknownCommand = ok(anonymous.post("/api/v1/sandbox/vnpay/merchant_webapi/api/transaction",
                Map.of("vnp_Command", "pay", "vnp_RequestId", "r1", "vnp_TmnCode", "MOTCUA01")));
        assertThat(unknownCommand.get("vnp_ResponseCode").asString()).isEqualTo("03");
        Map<String, Object> forged = new LinkedHashMap<>();
        forged.put("vnp_Command", "querydr");
        forged.put("vnp_RequestId", "r2");
        forged.put("vnp_TmnCode", "MOTCUA01");
        forged.put("vnp_TxnRef", "NOPE");
        forged.put("vnp_SecureHash", "00");
        assertThat(ok(anonymous.post("/api/v1/sandbox/vnpay/merchant_webapi/api/transaction", forged))
                .get("vnp_ResponseCode").asString()).isEqualTo("97");

        // the accountant: a fee paid in cash at the counter, the ledger, a refund, the reconciliations
        TestApi citizen = anonymous.as("congdan1");
        TestApi desk = anonymous.as("tiepnhan.tanphu");
        TestApi accountant = anonymous.as("ketoan.tanphu");
        var submitted = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, EXTRACT_COPY,
                TestDossiers.TAN_PHU, TestDossiers.phone()));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        var cash = desk.post("/api/v1/office/dossiers/" + submitted.json().get("code").asString()
                + "/payments/cash", Map.of());
        assertThat(cash.status()).as(cash.toString()).isEqualTo(201);
        JsonNode ledger = ok(accountant.get("/api/v1/accounting/payments?from=" + today + "&to=" + today));
        assertThat(ledger.get("items")).isNotEmpty();
        JsonNode refunded = ok(accountant.post("/api/v1/accounting/payments/"
                + cash.json().get("paymentId").asString() + "/refund",
                Map.of("reason", "Thu trùng", "version", cash.json().get("version").asInt())));
        assertThat(refunded.get("refundReason").asString()).isEqualTo("Thu trùng");
        ok(accountant.post("/api/v1/accounting/reconciliations", Map.of("date", today)));
        ok(accountant.get("/api/v1/accounting/reconciliations?date=" + today));

        assertThat(ResponseContract.validated()).as("each went through the response validation").contains(
                "GET /api/v1/stats/procedures-by-level 200", "GET /api/v1/stats/by-level 200",
                "GET /api/v1/stats/by-unit 200", "GET /api/v1/stats/online-rates 200",
                "GET /api/v1/stats/by-procedure 200", "GET /api/v1/units/{code} 200",
                "GET /api/v1/admin/processes 200", "GET /api/v1/admin/national-sync 200",
                "GET /api/v1/payments/vnpay/ipn 200", "POST /api/v1/payments/platform/callback 200",
                "POST /api/v1/sandbox/vnpay/merchant_webapi/api/transaction 200",
                "GET /api/v1/accounting/payments 200", "POST /api/v1/accounting/payments/{paymentId}/refund 200",
                "POST /api/v1/accounting/reconciliations 200", "GET /api/v1/accounting/reconciliations 200");
        // a field they sent and the description does not declare would have failed its call (ResponseContract,
        // fatal for every operation since issue 16's last leftover; ResponseContractTest)
    }

    private static JsonNode ok(TestApi.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).contains("json");
        return r.json();
    }
}
