package vn.motcua.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.organization.ArchiveCustodyScenario.JUNE_16;
import static vn.motcua.organization.ArchiveCustodyScenario.TAN_PHU;
import static vn.motcua.organization.ArchiveCustodyScenario.listed;
import static vn.motcua.organization.ArchiveCustodyScenario.ledgerOfJune16;

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
import vn.motcua.test.PageSession;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;
import vn.motcua.test.TestConfig;
import vn.motcua.test.TestMail;

/**
 * Archive custody switched off ({@code motcua.reorganisation.successor-custody=false}): the same June 2025 and the same
 * reorganisation as {@link ArchiveCustodyTest}, and Phường Bình Phước's officers and accountant get 404 on what Phường
 * Tân Phú and Xã Tiến Hưng closed before the date — list, dossier, history, result, payment, refund — exactly as
 * Phường Đồng Xoài's officer, who gets 404 either way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // archive custody switched off: each agency reads its own records only
    "motcua.reorganisation.successor-custody=false",
    "motcua.embedded-postgres.enabled=false",
    "motcua.demo.history.enabled=false",
    // the old structure at start: the scenario applies NQ1662-2025 itself, on 1 July 2025 of the application's clock
    "motcua.demo.apply-reorganisation-2025=false",
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
class ArchiveCustodyOffTest {

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
    void withCustodyOffTheSuccessorGets404OnThePredecessorsClosedRecordsAsAnotherWardDoes() {
        ArchiveCustodyScenario.Past past = ArchiveCustodyScenario.june2025ThenReorganised(port, clock, jdbc);
        String code = past.returned();
        for (String user : new String[] {"tiepnhan.tanphu", "tiepnhan.tienhung"}) {
            TestApi officer = new TestApi(port).as(user);
            assertThat(listed(officer, code)).as(user).isEmpty();
            assertThat(listed(officer, past.tienHungEnded())).as(user).isEmpty();
            for (String path : new String[] {"/api/v1/office/dossiers/" + code,
                    "/api/v1/office/dossiers/" + code + "/history",
                    "/api/v1/office/dossiers/" + code + "/files/" + past.resultFileId(),
                    "/api/v1/office/dossiers/" + past.tienHungEnded() + "/history",
                    "/api/v1/payments/" + past.paymentId()}) {
                assertThat(officer.get(path).status()).as(user + ": " + path).isEqualTo(404);
            }
            assertThat(new PageSession(port).logIn(user).get("/can-bo/ho-so/" + code).status()).as(user)
                    .isEqualTo(404);
        }
        TestApi accountant = new TestApi(port).as("ketoan.tanphu");
        assertThat(ledgerOfJune16(accountant, null)).doesNotContain(past.paymentReference());
        assertThat(accountant.get("/api/v1/accounting/payments?from=" + JUNE_16 + "&to=" + JUNE_16 + "&agency="
                + TAN_PHU).status()).as("the predecessor's ledger: not the accountant's agency").isEqualTo(400);
        assertThat(accountant.post("/api/v1/accounting/payments/" + past.paymentId() + "/refund",
                Map.of("reason", "Hồ sơ đã rút, hoàn lại phí", "version", 1)).status()).isEqualTo(404);
        assertThat(jdbc.sql("select status from payment_transaction where reference = :r")
                .param("r", past.paymentReference()).query(String.class).single()).as("nothing changed")
                .isEqualTo("SUCCEEDED");
    }
}
