package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.dossier.internal.IntakeService;
import vn.motcua.identity.Accounts;
import vn.motcua.platform.Actor;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.SqlCounter;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * What an intake costs the database: a counter intake (the one benchmark 1 measures) makes at most 8 SQL round
 * trips, statements and the commit counted, idempotency key included — in the service, and for the whole HTTP
 * request (the bearer token, the answer).
 */
@IntegrationTest
class IntakeCostTest {

    static final Locale VI = Locale.forLanguageTag("vi");

    @LocalServerPort
    int port;

    @Autowired
    IntakeService intake;

    @Autowired
    Accounts accounts;

    @Test
    void aCounterIntakeTakesAtMostEightRoundTrips() {
        TestApi desk = new TestApi(port).as("tiepnhan.tanphu");
        Actor actor = accounts.byUsername("tiepnhan.tanphu").orElseThrow().from("127.0.0.1");
        // warm caches (catalogue, organisation, calendar) as a running portal has them
        intake.receiveAtCounter(actor, request(desk), null, VI);
        IntakeRequest request = request(desk);
        var count = SqlCounter.count(() -> intake.receiveAtCounter(actor, request, UUID.randomUUID().toString(), VI));
        assertThat(count.result().dossier().code()).isNotBlank();
        System.out.println("Counter intake: " + count.roundTrips() + " round trips: " + count.statements());
        assertThat(count.roundTrips()).as(String.join("\n", count.statements())).isLessThanOrEqualTo(8);
    }

    @Test
    void aCounterIntakeOverHttpTakesAtMostEightRoundTripsAuthenticationAndAnswerIncluded() {
        TestApi desk = new TestApi(port).as("tiepnhan.tanphu");
        desk.post("/api/v1/office/dossiers", TestDossiers.body(desk, "1.001193", TestDossiers.TAN_PHU,
                TestDossiers.phone()));
        Map<String, Object> body = TestDossiers.body(desk, "1.001193", TestDossiers.TAN_PHU, TestDossiers.phone());
        var count = SqlCounter.countRequests(() -> desk.post("/api/v1/office/dossiers", body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString())));
        assertThat(count.result().status()).as(count.result().toString()).isEqualTo(201);
        System.out.println("Counter intake over HTTP: " + count.roundTrips() + " round trips: " + count.statements());
        assertThat(count.roundTrips()).as(String.join("\n", count.statements())).isLessThanOrEqualTo(8);
    }

    private static IntakeRequest request(TestApi desk) {
        Map<String, Object> body = TestDossiers.body(desk, "1.001193", TestDossiers.TAN_PHU, TestDossiers.phone());
        return TestApi.json().convertValue(body, IntakeRequest.class);
    }
}
