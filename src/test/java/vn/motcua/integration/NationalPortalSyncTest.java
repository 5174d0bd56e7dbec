package vn.motcua.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.integration.internal.NationalPortalProperties;
import vn.motcua.integration.internal.NationalPortalSender;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/** Dossier changes reach a portal over HTTP (a local stand-in answering as the national portal does). */
@IntegrationTest
class NationalPortalSyncTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    HttpServer portal;
    final List<String[]> received = new CopyOnWriteArrayList<>();
    final AtomicReference<String> createAnswer = new AtomicReference<>("{\"error_code\":\"0\",\"message\":\"Thêm mới thành công\"}");

    @BeforeEach
    void startPortal() throws Exception {
        portal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        portal.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[] {exchange.getRequestURI().getPath(), body,
                    String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))});
            String answer = exchange.getRequestURI().getPath().endsWith("themmoi") ? createAnswer.get()
                    : "{\"error_code\":\"0\",\"message\":\"Cập nhật thành công\"}";
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        portal.start();
    }

    @AfterEach
    void stopPortal() {
        portal.stop(0);
    }

    NationalPortalSender sender() {
        return new NationalPortalSender(jdbc, json, new NationalPortalProperties(
                "http://127.0.0.1:" + portal.getAddress().getPort(), null, null, "bi-mat", null, null, 500, 3, null));
    }

    String waitForRow(String code) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var payload = jdbc.sql("select payload::text from national_sync where dossier_code = :c and status = 'PENDING'")
                    .param("c", code).query(String.class).optional();
            if (payload.isPresent()) {
                return payload.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no sync row for " + code);
    }

    @Test
    void aCounterIntakeIsCreatedOnThePortalThenUpdated() throws Exception {
        TestApi desk = new TestApi(port).as("tiepnhan.tanphu");
        JsonNode d = desk.post("/api/v1/office/dossiers", TestDossiers.body(desk, TestDossiers.MARITAL,
                TestDossiers.TAN_PHU, TestDossiers.phone())).json();
        String code = d.get("code").asString();
        JsonNode payload = json.readTree(waitForRow(code));
        assertThat(payload.get("MaHoSo").asString()).isEqualTo(code);
        assertThat(payload.get("MaTTHC").asString()).isEqualTo("1.004873.000.00.00.H10");
        assertThat(payload.get("KenhThucHien").asInt()).isEqualTo(1);
        assertThat(payload.get("TrangThaiHoSo").asInt()).isEqualTo(2);
        assertThat(payload.get("NgayTiepNhan").asString()).matches("\\d{14}");
        assertThat(payload.get("DinhDanhCHS").get(0).get("LoaiDinhDanh").asInt()).isEqualTo(1);
        sender().sendDue();
        assertThat(received).anySatisfy(r -> {
            assertThat(r[0]).endsWith("/hoso/themmoi");
            assertThat(r[1]).startsWith("[").contains(code);
            assertThat(r[2]).isEqualTo("Bearer bi-mat");
        });
        ProcessingForward.forward(desk, d);
        waitForRow(code);
        sender().sendDue();
        assertThat(received).anySatisfy(r -> assertThat(r[0]).endsWith("/hoso/capnhat"));
        assertThat(jdbc.sql("select status from national_sync where dossier_code = :c").param("c", code)
                .query(String.class).single()).isEqualTo("SENT");
    }

    @Test
    void aDossierThePortalAlreadyKnowsIsUpdatedAndErrorsAreRetriedThenLeftForAnOperator() throws Exception {
        TestApi desk = new TestApi(port).as("tiepnhan.tanphu");
        String known = desk.post("/api/v1/office/dossiers", TestDossiers.body(desk, TestDossiers.MARITAL,
                TestDossiers.TAN_PHU, TestDossiers.phone())).json().get("code").asString();
        waitForRow(known);
        createAnswer.set("{\"error_code\":\"1\",\"message\":\"Hồ sơ đã tồn tại\"}");
        sender().sendDue();
        assertThat(jdbc.sql("select status from national_sync where dossier_code = :c").param("c", known)
                .query(String.class).single()).isEqualTo("SENT");

        createAnswer.set("{\"error_code\":\"500\",\"message\":\"Lỗi hệ thống\"}");
        String failing = desk.post("/api/v1/office/dossiers", TestDossiers.body(desk, TestDossiers.MARITAL,
                TestDossiers.TAN_PHU, TestDossiers.phone())).json().get("code").asString();
        waitForRow(failing);
        for (int i = 0; i < 3; i++) {
            jdbc.sql("update national_sync set next_attempt = now() where dossier_code = :c").param("c", failing).update();
            sender().sendDue();
        }
        var row = jdbc.sql("select status, attempts, last_error from national_sync where dossier_code = :c")
                .param("c", failing).query((rs, i) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3)}).single();
        assertThat(row[0]).isEqualTo("FAILED");
        assertThat(row[1]).isEqualTo(3);
        assertThat((String) row[2]).contains("Lỗi hệ thống");
        var state = new TestApi(port).as("admin").get("/api/v1/admin/national-sync").json();
        assertThat(state.get("problems").toString()).contains(failing);
    }

    /** Moves a received dossier to processing. */
    static final class ProcessingForward {
        static void forward(TestApi desk, JsonNode d) {
            var r = desk.post("/api/v1/office/dossiers/" + d.get("code").asString() + "/actions",
                    Map.of("action", "FORWARD", "version", d.get("version").asInt()));
            assertThat(r.status()).isEqualTo(200);
        }
    }
}
