package vn.motcua.catalog.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.platform.outbox.OutboxConsumer;
import vn.motcua.platform.outbox.OutboxEvent;

/** "Most used procedures": each new dossier (online or at the counter) counts one use of its procedure. */
@Component
class UsageCounter implements OutboxConsumer {

    private final JdbcClient jdbc;

    UsageCounter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "catalog-usage";
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        Map<String, Integer> uses = new HashMap<>();
        for (OutboxEvent e : events) {
            if ("dossier.changed".equals(e.type()) && e.payload().path("created").asBoolean(false)) {
                uses.merge(e.payload().path("procedureCode").asString(""), 1, Integer::sum);
            }
        }
        uses.forEach((code, n) -> jdbc.sql("update procedure set popularity = popularity + :n where code = :c")
                .param("n", n).param("c", code).update());
    }
}
