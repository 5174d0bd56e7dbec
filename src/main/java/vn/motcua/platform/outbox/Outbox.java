package vn.motcua.platform.outbox;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox: a module appends an event in the same transaction as the state change it
 * describes, so an event exists if and only if the change committed. Downstream modules read events through
 * {@link OutboxConsumer}s, never the writer's tables.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public Outbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Appends an event; must run inside the writer's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String aggregate, String aggregateId, String type, Map<String, ?> payload) {
        jdbc.sql("""
                insert into outbox_event (aggregate, aggregate_id, type, payload)
                values (:aggregate, :aggregateId, :type, cast(:payload as jsonb))""")
                .param("aggregate", aggregate)
                .param("aggregateId", aggregateId)
                .param("type", type)
                .param("payload", json.writeValueAsString(payload))
                .update();
    }
}
