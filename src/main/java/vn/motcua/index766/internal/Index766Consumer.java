package vn.motcua.index766.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DeskVisitRecorded;
import vn.motcua.dossier.DossierChanged;
import vn.motcua.index766.Index766Settings;
import vn.motcua.platform.outbox.OutboxConsumer;
import vn.motcua.platform.outbox.OutboxEvent;

/**
 * Follows the dossier module's {@link DossierChanged} events: the latest snapshot of each dossier of the batch becomes its facts,
 * and the aggregates change by (new contribution − old contribution), in the dispatcher's transaction; walk-ins guided
 * or refused at a counter ({@link DeskVisitRecorded}) are stored for the statistics.
 */
@Component
class Index766Consumer implements OutboxConsumer {

    private final IndexAggregates aggregates;
    private final Index766Settings settings;
    private final DeskVisits deskVisits;

    Index766Consumer(IndexAggregates aggregates, Index766Settings settings, DeskVisits deskVisits) {
        this.aggregates = aggregates;
        this.settings = settings;
        this.deskVisits = deskVisits;
    }

    @Override
    public String name() {
        return "index766";
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        Map<Long, Fact> latest = new LinkedHashMap<>();
        List<DeskVisitRecorded> visits = new java.util.ArrayList<>();
        for (OutboxEvent e : events) {
            DeskVisitRecorded.of(e).ifPresent(visits::add);
            DossierChanged.of(e).filter(c -> c.dossier().status() != null).ifPresent(c -> {
                Fact f = FactRules.withOutcome(FactRules.fromSnapshot(c.dossier()), settings, aggregates.zone());
                latest.put(f.id(), f);
            });
        }
        if (!latest.isEmpty()) {
            aggregates.apply(latest.values());
        }
        if (!visits.isEmpty()) {
            deskVisits.record(visits);
        }
    }
}
