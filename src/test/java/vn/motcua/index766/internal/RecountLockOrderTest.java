package vn.motcua.index766.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static vn.motcua.test.TestDossiers.MARITAL;
import static vn.motcua.test.TestDossiers.TAN_PHU;

import java.sql.Connection;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierChanged;
import vn.motcua.notification.NotificationTestEvents;
import vn.motcua.platform.outbox.OutboxEvent;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * The 766 index's writers take its state lock before they touch any of its tables. The recount holds that lock while
 * it empties and refills the online-payment and population-data tables; a consumer batch that had first read one of
 * them (was this changed dossier paid online?) and then waited for the lock made a cycle with it, and PostgreSQL broke
 * the cycle by failing one side ("deadlock detected": the demo history's recount at first start, and the CI run of
 * 5 December 2026). Here the test plays the recount against a real batch — a citizen's filing, its own outbox event —
 * handed to the consumer while the test holds the lock: the batch queues behind the lock holding nothing, the tables
 * are emptied, and the batch then completes.
 */
@IntegrationTest
class RecountLockOrderTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Index766Consumer consumer;

    @Autowired
    JsonMapper json;

    @Test
    void aBatchWaitingForTheRecountHoldsNoIndexTable() throws Exception {
        TestApi citizen = new TestApi(port).as("congdan1");
        var filed = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, MARITAL, TAN_PHU, TestDossiers.phone()));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        OutboxEvent event = jdbc.queryForObject("""
                select id, aggregate, aggregate_id, type, payload::text, created_at from outbox_event
                where type = ? and aggregate_id = ? order by id desc limit 1""",
                (rs, i) -> new OutboxEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        json.readTree(rs.getString(5)),
                        rs.getObject(6, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)),
                DossierChanged.TYPE, filed.json().get("code").asString());
        assertThat(DossierChanged.of(event)).as("the filing's event").isPresent();

        CompletableFuture<Void> batch;
        try (Connection recount = dataSource.getConnection()) {
            recount.setAutoCommit(false);
            try (Statement s = recount.createStatement()) {
                s.execute("select closed_through from index766_state where id = 1 for update");
                // the batch again (applying the same fact twice changes nothing), in its own transaction
                batch = CompletableFuture.runAsync(() -> tx.executeWithoutResult(t -> consumer.handle(List.of(event))));
                // queued behind the lock for longer than PostgreSQL's deadlock_timeout (1 s), so that if a cycle
                // forms it is the recount's wait that finds it
                NotificationTestEvents.await("the batch waiting for the index's state lock", () -> jdbc.queryForObject("""
                        select count(*) from pg_stat_activity
                        where wait_event_type = 'Lock' and query like 'select closed_through from index766_state%'
                          and clock_timestamp() - query_start > interval '1500 milliseconds'""", Long.class),
                        n -> n > 0);
                s.execute("set local lock_timeout = '20s'");
                assertThatCode(() -> s.execute(
                        "truncate index766_payment, index766_vneid_account, index766_population_check"))
                        .as("the recount empties the payment and population tables while a batch waits for it")
                        .doesNotThrowAnyException();
            } finally {
                recount.rollback();
            }
        }
        assertThatCode(() -> batch.get(30, TimeUnit.SECONDS)).as("the batch, once the recount is done")
                .doesNotThrowAnyException();
    }
}
