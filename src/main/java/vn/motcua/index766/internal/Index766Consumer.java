package vn.motcua.index766.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.motcua.index766.Index766Settings;
import vn.motcua.platform.outbox.OutboxConsumer;
import vn.motcua.platform.outbox.OutboxEvent;

/**
 * Follows {@code dossier.changed} snapshots: the latest snapshot of each dossier of the batch becomes its facts,
 * and the aggregates change by (new contribution − old contribution), in the dispatcher's transaction.
 */
@Component
class Index766Consumer implements OutboxConsumer {

    private final IndexAggregates aggregates;
    private final Index766Settings settings;

    Index766Consumer(IndexAggregates aggregates, Index766Settings settings) {
        this.aggregates = aggregates;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "index766";
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        Map<Long, Fact> latest = new LinkedHashMap<>();
        for (OutboxEvent e : events) {
            if (!"dossier.changed".equals(e.type()) || !e.payload().hasNonNull("id")) {
                continue;
            }
            Fact f = FactRules.withOutcome(FactRules.fromSnapshot(e.payload()), settings, IndexAggregates.ZONE);
            latest.put(f.id(), f);
        }
        if (!latest.isEmpty()) {
            aggregates.apply(latest.values());
        }
    }
}
