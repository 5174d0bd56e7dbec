package vn.motcua.payment.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.payment.spi.CallbackData;
import vn.motcua.payment.spi.GatewayResult;
import vn.motcua.payment.spi.GatewayUnavailableException;
import vn.motcua.payment.spi.PaymentOrder;

/**
 * The national payment platform's adapter against its contract v1.0.6 (DOMAIN-2.md §1a.1), with a stub platform on
 * the loopback: MaXacThuc known answers written out by hand and digested apart ({@code sha256sum}), INIT in both
 * answer forms seen, the callback's configurable field order, QUERY's TrangThaiGD.
 */
class PlatformGatewayTest {

    static final String SECRET = "BIMATCHUNG";
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    final JsonMapper json = JsonMapper.builder().build();
    HttpServer server;
    final AtomicReference<JsonNode> received = new AtomicReference<>();
    final AtomicReference<String> authorization = new AtomicReference<>();
    final AtomicReference<String> answer = new AtomicReference<>();

    @BeforeEach
    void platform() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api", x -> {
            received.set(json.readTree(x.getRequestBody().readAllBytes()));
            authorization.set(x.getRequestHeaders().getFirst("Authorization"));
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    PlatformGateway gateway(List<String> callbackFields) {
        PlatformProperties p = new PlatformProperties("http://127.0.0.1:" + server.getAddress().getPort() + "/api",
                "MOTCUA", SECRET, "TOKEN1", null, callbackFields, null, null);
        return new PlatformGateway(p, json, Clock.fixed(Instant.parse("2026-12-04T03:00:00Z"), ZONE), ZONE);
    }

    static PaymentOrder order() {
        return new PaymentOrder("MC261204100000123456", 8000, "Thanh toan phi le phi ho so H10.89.01.002-261204-0001",
                OffsetDateTime.parse("2026-12-04T10:00:00+07:00"), OffsetDateTime.parse("2026-12-04T10:15:00+07:00"),
                "127.0.0.1", "http://localhost/thanh-toan/ket-qua", null,
                new PaymentOrder.Payer("Nguyễn Văn An", "070090001234", "Số 12", "H10.89.01.002-261204-0001",
                        "2.000635", "Cấp bản sao Trích lục hộ tịch", "70.689.25195.MC", "UBND phường Tân Phú"));
    }

    @Test
    void theInitChecksumIsTheSha256OfThePipeJoinedFieldsAndTheSecret() {
        // printf 'INIT|1.0.6|MOTCUA|MC261204100000123456|8000|PAY|1|1|vi-VN|VND|PAYMENT|Thanh toan phi le phi ho so
        //   H10.89.01.002-261204-0001|20261204100000|127.0.0.1|BIMATCHUNG' | sha256sum
        assertThat(PlatformGateway.checksum(SECRET, "INIT", "1.0.6", "MOTCUA", "MC261204100000123456", "8000", "PAY",
                "1", "1", "vi-VN", "VND", "PAYMENT", "Thanh toan phi le phi ho so H10.89.01.002-261204-0001",
                "20261204100000", "127.0.0.1"))
                .isEqualTo("1227c6ec96eb1a3965eef770a2262c343dc58662596daa17ac9328cbe5cab341");
    }

    @Test
    void initSendsTheSignedRequestWithTheReceiptDataAndReadsTheEnvelope() {
        answer.set("{\"error_code\":\"0\",\"message\":\"{\\\"MaLoi\\\":\\\"00\\\",\\\"UrlThanhToan\\\":"
                + "\\\"https://thanhtoan.example/pay?t=1\\\"}\"}");
        assertThat(gateway(null).initiate(order()).url()).isEqualTo("https://thanhtoan.example/pay?t=1");
        JsonNode r = received.get();
        assertThat(r.get("LoaiBanTin").asString()).isEqualTo("INIT");
        assertThat(r.get("PhienBan").asString()).isEqualTo("1.0.6");
        assertThat(r.get("SoTien").asString()).as("đồng, no ×100").isEqualTo("8000");
        assertThat(r.get("ThoiGianGD").asString()).as("24-hour yyyyMMddHHmmss").isEqualTo("20261204100000");
        assertThat(r.get("MaXacThuc").asString())
                .isEqualTo("1227c6ec96eb1a3965eef770a2262c343dc58662596daa17ac9328cbe5cab341");
        assertThat(r.get("ThongTinBienLai").get("MaDichVu").asString()).isEqualTo("2");
        assertThat(r.get("ThongTinBienLai").get("MaHoSo").asString()).isEqualTo("H10.89.01.002-261204-0001");
        assertThat(authorization.get()).isEqualTo("Bearer TOKEN1");

        answer.set("{\"MaLoi\":\"00\",\"UrlThanhToan\":\"https://thanhtoan.example/pay?t=2\"}");
        assertThat(gateway(null).initiate(order()).url()).as("the direct form").endsWith("t=2");
        answer.set("{\"error_code\":\"5\",\"message\":\"Sai ma doi tac\"}");
        assertThatThrownBy(() -> gateway(null).initiate(order())).isInstanceOf(GatewayUnavailableException.class);
        answer.set("not json");
        assertThatThrownBy(() -> gateway(null).initiate(order())).isInstanceOf(GatewayUnavailableException.class);
    }

