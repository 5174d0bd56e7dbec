package vn.motcua.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import vn.motcua.test.TestClock;
import vn.motcua.test.TestDossiers;

/**
 * Dossier changes reach a stub national portal over real HTTP: created then updated, in order per dossier, each change
 * once, through outages, slow answers and refusals; what it refuses waits in the dead letters until resent.
 */
@IntegrationTest
class NationalPortalSyncTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    TestClock clock;

    StubNationalPortal portal;

    @BeforeEach
    void startPortal() throws Exception {
        portal = new StubNationalPortal();
    }

    @AfterEach
    void stopPortal() {
        portal.close();
        clock.reset();
    }

    NationalPortalSender sender(Duration timeout) {
        return new NationalPortalSender(jdbc, json, NationalPortalProperties.of(portal.baseUrl(), "bi-mat", timeout),
                (Clock) clock);
    }

    TestApi desk() {
        return new TestApi(port).as("tiepnhan.tanphu");
    }

    /** The changes of a dossier queued so far, waiting until there are {@code n}. */
    List<Integer> queued(String code, int n) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            List<Integer> statuses = jdbc.sql("""
                    select national_status from national_sync_change where dossier_code = :c order by id""")
                    .param("c", code).query(Integer.class).list();
            if (statuses.size() >= n) {
                return statuses;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + n + " changes of " + code + " queued");
    }

    String status(long changeId) {
        return jdbc.sql("select status from national_sync_change where id = :id").param("id", changeId)
                .query(String.class).single();
    }

    static JsonNode act(TestApi who, JsonNode d, String action) {
        var r = who.post("/api/v1/office/dossiers/" + d.get("code").asString() + "/actions",
                Map.of("action", action, "version", d.get("version").asInt()));
        assertThat(r.status()).as(action + ": " + r).isEqualTo(200);
        return r.json();
    }

    /** A counter dossier received, then forwarded to processing: two changes (2, 4). */
    JsonNode receivedAndForwarded() {
        TestApi desk = desk();
        JsonNode d = desk.post("/api/v1/office/dossiers", TestDossiers.body(desk, TestDossiers.MARITAL,
                TestDossiers.TAN_PHU, TestDossiers.phone())).json();
        return act(desk, d, "FORWARD");
    }

    int sendAll(NationalPortalSender sender, int rounds) {
        int sent = 0;
        for (int i = 0; i < rounds; i++) {
            sent += sender.sendDue();
        }
        return sent;
    }

    @Test
    void aDossierIsCreatedOnThePortalThenUpdatedWithItsProcessHistory() throws Exception {
        JsonNode d = receivedAndForwarded();
        String code = d.get("code").asString();
        assertThat(queued(code, 2)).containsExactly(2, 4);
        // other tests' changes may be queued before these in the shared database: send until ours are through
        NationalPortalSender s = sender(Duration.ofSeconds(5));
        for (int round = 0; round < 300 && (round < 3 || portal.records.getOrDefault(code, List.of()).size() < 2);
                round++) {
            s.sendDue();
        }
        assertThat(portal.creates.get(code)).isEqualTo(1);
        assertThat(portal.records.get(code)).containsExactly(2, 4);
        assertThat(portal.history.get(code)).hasSize(2);
        assertThat(portal.requests).filteredOn(r -> r[1].contains(code)).allSatisfy(r -> {
            assertThat(r[2]).isEqualTo("Bearer bi-mat");
            assertThat(r[1]).startsWith("[");
        });
        var state = new TestApi(port).as("admin").get("/api/v1/admin/national-sync/dossiers/" + code).json();
        assertThat(state.get("knownToPortal").asBoolean()).isTrue();
        assertThat(state.get("acknowledgedStatus").asInt()).isEqualTo(4);
        assertThat(state.get("changes").findValuesAsString("status")).containsExactly("SENT", "SENT");
    }

    @Test
    void throughOutagesSlowAnswersAndRefusalsThePortalGetsEveryChangeOnceAndInOrder() throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode d = receivedAndForwarded();
            // the specialist forwards to the leader: a third change (4 again)
            codes.add(act(new TestApi(port).as("chuyenvien.tanphu"), d, "FORWARD").get("code").asString());
        }
        for (String code : codes) {
            assertThat(queued(code, 3)).containsExactly(2, 4, 4);
        }
        NationalPortalSender sender = sender(Duration.ofSeconds(2));

        // the portal vanishes for more than a day: attempts back off (at most an hour apart), nothing is lost.
        // The dossiers' events are handled first: near a month's end the clock moved 38 hours on reads next month, and
        // an event the 766 index handled then would close the current month for good (see SignedResultApiTest)
        vn.motcua.test.Background.outboxCaughtUp(jdbc);
        portal.stop();
        for (int hour = 0; hour < 26; hour++) {
            assertThat(sender.sendDue()).isZero();
            clock.advance(Duration.ofHours(1).plusMinutes(1));
        }
        assertThat(portal.requests).isEmpty();
        for (String code : codes) {
            assertThat(jdbc.sql("select count(*) from national_sync_change where dossier_code = :c and status = 'PENDING'")
                    .param("c", code).query(Long.class).single()).as("still waiting after 26 hours").isEqualTo(3);
        }

        // it comes back overloaded (503), then slow, and refuses the second dossier's records
        portal.start();
        portal.unavailable = true;
        sender.sendDue();
        portal.unavailable = false;
        portal.delayMillis = 700;
        portal.refuse = codes.get(1);
        for (int round = 0; round < 12; round++) {
            sender.sendDue();
            clock.advance(Duration.ofHours(1).plusMinutes(1));
        }
        portal.delayMillis = 0;
        assertThat(portal.records.get(codes.get(0))).containsExactly(2, 4, 4);
        assertThat(portal.records.get(codes.get(2))).containsExactly(2, 4, 4);
        assertThat(portal.records.get(codes.get(1))).as("refused").isNull();

        // the refused change is a dead letter holding the dossier's later changes
        TestApi admin = new TestApi(port).as("admin");
        JsonNode state = admin.get("/api/v1/admin/national-sync").json();
        assertThat(state.get("backlog").get("alert").asString()).isNotBlank();
        JsonNode dead = null;
        for (JsonNode c : state.get("deadLetters")) {
            if (c.get("dossierCode").asString().equals(codes.get(1))) {
                dead = c;
            }
        }
        assertThat(dead).as("the refused change among the dead letters").isNotNull();
        assertThat(dead.get("lastError").asString()).contains("Dữ liệu không hợp lệ");
        assertThat(dead.get("nationalStatus").asInt()).isEqualTo(2);
        JsonNode held = admin.get("/api/v1/admin/national-sync/dossiers/" + codes.get(1)).json();
        assertThat(held.get("changes").findValuesAsString("status")).containsExactly("DEAD", "PENDING", "PENDING");

        // the province fixes the data, the administrator resends: the rest follows in order
        portal.refuse = null;
        long deadId = dead.get("id").asLong();
        assertThat(admin.post("/api/v1/admin/national-sync/dead-letters/" + deadId + "/resend", Map.of()).status())
                .isEqualTo(200);
        assertThat(admin.post("/api/v1/admin/national-sync/dead-letters/" + deadId + "/resend", Map.of()).status())
                .as("not dead any more").isEqualTo(409);
        sendAll(sender, 4);
        for (String code : codes) {
            assertThat(portal.records.get(code)).as("every change of " + code + " once, in order")
                    .containsExactly(2, 4, 4);
            assertThat(portal.creates.get(code)).isEqualTo(1);
            List<String> lines = portal.history.get(code);
            assertThat(lines).as("each history line once, in order").hasSize(3)
                    .extracting(l -> l.substring(0, 14)).isSorted();
            assertThat(lines).extracting(l -> l.substring(15)).containsExactly("2", "4", "4");
        }
        assertThat(portal.historyCallsMax).isLessThanOrEqualTo(10);
        assertThat(jdbc.sql("select count(*) from national_sync_change where dossier_code in (:c) and status <> 'SENT'")
                .param("c", codes).query(Long.class).single()).isZero();
    }
}
