package vn.motcua.platform.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers committed outbox events to every {@link OutboxConsumer}, in commit order.
 *
 * <p>Ordering uses the inserting transaction id ({@code xid8}): a consumer only reads events whose
 * transaction is older than the oldest transaction of this database still running ({@link #HORIZON}), so an
 * event committed late by a slow transaction is never skipped by a cursor that has moved past its id.
 */
@Component
public class OutboxDispatcher {

    private static final Log log = LogFactory.getLog(OutboxDispatcher.class);
    private static final int BATCH = 500;
    private static final int STRIKES = 3;

    /**
     * The oldest transaction still running that could have written to this database's outbox: the smallest id in
     * progress in our snapshot, leaving out the transactions known to run in other databases of the same server
     * (transaction ids are server-wide, so a long load in another database must not stall this outbox). A
     * transaction we cannot place (another role's session, a prepared transaction) still holds events back: safe.
     */
    static final String HORIZON = """
            select coalesce((
                select min(i.id) from pg_snapshot_xip(s.snap) as i(id)
                where (i.id::text::numeric % 4294967296)::text::xid not in (
                    select backend_xid from pg_stat_activity
                    where backend_xid is not null and datname is distinct from current_database())
            ), pg_snapshot_xmax(s.snap))
            from (select pg_current_snapshot() as snap) s""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final List<OutboxConsumer> consumers;
    private final Map<String, Integer> strikes = new ConcurrentHashMap<>(); // consumer → failures of its next event

    public OutboxDispatcher(JdbcClient jdbc, JsonMapper json, TransactionTemplate tx, List<OutboxConsumer> consumers) {
        this.jdbc = jdbc;
        this.json = json;
        this.tx = tx;
        this.consumers = consumers;
    }

    /** Runs every consumer until it has caught up (bounded per call). Returns the number of events handled. */
    public int dispatchAll() {
        int total = 0;
        for (OutboxConsumer consumer : consumers) {
            for (int round = 0; round < 200; round++) {
                Integer n;
                try {
                    n = tx.execute(status -> dispatchBatch(consumer, BATCH, false));
                } catch (RuntimeException e) {
                    log.warn("Outbox consumer " + consumer.name() + " failed on a batch; its events are retried one by one", e);
                    total += oneByOne(consumer);
                    break;
                }
                total += n == null ? 0 : n;
                if (n == null || n < BATCH) {
                    break;
                }
            }
        }
        return total;
    }

    /**
     * After a failed batch: the events one at a time, so that the good ones before a bad one are delivered. An event
     * that fails {@value #STRIKES} times in a row (a malformed event, a consumer bug) is skipped with an error in the
     * log naming it, instead of stopping the consumer for ever; a transient failure (the database away) stops the
     * round and is retried by the next one.
     */
    private int oneByOne(OutboxConsumer consumer) {
        int done = 0;
        for (int i = 0; i < BATCH; i++) {
            Integer n;
            try {
                n = tx.execute(status -> dispatchBatch(consumer, 1, false));
                strikes.remove(consumer.name());
            } catch (RuntimeException e) {
                int count = strikes.merge(consumer.name(), 1, Integer::sum);
                if (count < STRIKES) {
                    log.warn("Outbox consumer " + consumer.name() + " failed on one event (" + count + " of " + STRIKES
                            + " tries)", e);
                    return done;
                }
                strikes.remove(consumer.name());
                n = tx.execute(status -> dispatchBatch(consumer, 1, true));
            }
            if (n == null || n == 0) {
                return done;
            }
            done += n;
        }
        return done;
    }

    private int dispatchBatch(OutboxConsumer consumer, int limit, boolean skip) {
        jdbc.sql("insert into outbox_cursor (consumer) values (:c) on conflict do nothing")
                .param("c", consumer.name()).update();
        var cursor = jdbc.sql("""
                select last_xid::text as xid, last_id from outbox_cursor where consumer = :c for update skip locked""")
                .param("c", consumer.name())
                .query((rs, i) -> new Object[] {rs.getString("xid"), rs.getLong("last_id")})
                .optional();
        if (cursor.isEmpty()) {
            return 0; // another node is dispatching this consumer right now
        }
        String lastXid = (String) cursor.get()[0];
        long lastId = (Long) cursor.get()[1];
        List<Row> rows = jdbc.sql("""
                select id, xid::text as xid_text, aggregate, aggregate_id, type, payload::text as payload, created_at
                from outbox_event
                where (xid, id) > (cast(:xid as xid8), :id)
                  and xid < (%s)
                order by outbox_event.xid, outbox_event.id
                limit :limit""".formatted(HORIZON))
                .param("xid", lastXid).param("id", lastId).param("limit", limit)
                .query((rs, i) -> new Row(rs.getString("xid_text"), new OutboxEvent(rs.getLong("id"),
                        rs.getString("aggregate"), rs.getString("aggregate_id"), rs.getString("type"),
                        json.readTree(rs.getString("payload")),
                        rs.getObject("created_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC))))
                .list();
        if (rows.isEmpty()) {
            return 0;
        }
        if (skip) {
            OutboxEvent e = rows.get(0).event();
            log.error("Outbox consumer " + consumer.name() + " skips event " + e.id() + " (" + e.type() + " of "
                    + e.aggregate() + " " + e.aggregateId() + ") after " + STRIKES + " failures; payload: " + e.payload());
        } else {
            consumer.handle(rows.stream().map(Row::event).toList());
        }
        Row last = rows.get(rows.size() - 1);
        jdbc.sql("""
                update outbox_cursor set last_xid = cast(:xid as xid8), last_id = :id, updated_at = now()
                where consumer = :c""")
                .param("xid", last.xid()).param("id", last.event().id()).param("c", consumer.name()).update();
        return rows.size();
    }

    private record Row(String xid, OutboxEvent event) {
    }
}