    static Map<String, String> callback(String secret) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("LoaiBanTin", "CONFIRM");
        c.put("MaLoi", "00");
        c.put("MaDoiTac", "MOTCUA");
        c.put("MaThamChieu", "MC261204100000123456");
        c.put("SoTien", "8000");
        c.put("MaTienTe", "VND");
        c.put("MaGiaoDich", "PG123456");
        c.put("MaNganHang", "NCB");
        c.put("ThoiGianGD", "20261204101500");
        c.put("ThongTinGiaoDich", "Thanh toan");
        // printf 'CONFIRM|00|MOTCUA|MC261204100000123456|8000|VND|PG123456|NCB|20261204101500|Thanh toan|BIMATCHUNG'
        //   | sha256sum
        c.put("MaXacThuc", SECRET.equals(secret) ? "4fa9227e1b578fe0314cd73e4bda6fdac85d0db41f2db3e896bea9d32979bbe5"
                : PlatformGateway.checksum(secret, c.get("LoaiBanTin"), c.get("MaLoi"), c.get("MaDoiTac"),
                c.get("MaThamChieu"), c.get("SoTien"), c.get("MaTienTe"), c.get("MaGiaoDich"), c.get("MaNganHang"),
                c.get("ThoiGianGD"), c.get("ThongTinGiaoDich")));
        return c;
    }

    @Test
    void aCallbackIsReadOnlyWhenItsChecksumMatchesInTheConfiguredOrder() {
        CallbackData ok = gateway(null).verify(callback(SECRET));
        assertThat(ok.signatureValid()).isTrue();
        assertThat(ok.outcome()).isEqualTo(GatewayResult.Outcome.PAID);
        assertThat(ok.amount()).isEqualTo(8000);
        assertThat(ok.reference()).isEqualTo("MC261204100000123456");
        assertThat(ok.gatewayTxnNo()).isEqualTo("PG123456");
        assertThat(ok.paidAt()).isEqualTo(OffsetDateTime.parse("2026-12-04T10:15:00+07:00"));

        assertThat(gateway(null).verify(callback("WRONG")).signatureValid()).as("forged").isFalse();
        Map<String, String> tampered = callback(SECRET);
        tampered.put("SoTien", "1");
        assertThat(gateway(null).verify(tampered).signatureValid()).as("amount changed after signing").isFalse();
        Map<String, String> upper = callback(SECRET);
        upper.put("MaXacThuc", upper.get("MaXacThuc").toUpperCase());
        assertThat(gateway(null).verify(upper).signatureValid()).as("hex in capitals").isTrue();

        // OpenCPS puts ThongTinGiaoDich before ThoiGianGD: the same message only verifies with that order configured
        List<String> openCps = List.of("LoaiBanTin", "MaLoi", "MaDoiTac", "MaThamChieu", "SoTien", "MaTienTe",
                "MaGiaoDich", "MaNganHang", "ThongTinGiaoDich", "ThoiGianGD");
        assertThat(gateway(openCps).verify(callback(SECRET)).signatureValid()).isFalse();
        Map<String, String> reordered = callback(SECRET);
        reordered.put("MaXacThuc", PlatformGateway.checksum(SECRET, "CONFIRM", "00", "MOTCUA",
                "MC261204100000123456", "8000", "VND", "PG123456", "NCB", "Thanh toan", "20261204101500"));
        assertThat(gateway(openCps).verify(reordered).signatureValid()).isTrue();

        Map<String, String> failed = callback("X");
        failed.put("MaLoi", "24");
        failed.put("MaXacThuc", PlatformGateway.checksum(SECRET, "CONFIRM", "24", "MOTCUA", "MC261204100000123456",
                "8000", "VND", "PG123456", "NCB", "20261204101500", "Thanh toan"));
        assertThat(gateway(null).verify(failed).outcome()).isEqualTo(GatewayResult.Outcome.FAILED);
        assertThat(gateway(null).verify(Map.of()).signatureValid()).isFalse();
    }

    @Test
    void queryReadsTheTransactionState() {
        answer.set("{\"MaLoi\":\"00\",\"TrangThaiGD\":\"1\",\"SoTien\":\"8000\",\"MaGiaoDich\":\"PG1\"}");
        GatewayResult paid = gateway(null).query(order());
        assertThat(paid.outcome()).isEqualTo(GatewayResult.Outcome.PAID);
        assertThat(paid.amount()).isEqualTo(8000);
        JsonNode q = received.get();
        assertThat(q.get("LoaiBanTin").asString()).isEqualTo("QUERY");
        assertThat(q.get("MaXacThuc").asString()).isEqualTo(PlatformGateway.checksum(SECRET, "QUERY", "1.0.6",
                "MOTCUA", "MC261204100000123456", "20261204100000"));
        answer.set("{\"MaLoi\":\"00\",\"TrangThaiGD\":\"3\"}");
        assertThat(gateway(null).query(order()).outcome()).isEqualTo(GatewayResult.Outcome.PENDING);
        answer.set("{\"MaLoi\":\"00\",\"TrangThaiGD\":\"4\"}");
        assertThat(gateway(null).query(order()).outcome()).isEqualTo(GatewayResult.Outcome.FAILED);
        answer.set("{\"MaLoi\":\"01\",\"MoTaLoi\":\"Khong tim thay\"}");
        assertThat(gateway(null).query(order()).outcome()).isEqualTo(GatewayResult.Outcome.NOT_FOUND);
        assertThat(gateway(null).refund(order(), 8000, "ketoan").outcome())
                .as("refunds are outside the platform's contract").isEqualTo(GatewayResult.Outcome.REFUSED);
    }
}
