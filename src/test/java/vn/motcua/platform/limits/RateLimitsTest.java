package vn.motcua.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * Issue 17, findings 1 and 2: tracking cannot be brute-forced, a login cannot be locked by someone else, and
 * the limits follow the client's address as the trusted proxy (here: loopback) reports it in X-Forwarded-For.
 */
@IntegrationTest
class RateLimitsTest {

    @LocalServerPort
    int port;

    private static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198.51." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private static Map<String, String> from(String address) {
        return Map.of("X-Forwarded-For", address);
    }

    @Test
    void aCodeWithTenWrongSecondFactorsStopsAnsweringThatAddressForAnHour() {
        TestApi citizen = new TestApi(port).as("congdan1");
        String phone = TestDossiers.phone();
        JsonNode d = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, TestDossiers.MARITAL,
                TestDossiers.TAN_PHU, phone)).json();
        String code = d.get("code").asString();
        TestApi anonymous = new TestApi(port);
        String attacker = address();
        for (int i = 0; i < 10; i++) {
            String wrong = "09" + String.format("%08d", i);
            var r = anonymous.get("/api/v1/tracking/" + code + "?phone=" + wrong, from(attacker));
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
        }
        var blocked = anonymous.get("/api/v1/tracking/" + code + "?phone=" + phone, from(attacker));
        assertThat(blocked.status()).as("even the right phone: " + blocked).isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isGreaterThan(50 * 60);
        assertThat(blocked.json().get("detail").asString()).contains("thử lại sau");
        assertThat(anonymous.get("/api/v1/tracking/" + code + "?phone=" + phone, from(address())).status())
                .as("the applicant from elsewhere still tracks it").isEqualTo(200);
    }

    @Test
    void lookUpsPerAddressAreLimited() {
        TestApi anonymous = new TestApi(port);
        String crawler = address();
        int refused = 0;
        int answered = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < 90; i++) {
            var r = anonymous.get("/api/v1/tracking/X" + i + "-" + UUID.randomUUID() + "?phone=0912345678",
                    from(crawler));
            if (r.status() == 429) {
                refused++;
                assertThat(r.header("Retry-After")).isNotNull();
            } else {
                assertThat(r.status()).isEqualTo(404);
                answered++;
            }
        }
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L + 1;
        assertThat(refused).as("60 look-ups a minute from one address, refilled one a second").isPositive();
        assertThat(answered).isLessThanOrEqualTo(60 + (int) seconds);
        assertThat(anonymous.get("/api/v1/tracking/Y-" + UUID.randomUUID() + "?phone=0912345678", from(address()))
                .status()).as("another address is not limited").isEqualTo(404);
    }

    @Test
    void wrongPasswordsDelayThatAccountFromThatAddressOnlyAndTheRightPasswordElsewhereWorks() {
        TestApi api = new TestApi(port);
        String name = "cham" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/accounts", Map.of("username", name, "password", "dung-mat-khau",
                "fullName", "Trần Văn Chậm"), from(address())).status()).isEqualTo(202);
        String attacker = address();
        for (int i = 0; i < 5; i++) {
            var r = api.post("/api/v1/auth/token", Map.of("username", name, "password", "sai-" + i), from(attacker));
            assertThat(r.status()).as(r.toString()).isEqualTo(401);
        }
        var waiting = api.post("/api/v1/auth/token", Map.of("username", name, "password", "dung-mat-khau"),
                from(attacker));
        assertThat(waiting.status()).as(waiting.toString()).isEqualTo(429);
        assertThat(waiting.header("Retry-After")).isNotNull();
        var owner = api.post("/api/v1/auth/token", Map.of("username", name, "password", "dung-mat-khau"),
                from(address()));
        assertThat(owner.status()).as("no lock that another address can cause: " + owner).isEqualTo(200);
    }

    @Test
    void publicVerificationsAreLimitedPerAddressInTheSharedLimits() {
        TestApi api = new TestApi(port);
        String address = address();
        String unknown = "/api/v1/verify/" + UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            assertThat(api.get(unknown, from(address)).status()).isEqualTo(404);
        }
        var refused = api.get(unknown, from(address));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.json().get("detail").asString()).contains("phút");
        assertThat(api.get(unknown, from(address())).status()).as("another address").isEqualTo(404);
    }
}
