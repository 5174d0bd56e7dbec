package vn.motcua.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;
import vn.motcua.test.TestConfig;
import vn.motcua.test.TestDossiers;
import vn.motcua.test.TestMail;

/**
 * The hand-over of open certification requests by a reorganisation (issue 11, docs/REORGANISATION.md), on the real
 * mapping NQ1662-2025 applied on 1 July 2025 on a database of its own (as ArchiveCustodyTest): in June 2025 a citizen
 * asks Phường Tân Phú (70.689.25195.MC) for three certified copies — one left received, one signed and numbered
 * (waiting for the seal), one cancelled. After the apply the two open ones are at Phường Bình Phước (75.25195.MC),
 * their history names the reorganisation and its legal basis, their version moved on, and Bình Phước's certifier takes
 * them to the end (compare, sign with Bình Phước's own book, seal — the waiting one keeps Tân Phú's number); the
 * cancelled one stays at Tân Phú and is only read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "motcua.embedded-postgres.enabled=false",
    "motcua.demo.history.enabled=false",
    // the old structure at start: the test applies NQ1662-2025 itself, on 1 July 2025 of the application's clock
    "motcua.demo.apply-reorganisation-2025=false",
    // the default (docs/CERTIFICATION.md), said here so that this class gets an application and a database of its
    // own: with the same properties as another class, Spring's context cache would give both one database
    "motcua.certification.extension-threshold=50",
    "motcua.outbox.interval=200ms",
    "motcua.national-portal.interval=1h",
    "db-scheduler.polling-interval=200ms",
    "spring.mail.host=127.0.0.1",
    "spring.mail.port=${motcua.test.smtp-port}",
    "motcua.limits.upload=100000/1h",
    "motcua.limits.sign-up-source=10000/1h",
    "motcua.limits.login-failure=5/1h fixed, 50/1d",
    "motcua.limits.public-write=100000/1h",
    "motcua.limits.password-reset-source=100000/1h"
})
@ActiveProfiles({"demo", "test"})
@Import(TestConfig.class)
@ContextConfiguration(initializers = {vn.motcua.test.TestDatabase.OwnDatabase.class, TestMail.Initializer.class})
class CertificationHandOverTest {

    static final String TAN_PHU = "70.689.25195.MC";
    static final String BINH_PHUOC = "75.25195.MC";

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void openRequestsOfAClosedCommuneGoToItsSuccessorWhichTakesThemToTheEndClosedOnesStay() {
        clock.set(OffsetDateTime.of(2025, 6, 16, 9, 0, 0, 0, ZoneOffset.ofHours(7)));
        TestApi citizen = new TestApi(port).as("congdan1");
        TestApi certifier = new TestApi(port).as("chungthuc.tanphu");
        JsonNode received = request(citizen, "Bằng tốt nghiệp trung học phổ thông");
        JsonNode signed = act(certifier, act(certifier, request(citizen, "Giấy khai sinh"), "COMPARE"), "SIGN");
        assertThat(signed.get("status").asString()).isEqualTo("CHO_DONG_DAU");
        String tanPhuNumber = signed.get("certificationNumber").asString();
        JsonNode cancelled = act(citizen, request(citizen, "Sổ hộ khẩu"), "CANCEL");
        assertThat(cancelled.get("status").asString()).isEqualTo("HUY");

        // 1 July 2025: NQ1662-2025 applied; Tân Phú's certifier posted to Phường Bình Phước, as the demo does
        clock.set(OffsetDateTime.of(2025, 7, 1, 8, 0, 0, 0, ZoneOffset.ofHours(7)));
        TestApi admin = new TestApi(port).as("admin");
        JsonNode reorganisation = admin.get("/api/v1/admin/reorganisations/NQ1662-2025").json();
        String legalBasis = reorganisation.get("legalBasis").asString();
        var applied = admin.post("/api/v1/admin/reorganisations/NQ1662-2025/apply",
                Map.of("version", reorganisation.get("version").asInt()));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        move(admin, "chungthuc.tanphu", BINH_PHUOC);

        // the open ones: at the successor, one history line each naming the reorganisation, the version moved on
        for (JsonNode before : List.of(received, signed)) {
            String code = before.get("code").asString();
            JsonNode now = certifier.get("/api/v1/certifications/" + code).json();
            assertThat(now.get("agencyCode").asString()).as(code + " handed over").isEqualTo(BINH_PHUOC);
            assertThat(now.get("status").asString()).as("its state stays").isEqualTo(before.get("status").asString());
            assertThat(now.get("version").asInt()).as("a write: optimistic locking sees it")
                    .isEqualTo(before.get("version").asInt() + 1);
            JsonNode history = certifier.get("/api/v1/certifications/" + code + "/history").json();
            JsonNode last = history.get(history.size() - 1);
            assertThat(last.get("action").asString()).isEqualTo("HAND_OVER");
            assertThat(last.get("note").asString()).contains(TAN_PHU, BINH_PHUOC, "NQ1662-2025", legalBasis);
            assertThat(last.get("toStatus").asString()).isEqualTo(before.get("status").asString());
            assertThat(citizen.get("/api/v1/certifications/" + code).json().get("agencyCode").asString())
                    .as("the applicant sees where it is now").isEqualTo(BINH_PHUOC);
        }
        assertThat(actRaw(certifier, received, "COMPARE").status())
                .as("the version read before the hand-over is stale").isEqualTo(409);
        List<String> queue = new ArrayList<>();
        certifier.get("/api/v1/certifications/queue").json().forEach(r -> queue.add(r.get("code").asString()));
        assertThat(queue).as("Bình Phước's open queue").contains(received.get("code").asString(),
                signed.get("code").asString()).doesNotContain(cancelled.get("code").asString());

        // the successor's certifier takes them to the end
        JsonNode r = certifier.get("/api/v1/certifications/" + received.get("code").asString()).json();
        assertThat(r.get("allowedActions").toString()).contains("COMPARE");
        r = act(certifier, act(certifier, r, "COMPARE"), "SIGN");
        assertThat(r.get("status").asString()).isEqualTo("CHO_DONG_DAU");
        assertThat(r.get("certificationNumber").asString()).as("Bình Phước's own book of 2025")
                .startsWith("Số chứng thực: 1;").contains("/2025-SCT/BS-ĐT");
        assertThat(act(certifier, r, "SEAL").get("status").asString()).isEqualTo("HOAN_THANH");
        JsonNode s = certifier.get("/api/v1/certifications/" + signed.get("code").asString()).json();
        JsonNode sealed = act(certifier, s, "SEAL");
        assertThat(sealed.get("status").asString()).isEqualTo("HOAN_THANH");
        assertThat(sealed.get("certificationNumber").asString()).as("the number Tân Phú's book gave it stays")
                .isEqualTo(tanPhuNumber).startsWith("Số chứng thực: 1;");

        // the closed one: stays at Tân Phú, read by the successor (custody), nothing to do on it
        String closedCode = cancelled.get("code").asString();
        assertThat(jdbc.sql("select agency_code from certification_request where code = :c").param("c", closedCode)
                .query(String.class).single()).isEqualTo(TAN_PHU);
        var closed = certifier.get("/api/v1/certifications/" + closedCode);
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().get("agencyCode").asString()).isEqualTo(TAN_PHU);
        assertThat(closed.json().get("allowedActions")).isEmpty();
        assertThat(certifier.get("/api/v1/certifications/" + closedCode + "/history").text())
                .doesNotContain("HAND_OVER");
    }

    JsonNode request(TestApi citizen, String document) {
        String file = TestDossiers.upload(citizen, "ban-chinh.pdf");
        var r = citizen.post("/api/v1/certifications", Map.of("agencyCode", TAN_PHU, "documentName", document,
                "copies", 1, "originalFileId", file));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    static TestApi.Response actRaw(TestApi who, JsonNode c, String action) {
        return who.post("/api/v1/certifications/" + c.get("code").asString() + "/actions",
                Map.of("action", action, "version", c.get("version").asInt()));
    }

    static JsonNode act(TestApi who, JsonNode c, String action) {
        var r = actRaw(who, c, action);
        assertThat(r.status()).as(action + ": " + r).isEqualTo(200);
        return r.json();
    }

    private static void move(TestApi admin, String user, String agency) {
        JsonNode account = admin.get("/api/v1/admin/accounts/" + user).json();
        List<String> roles = new ArrayList<>();
        account.get("roles").forEach(r -> roles.add(r.asString()));
        Map<String, Object> body = new HashMap<>();
        body.put("fullName", account.get("fullName").asString());
        body.put("agencyCode", agency);
        body.put("roles", roles);
        body.put("version", account.get("version").asInt());
        var moved = admin.put("/api/v1/admin/accounts/" + user, body);
        assertThat(moved.status()).as(user + ": " + moved).isEqualTo(200);
    }
}
