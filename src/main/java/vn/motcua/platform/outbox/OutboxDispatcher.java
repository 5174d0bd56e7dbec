package vn.motcua.platform.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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
 * transaction is older than the oldest transaction still running ({@code pg_snapshot_xmin}), so an event
 * committed late by a slow transaction is never skipped by a cursor that has moved past its id.
 */
@Component
public class OutboxDispatcher {

    private static final Log log = LogFactory.getLog(OutboxDispatcher.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final List<OutboxConsumer> consumers;

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
                    n = tx.execute(status -> dispatchBatch(consumer));
                } catch (RuntimeException e) {
                    log.warn("Outbox consumer " + consumer.name() + " failed; the batch will be retried", e);
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

    private int dispatchBatch(OutboxConsumer consumer) {
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
                  and xid < pg_snapshot_xmin(pg_current_snapshot())
                order by outbox_event.xid, outbox_event.id
                limit :limit""")
                .param("xid", lastXid).param("id", lastId).param("limit", BATCH)
                .query((rs, i) -> new Row(rs.getString("xid_text"), new OutboxEvent(rs.getLong("id"),
                        rs.getString("aggregate"), rs.getString("aggregate_id"), rs.getString("type"),
                        json.readTree(rs.getString("payload")),
                        rs.getObject("created_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC))))
                .list();
        if (rows.isEmpty()) {
            return 0;
        }
        consumer.handle(rows.stream().map(Row::event).toList());
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
