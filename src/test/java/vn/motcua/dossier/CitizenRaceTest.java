package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.TestDossiers.MARITAL;
import static vn.motcua.test.TestDossiers.TAN_PHU;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * Optimistic locking on the applicant's writes: the applicant withdraws while reception accepts, both from the same
 * version of the dossier, released together; every time exactly one wins and the other gets a 409, nothing else.
 */
@IntegrationTest
class CitizenRaceTest {

    static final int ROUNDS = 25;

    @LocalServerPort
    int port;

    @Test
    void aWithdrawalRacingAnAcceptanceHasExactlyOneWinnerEveryTime() throws Exception {
        TestApi citizen = new TestApi(port).as("congdan1");
        TestApi desk = new TestApi(port).as("tiepnhan.tanphu");
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < ROUNDS; round++) {
                JsonNode d = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, MARITAL, TAN_PHU,
                        TestDossiers.phone())).json();
                String code = d.get("code").asString();
                int version = d.get("version").asInt();
                CountDownLatch go = new CountDownLatch(1);
                var withdraw = CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return citizen.post("/api/v1/dossiers/" + code + "/withdraw", Map.of("version", version,
                            "reason", "Đổi ý"));
                }, pool);
                var accept = CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return desk.post("/api/v1/office/dossiers/" + code + "/actions", Map.of("action", "ACCEPT",
                            "version", version));
                }, pool);
                go.countDown();
                int w = withdraw.get().status();
                int a = accept.get().status();
                String what = "round " + round + ", " + code + ": withdraw " + withdraw.get() + ", accept " + accept.get();
                assertThat(w == 200 ^ a == 200).as("exactly one winner; " + what).isTrue();
                assertThat(w == 409 || a == 409).as("the loser is told the dossier changed; " + what).isTrue();
                JsonNode after = desk.get("/api/v1/office/dossiers/" + code).json();
                assertThat(after.get("status").asString()).as(what).isEqualTo(w == 200 ? "WITHDRAWN" : "RECEIVED");
                assertThat(after.get("version").asInt()).as("one change; " + what).isEqualTo(version + 1);
                assertThat(desk.get("/api/v1/office/dossiers/" + code + "/history").json().size()).as(what).isEqualTo(2);
            }
        }
    }

    private static void await(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
