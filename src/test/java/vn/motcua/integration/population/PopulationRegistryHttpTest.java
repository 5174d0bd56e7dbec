package vn.motcua.integration.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierContents;
import vn.motcua.identity.Accounts;
import vn.motcua.platform.Actor;
import vn.motcua.test.IntegrationTest;

/**
 * The HTTP adapter of the population database against a stub registry over real HTTP: an answer, nobody, an error
 * code, a slow answer, the registry gone; and intake going on with the check recorded "not done" when it is away.
 */
@IntegrationTest
class PopulationRegistryHttpTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    DossierContents dossiers;

    @Autowired
    Accounts accounts;

    @Autowired
    Clock clock;

    @Autowired
    vn.motcua.platform.outbox.Outbox outbox;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    HttpServer registry;
    final AtomicReference<String> answer = new AtomicReference<>();
    final AtomicInteger status = new AtomicInteger(200);
    final AtomicInteger delay = new AtomicInteger();
    final AtomicReference<String> asked = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/", exchange -> {
            asked.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            try {
                Thread.sleep(delay.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] out = answer.get().getBytes(StandardCharsets.UTF_8);
            try {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status.get(), out.length);
                exchange.getResponseBody().write(out);
            } catch (java.io.IOException e) {
                // the client gave up
            } finally {
                exchange.close();
            }
        });
        registry.start();
    }

    @AfterEach
    void stop() {
        registry.stop(0);
    }

    HttpPopulationRegistry adapter() {
        return new HttpPopulationRegistry(new PopulationProperties("http", "http://127.0.0.1:"
                + registry.getAddress().getPort(), null, "khoa", Duration.ofMillis(800), null), json);
    }

    @Test
    void readsAPersonNobodyAndTellsWhenTheRegistryCannotAnswer() {
        answer.set("""
                {"error_code":"0","message":"Thành công","data":{"HoVaTen":"Trần Thị Bình","NgayThangNamSinh":"19851103",
                 "GioiTinh":"Nữ","ThuongTru":"Phường Tân Bình, Đồng Xoài","NoiOHienNay":"Phường Tân Bình, Đồng Xoài"}}""");
        RegistryPerson p = adapter().lookup("070185001111").orElseThrow();
        assertThat(p.fullName()).isEqualTo("Trần Thị Bình");
        assertThat(p.dateOfBirth()).isEqualTo(LocalDate.of(1985, 11, 3));
        assertThat(p.permanentAddress()).contains("Tân Bình");
        assertThat(asked.get()).contains("\"SoDinhDanh\":\"070185001111\"").endsWith("Bearer khoa");

        answer.set("{\"error_code\":\"0\",\"message\":\"Không có dữ liệu\",\"data\":null}");
        assertThat(adapter().lookup("070185001112")).isEmpty();
        status.set(404);
        assertThat(adapter().lookup("070185001112")).isEmpty();

        status.set(200);
        answer.set("{\"error_code\":\"99\",\"message\":\"Hệ thống đang bảo trì\"}");
        assertThatThrownBy(() -> adapter().lookup("070185001111"))
                .isInstanceOf(PopulationRegistry.RegistryUnavailable.class).hasMessageContaining("bảo trì");
        status.set(503);
        assertThatThrownBy(() -> adapter().lookup("070185001111"))
                .isInstanceOf(PopulationRegistry.RegistryUnavailable.class);
        status.set(200);
        answer.set("{\"error_code\":\"0\",\"data\":null}");
        delay.set(2000);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> adapter().lookup("070185001111"))
                .as("a slow registry does not hold intake").isInstanceOf(PopulationRegistry.RegistryUnavailable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1800));
        delay.set(0);
        HttpPopulationRegistry gone = adapter();
        registry.stop(0);
        assertThatThrownBy(() -> gone.lookup("070185001111")).isInstanceOf(PopulationRegistry.RegistryUnavailable.class);
    }

    @Test
    void theRegistryAwayIsRecordedNotDoneAndIntakeGoesOn() {
        HttpPopulationRegistry gone = adapter();
        registry.stop(0);
        PopulationChecks checks = new PopulationChecks(gone, new PopulationProperties("http", "x", null, null, null,
                null), dossiers, accounts, jdbc, json, clock, outbox, tx);
        Actor officer = accounts.byUsername("tiepnhan.tanphu").orElseThrow();
        var check = checks.atIntake(new PopulationChecks.Request("070090001234", "Nguyễn Văn An",
                LocalDate.of(1990, 5, 12), false), officer);
        assertThat(check.result()).isEqualTo(PopulationChecks.Result.NOT_DONE);
        assertThat(check.message()).isNotBlank();
        assertThat(jdbc.sql("select result from population_check where id = :id").param("id", check.id())
                .query(String.class).single()).isEqualTo("NOT_DONE");
    }
}
