package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.payment.PaymentFlows.SECRET;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;
import vn.motcua.test.TestDossiers;

/** Paying a dossier's fee online through the built-in VNPay sandbox, and the IPN's rules, over HTTP. */
@IntegrationTest
class PaymentApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    TestApi api() {
        return new TestApi(port);
    }

    @Test
    void aCitizenPaysWithTheApplicationThroughTheSandboxAndADoubleClickNeverChargesTwice() {
        TestApi citizen = api().as("congdan1");
        JsonNode d = PaymentFlows.submitted(citizen);
        String code = d.get("code").asString();
        long fee = d.get("fee").get("total").asLong();

        JsonNode before = citizen.get("/api/v1/dossiers/" + code + "/payments").json();
        assertThat(before.get("due").asLong()).isEqualTo(fee);
        assertThat(before.get("channels").toString()).contains("VNPAY");
        assertThat(before.get("fee").get("items").get(0).get("kind").asString()).as("phí or lệ phí, as the catalogue says").isEqualTo("phi");

        var first = PaymentFlows.start(citizen, code, "VNPAY");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonNode p = first.json();
        assertThat(p.get("amount").asLong()).as("the dossier's fee, not the client's amount").isEqualTo(fee);
        assertThat(p.get("status").asString()).isEqualTo("INITIATED");
        assertThat(p.get("reference").asString()).matches("MC\\d{18}");
        String redirect = p.get("redirectUrl").asString();
        assertThat(redirect).startsWith("/sandbox/vnpay/paymentv2/vpcpay.html?").contains("vnp_Version=2.1.0")
                .contains("vnp_Amount=" + fee * 100).contains("vnp_TmnCode=MOTCUA01").contains("vnp_SecureHash=");

        var second = PaymentFlows.start(citizen, code, "VNPAY");
        assertThat(second.status()).as("a double click finds the open attempt").isEqualTo(200);
        assertThat(second.json().get("paymentId").asString()).isEqualTo(p.get("paymentId").asString());
        assertThat(PaymentFlows.start(citizen, code, "PAYMENT_PLATFORM").status())
                .as("no second channel while one attempt is open").isIn(400, 409);

        PageSession browser = new PageSession(port);
        var page = browser.get(redirect);
        assertThat(page.html()).contains(p.get("reference").asString());
        var decided = PaymentFlows.decide(port, redirect, "pay", "now");
        assertThat(decided.status()).isEqualTo(302);
        assertThat(decided.location()).contains("/thanh-toan/ket-qua?").contains("vnp_ResponseCode=00");
        var result = browser.get(decided.location());
        assertThat(result.html()).contains("Giao dịch thành công");

        JsonNode after = citizen.get("/api/v1/dossiers/" + code + "/payments").json();
        assertThat(after.get("items").get(0).get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(after.get("due").asLong()).isZero();
        assertThat(after.get("items").get(0).get("receiptUrl").asString()).endsWith("/receipt.pdf");
        JsonNode dossier = citizen.get("/api/v1/dossiers/" + code).json();
        assertThat(dossier.get("status").asString()).as("paid with the application: still waiting for reception")
                .isEqualTo("SUBMITTED");
        assertThat(dossier.get("paidAt").isNull()).isFalse();
        assertThat(citizen.get("/api/v1/dossiers/" + code + "/history").json().toString()).contains("CONFIRM_PAYMENT");
        assertThat(PaymentFlows.start(citizen, code, "VNPAY").status()).as("nothing left to pay").isEqualTo(409);
        assertThat(PaymentFlows.ipn(api(), p.get("reference").asString(), fee * 100, "00", SECRET)
                .get("RspCode").asString()).as("the IPN after the browser's return finds it confirmed").isEqualTo("02");
        assertThat(count("select count(*) from outbox_event where type = 'payment.settled' and aggregate_id = :r",
                p.get("reference").asString())).as("settled once").isEqualTo(1);
    }

    @Test
    void afterAnOfficersPaymentRequestTheIpnChecksSignatureReferenceAmountAndChangesTheStateOnce() {
        TestApi citizen = api().as("congdan1");
        TestApi desk = api().as("tiepnhan.tanphu");
        TestApi specialist = api().as("chuyenvien.tanphu");
        JsonNode d = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, TestDossiers.MARITAL,
                TestDossiers.TAN_PHU, TestDossiers.phone())).json();
        String code = d.get("code").asString();
        JsonNode processing = act(desk, act(desk, d, "ACCEPT", Map.of()), "FORWARD", Map.of());
        assertThat(PaymentFlows.start(citizen, code, "VNPAY").status())
                .as("the marital-status fee is set by the province: not known until an officer asks").isEqualTo(409);
        JsonNode waiting = act(specialist, processing, "REQUEST_PAYMENT", Map.of("amount", 30000));
        assertThat(waiting.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
        OffsetDateTime dueWhileWaiting = OffsetDateTime.parse(waiting.get("dueAt").asString());

        JsonNode p = PaymentFlows.start(citizen, code, "VNPAY").json();
        String ref = p.get("reference").asString();
        assertThat(p.get("amount").asLong()).isEqualTo(30000);
        assertThat(api().as("congdan2").get("/api/v1/dossiers/" + code + "/payments").status())
                .as("another citizen").isEqualTo(404);

        assertThat(PaymentFlows.ipn(api(), ref, 3_000_000, "00", "WRONGSECRET").get("RspCode").asString())
                .as("forged").isEqualTo("97");
        assertThat(PaymentFlows.ipn(api(), "MC000000000000000000", 3_000_000, "00", SECRET).get("RspCode").asString())
                .as("unknown reference").isEqualTo("01");
        assertThat(PaymentFlows.ipn(api(), ref, 100, "00", SECRET).get("RspCode").asString())
                .as("wrong amount").isEqualTo("04");
        assertThat(citizen.get("/api/v1/dossiers/" + code).json().get("status").asString())
                .as("nothing changed by refused callbacks").isEqualTo("AWAITING_PAYMENT");

        JsonNode ok = PaymentFlows.ipn(api(), ref, 3_000_000, "00", SECRET);
        assertThat(ok.get("RspCode").asString()).isEqualTo("00");
        assertThat(ok.get("Message").asString()).isEqualTo("Confirm Success");
        assertThat(PaymentFlows.ipn(api(), ref, 3_000_000, "00", SECRET).get("RspCode").asString())
                .as("a replay").isEqualTo("02");
        JsonNode paid = citizen.get("/api/v1/dossiers/" + code).json();
        assertThat(paid.get("status").asString()).as("back to processing, through the rule book")
                .isEqualTo("PROCESSING");
        assertThat(OffsetDateTime.parse(paid.get("dueAt").asString())).isAfterOrEqualTo(dueWhileWaiting);
        assertThat(desk.get("/api/v1/dossiers/" + code + "/payments").json().get("items").get(0).get("status")
                .asString()).as("the officer sees the payment").isEqualTo("SUCCEEDED");
        assertThat(count("select count(*) from payment_callback_log where reference = :r", ref))
                .as("every callback kept, refused ones too").isEqualTo(4);
    }

    @Test
    void aCancelledPaymentFailsAndTheCitizenCanPayAgain() {
        TestApi citizen = api().as("congdan1");
        String code = PaymentFlows.submitted(citizen).get("code").asString();
        JsonNode p = PaymentFlows.start(citizen, code, "VNPAY").json();
        var decided = PaymentFlows.decide(port, p.get("redirectUrl").asString(), "cancel", "now");
        assertThat(decided.location()).contains("vnp_ResponseCode=24");
        JsonNode list = citizen.get("/api/v1/dossiers/" + code + "/payments").json();
        assertThat(list.get("items").get(0).get("status").asString()).isEqualTo("FAILED");
        assertThat(list.get("due").asLong()).isPositive();
        var again = PaymentFlows.start(citizen, code, "VNPAY");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("paymentId").asString()).isNotEqualTo(p.get("paymentId").asString());
        assertThat(citizen.get("/api/v1/dossiers/" + code).json().get("paidAt").isNull()).isTrue();
    }

    @Test
    void cashAtTheCounterIsRecordedAsCash() {
        TestApi citizen = api().as("congdan1");
        TestApi desk = api().as("tiepnhan.tanphu");
        String code = PaymentFlows.submitted(citizen).get("code").asString();
        assertThat(citizen.post("/api/v1/office/dossiers/" + code + "/payments/cash", Map.of()).status())
                .isEqualTo(403);
        var cash = desk.post("/api/v1/office/dossiers/" + code + "/payments/cash", Map.of());
        assertThat(cash.status()).as(cash.toString()).isEqualTo(201);
        assertThat(cash.json().get("method").asString()).isEqualTo("CASH");
        assertThat(cash.json().get("channel").asString()).isEqualTo("CASH");
        assertThat(cash.json().get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(citizen.get("/api/v1/dossiers/" + code).json().get("paidAt").isNull()).isFalse();
        assertThat(desk.post("/api/v1/office/dossiers/" + code + "/payments/cash", Map.of()).status())
                .as("nothing left to pay").isEqualTo(409);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        TestApi citizen = api().as("congdan1");
        String code = PaymentFlows.submitted(citizen).get("code").asString();
        var none = citizen.post("/api/v1/dossiers/" + code + "/payments", Map.of());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("errors").get(0).get("field").asString()).isEqualTo("channel");
        var unknown = PaymentFlows.start(citizen, code, "BITCOIN");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("message").asString()).contains("VNPAY");
        assertThat(PaymentFlows.start(citizen, "KHONG-CO", "VNPAY").status()).isEqualTo(404);
        assertThat(api().get("/api/v1/dossiers/" + code + "/payments").status()).isEqualTo(401);
        assertThat(citizen.get("/api/v1/payments/not-an-id").status()).isEqualTo(404);
    }

    private long count(String sql, String param) {
        return jdbc.sql(sql).param("r", param).query(Long.class).single();
    }

    static JsonNode act(TestApi who, JsonNode d, String action, Map<String, Object> extra) {
        var body = new HashMap<String, Object>(extra);
        body.put("action", action);
        body.putIfAbsent("version", d.get("version").asInt());
        var r = who.post("/api/v1/office/dossiers/" + d.get("code").asString() + "/actions", body);
        assertThat(r.status()).as(action + ": " + r).isEqualTo(200);
        return r.json();
    }
}
