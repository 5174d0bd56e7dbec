package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
 * request (the bearer token, the answer). A transition that needs nothing from the workflow is the lock, the write of the
 * dossier with its history entry, the event and the commit.
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
        System.out.println("Counter intake: " + perRequest(count).size() + " round trips: " + perRequest(count));
        assertThat(perRequest(count)).as(String.join("\n", count.statements())).hasSizeLessThanOrEqualTo(8);
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
        System.out.println("Counter intake over HTTP: " + perRequest(count).size() + " round trips: "
                + perRequest(count));
        assertThat(perRequest(count)).as(String.join("\n", count.statements())).hasSizeLessThanOrEqualTo(8);
    }

    @Autowired
    vn.motcua.dossier.internal.Transitions transitions;

    @Test
    void aTransitionWithoutWorkflowWorkIsFourRoundTripsLockWriteEventCommit() {
        TestApi citizen = new TestApi(port).as("congdan1");
        Actor desk = accounts.byUsername("tiepnhan.tanphu").orElseThrow().from("127.0.0.1");
        var d = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, TestDossiers.MARITAL, TestDossiers.TAN_PHU,
                TestDossiers.phone())).json();
        ActionRequest accept = new ActionRequest("ACCEPT", d.get("version").asInt(), null, null, null, null, null,
                null, null, null, null);
        var count = SqlCounter.count(() -> transitions.act(desk, d.get("code").asString(), accept, VI));
        assertThat(count.result().status()).isEqualTo(DossierStatus.RECEIVED);
        System.out.println("ACCEPT: " + perRequest(count).size() + " round trips: " + perRequest(count));
        assertThat(perRequest(count)).as(String.join("\n", count.statements())).hasSize(4);
    }

    /**
     * The round trips of a piece of work, without the calendar's check of its schedule version: at most one a second
     * per node whatever the traffic (a holiday change reaches every node within a second), so not a cost of one
     * request; a slow test machine would otherwise count it or not by chance.
     */
    static List<String> perRequest(SqlCounter.Count<?> count) {
        return count.statements().stream().filter(s -> !s.contains("from calendar_version")).toList();
    }

    private static IntakeRequest request(TestApi desk) {
        Map<String, Object> body = TestDossiers.body(desk, "1.001193", TestDossiers.TAN_PHU, TestDossiers.phone());
        return TestApi.json().convertValue(body, IntakeRequest.class);
    }
}
