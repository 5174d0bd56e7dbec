package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.integration.OnlinePayment;
import vn.motcua.integration.OnlinePayments;
import vn.motcua.payment.internal.Reconciliation;
import vn.motcua.payment.platform.PlatformGateway;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;

/**
 * Paying through the national payment platform (contract v1.0.6) end to end, the platform played by a stub on the
 * loopback: the channel offered once configured, INIT, the signed confirmation callback (forged, unknown, wrong amount
 * refused with 99 and nothing changed; confirmed once; replays answered 00 without a second settlement; too many for
 * one reference → 429), the lost callback found by QUERY, and the national sync told "paid on the national platform".
 */
@IntegrationTest
class PlatformPaymentTest {

    static final String SECRET = "PLATFORMTESTSECRET";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Map<String, String> STATES = new ConcurrentHashMap<>();
    static final HttpServer PLATFORM = stub();

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry r) {
        r.add("motcua.payment.platform.url", () -> "http://127.0.0.1:" + PLATFORM.getAddress().getPort() + "/platform");
        r.add("motcua.payment.platform.partner-code", () -> "MOTCUA");
        r.add("motcua.payment.platform.secret", () -> SECRET);
        r.add("motcua.limits.payment", () -> "8/10m");
    }

    static HttpServer stub() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.createContext("/platform", x -> {
                JsonNode req = JSON.readTree(x.getRequestBody().readAllBytes());
                String ref = req.path("MaThamChieu").asString("");
                String body = switch (req.path("LoaiBanTin").asString("")) {
                    case "INIT" -> "{\"error_code\":\"0\",\"message\":\"{\\\"MaLoi\\\":\\\"00\\\",\\\"UrlThanhToan\\\":"
                            + "\\\"https://thanhtoan.example/pay?ref=" + ref + "\\\"}\"}";
                    case "QUERY" -> STATES.containsKey(ref)
                            ? "{\"MaLoi\":\"00\",\"TrangThaiGD\":\"" + STATES.get(ref) + "\",\"SoTien\":\"8000\","
                                    + "\"MaGiaoDich\":\"PGQ" + ref.substring(ref.length() - 4) + "\"}"
                            : "{\"MaLoi\":\"01\",\"MoTaLoi\":\"Khong tim thay giao dich\"}";
                    default -> "{\"MaLoi\":\"99\"}";
                };
                byte[] b = body.getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().add("Content-Type", "application/json");
                x.sendResponseHeaders(200, b.length);
                x.getResponseBody().write(b);
                x.close();
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    OnlinePayments onlinePayments;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    TestApi api() {
        return new TestApi(port);
    }

    static Map<String, Object> confirmation(String reference, long amount, String code, String secret) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("LoaiBanTin", "CONFIRM");
        c.put("MaLoi", code);
        c.put("MaDoiTac", "MOTCUA");
        c.put("MaThamChieu", reference);
        c.put("SoTien", Long.toString(amount));
        c.put("MaTienTe", "VND");
        c.put("MaGiaoDich", "PG778899");
        c.put("MaNganHang", "VCB");
        c.put("ThoiGianGD", "20261204101500");
        c.put("ThongTinGiaoDich", "Thanh toan");
        c.put("MaXacThuc", PlatformGateway.checksum(secret, "CONFIRM", code, "MOTCUA", reference,
                Long.toString(amount), "VND", "PG778899", "VCB", "20261204101500", "Thanh toan"));
        return c;
    }

    @Test
    void aCitizenPaysThroughTheNationalPlatformAndItsConfirmationIsCheckedFirstAndTakenOnce() throws Exception {
        TestApi citizen = api().as("congdan1");
        String code = PaymentFlows.submitted(citizen).get("code").asString();
        assertThat(citizen.get("/api/v1/dossiers/" + code + "/payments").json().get("channels").toString())
                .as("offered once configured").contains("PAYMENT_PLATFORM").contains("VNPAY");
        var started = PaymentFlows.start(citizen, code, "PAYMENT_PLATFORM");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String ref = started.json().get("reference").asString();
        String id = started.json().get("paymentId").asString();
        assertThat(started.json().get("redirectUrl").asString()).isEqualTo("https://thanhtoan.example/pay?ref=" + ref);

        TestApi platform = api();
        assertThat(post(platform, confirmation(ref, 8000, "00", "WRONG")).get("MaLoi").asString()).as("forged")
                .isEqualTo("99");
        assertThat(post(platform, confirmation("MC000000000000000000", 8000, "00", SECRET)).get("MaLoi").asString())
                .as("unknown reference").isEqualTo("99");
        assertThat(post(platform, confirmation(ref, 100, "00", SECRET)).get("MaLoi").asString()).as("wrong amount")
                .isEqualTo("99");
        assertThat(citizen.get("/api/v1/payments/" + id).json().get("status").asString())
                .as("nothing changed by refused callbacks").isEqualTo("INITIATED");

        JsonNode ok = post(platform, confirmation(ref, 8000, "00", SECRET));
        assertThat(ok.get("MaLoi").asString()).isEqualTo("00");
        assertThat(ok.get("MaThamChieu").asString()).isEqualTo(ref);
        assertThat(ok.get("MaXacThuc").asString()).as("the reply is signed").isEqualTo(PlatformGateway.checksum(SECRET,
                ok.get("MaLoi").asString(), ok.get("MoTaLoi").asString(), "MOTCUA", ref,
                ok.get("ThoiGianGD").asString()));
        JsonNode paid = citizen.get("/api/v1/payments/" + id).json();
        assertThat(paid.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(paid.get("gatewayTransactionNo").asString()).isEqualTo("PG778899");
        assertThat(citizen.get("/api/v1/dossiers/" + code).json().get("paidAt").isNull()).isFalse();
        assertThat(post(platform, confirmation(ref, 8000, "00", SECRET)).get("MaLoi").asString())
                .as("a replay is answered as taken").isEqualTo("00");
        assertThat(jdbc.sql("select count(*) from outbox_event where type = 'payment.settled' and aggregate_id = :r")
                .param("r", ref).query(Long.class).single()).as("settled once").isEqualTo(1);
        OnlinePayment online = onlinePayments.paidOnline(code).orElseThrow();
        assertThat(online.gateway()).as("DuocThanhToanTrucTuyen 1").isEqualTo(OnlinePayment.Gateway.NATIONAL_PORTAL);
        assertThat(online.amount()).isEqualTo(8000);
        byte[] receipt = citizen.get("/api/v1/payments/" + id + "/receipt.pdf").body();
        assertThat(EReceiptTest.pdftotext(receipt)).contains("Nền tảng thanh toán trực tuyến").contains("PG778899");

        int limited = 0;
        for (int i = 0; i < 10 && limited == 0; i++) {
            var r = platform.post("/api/v1/payments/platform/callback", confirmation(ref, 8000, "00", SECRET));
            if (r.status() == 429) {
                limited = i + 1;
            }
        }
        assertThat(limited).as("callbacks for one reference are rate-limited").isPositive();
        var malformed = platform.post("/api/v1/payments/platform/callback", "not json");
        assertThat(malformed.status()).as("bad input never 5xx").isBetween(400, 499);

        // a lost confirmation: QUERY finds the payment
        String code2 = PaymentFlows.submitted(citizen).get("code").asString();
        JsonNode p2 = PaymentFlows.start(citizen, code2, "PAYMENT_PLATFORM").json();
        STATES.put(p2.get("reference").asString(), "1");
        String code3 = PaymentFlows.submitted(citizen).get("code").asString();
        JsonNode p3 = PaymentFlows.start(citizen, code3, "PAYMENT_PLATFORM").json();
        STATES.put(p3.get("reference").asString(), "4");
        clock.advance(Duration.ofMinutes(21));
        reconciliation.run();
        assertThat(citizen.get("/api/v1/payments/" + p2.get("paymentId").asString()).json().get("status").asString())
                .isEqualTo("SUCCEEDED");
        assertThat(citizen.get("/api/v1/payments/" + p3.get("paymentId").asString()).json().get("status").asString())
                .isEqualTo("FAILED");

        // cash is never "paid online"
        String cashCode = PaymentFlows.submitted(citizen).get("code").asString();
        api().as("tiepnhan.tanphu").post("/api/v1/office/dossiers/" + cashCode + "/payments/cash", Map.of());
        assertThat(onlinePayments.paidOnline(cashCode)).isEmpty();

        // the platform has no refund: refused and kept as requested, then recorded as paid back by bank transfer
        TestApi accountant = api().as("ketoan.tanphu");
        int version = citizen.get("/api/v1/payments/" + id).json().get("version").asInt();
        var refused = accountant.post("/api/v1/accounting/payments/" + id + "/refund",
                Map.of("reason", "Nộp trùng", "version", version));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        JsonNode requested = citizen.get("/api/v1/payments/" + id).json();
        assertThat(requested.get("status").asString()).isEqualTo("REFUND_REQUESTED");
        var manual = accountant.post("/api/v1/accounting/payments/" + id + "/refund",
                Map.of("reason", "Đã chuyển khoản trả lại", "version", requested.get("version").asInt(),
                        "manual", true));
        assertThat(manual.status()).as(manual.toString()).isEqualTo(200);
        assertThat(manual.json().get("status").asString()).isEqualTo("REFUNDED");
        assertThat(onlinePayments.paidOnline(code)).as("refunded: no longer paid online").isEmpty();
    }

    private static JsonNode post(TestApi api, Map<String, Object> body) {
        var r = api.post("/api/v1/payments/platform/callback", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
