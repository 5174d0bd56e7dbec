package vn.motcua.index766.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DeskVisitRecorded;
import vn.motcua.dossier.DossierChanged;
import vn.motcua.index766.Index766Settings;
import vn.motcua.payment.PaymentSettled;
import vn.motcua.platform.outbox.OutboxConsumer;
import vn.motcua.platform.outbox.OutboxEvent;

/**
 * Follows the dossier module's {@link DossierChanged} events: the latest snapshot of each dossier of the batch becomes its facts,
 * and the aggregates change by (new contribution − old contribution), in the dispatcher's transaction; walk-ins guided
 * or refused at a counter ({@link DeskVisitRecorded}) are stored for the statistics. The payment module's
 * {@link PaymentSettled} events keep the index's record of online payments ({@link PaidOnlineStore}); a dossier whose
 * payments changed gets its "paid online" fact (3.6, 3.5b) again, from its new snapshot or its stored facts.
 */
@Component
class Index766Consumer implements OutboxConsumer {

    private final IndexAggregates aggregates;
    private final Index766Settings settings;
    private final DeskVisits deskVisits;
    private final PaidOnlineStore payments;
    private final FactStore facts;

    Index766Consumer(IndexAggregates aggregates, Index766Settings settings, DeskVisits deskVisits,
                     PaidOnlineStore payments, FactStore facts) {
        this.aggregates = aggregates;
        this.settings = settings;
        this.deskVisits = deskVisits;
        this.payments = payments;
        this.facts = facts;
    }

    @Override
    public String name() {
        return "index766";
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        Map<Long, Fact> latest = new LinkedHashMap<>();
        List<DeskVisitRecorded> visits = new java.util.ArrayList<>();
        List<PaymentSettled> settled = new java.util.ArrayList<>();
        for (OutboxEvent e : events) {
            DeskVisitRecorded.of(e).ifPresent(visits::add);
            PaymentSettled.of(e).ifPresent(settled::add);
            DossierChanged.of(e).filter(c -> c.dossier().status() != null).ifPresent(c -> {
                Fact f = FactRules.withOutcome(FactRules.fromSnapshot(c.dossier()), settings, aggregates.zone());
                latest.put(f.id(), f);
            });
        }
        if (!settled.isEmpty()) {
            // the state lock first, as every writer of the aggregates (the recount rebuilds the payments too)
            aggregates.lockAndRoll();
            Set<Long> touched = payments.record(settled);
            touched.removeAll(latest.keySet());
            // dossiers whose payment changed without a new snapshot in this batch (e.g. a refund): their stored facts
            facts.find(touched).values().forEach(f -> latest.put(f.id(), f));
        }
        if (!latest.isEmpty()) {
            Set<Long> paid = payments.paidOnline(latest.keySet());
            latest.replaceAll((id, f) -> f.withPaidOnline(paid.contains(id)));
            aggregates.apply(latest.values());
        }
        if (!visits.isEmpty()) {
            deskVisits.record(visits);
        }
    }
}
