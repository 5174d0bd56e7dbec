package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.platform.outbox.Outbox;
import vn.motcua.test.IntegrationTest;

/**
 * The outbox delivers an event once every transaction that could precede it has ended: a transaction still open
 * in this database holds later events back, one in another database of the same server does not.
 */
@IntegrationTest
class OutboxDispatcherTest {

    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    DataSource dataSource;

    long append() {
        return tx.execute(s -> {
            outbox.append("test", "ping", "test.ping", Map.of("at", System.nanoTime()));
            return jdbc.sql("select max(id) from outbox_event where aggregate = 'test'").query(Long.class).single();
        });
    }

    /** True when every consumer's cursor has moved past the event. */
    boolean delivered(long eventId) {
        return jdbc.sql("""
                select bool_and((c.last_xid, c.last_id) >= (e.xid, e.id)) and count(*) > 0
                from outbox_cursor c, outbox_event e where e.id = :id""")
                .param("id", eventId).query(Boolean.class).single();
    }

    boolean deliveredWithin(long eventId, int millis) throws InterruptedException {
        for (int waited = 0; waited < millis; waited += 100) {
            if (delivered(eventId)) {
                return true;
            }
            Thread.sleep(100);
        }
        return delivered(eventId);
    }

    Connection open(String database) throws Exception {
        String url;
        String user;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
            user = c.getMetaData().getUserName();
        }
        String other = database == null ? url : url.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        Connection c = DriverManager.getConnection(other, user, null);
        c.setAutoCommit(false);
        return c;
    }

    @Test
    void aLongTransactionInAnotherDatabaseDoesNotHoldTheOutboxBack() throws Exception {
        try (Connection elsewhere = open("postgres")) {
            try (var st = elsewhere.createStatement()) {
                st.execute("select pg_current_xact_id()"); // takes a transaction id, like a long bulk load would
            }
            long event = append();
            assertThat(deliveredWithin(event, 15_000)).as("delivered while another database's transaction runs").isTrue();
            elsewhere.rollback();
        }
    }

    @Test
    void anOpenTransactionOfThisDatabaseHoldsLaterEventsBackUntilItEnds() throws Exception {
        try (Connection mine = open(null)) {
            try (var st = mine.createStatement()) {
                st.execute("insert into outbox_event (aggregate, aggregate_id, type, payload) "
                        + "values ('test', 'slow', 'test.ping', '{}')");
            }
            long later = append();
            Thread.sleep(1_500); // several dispatch rounds
            assertThat(delivered(later)).as("a later event waits for the earlier transaction").isFalse();
            mine.commit();
            assertThat(deliveredWithin(later, 15_000)).isTrue();
        }
    }

    @Test
    void aMalformedEventIsSkippedAndTheEventsAfterItAreDelivered() throws Exception {
        tx.executeWithoutResult(s -> outbox.append("dossier", "MALFORMED", "dossier.changed", Map.of("id", -1)));
        long after = append();
        assertThat(deliveredWithin(after, 15_000)).as("no consumer is stuck behind a malformed event").isTrue();
    }
}
