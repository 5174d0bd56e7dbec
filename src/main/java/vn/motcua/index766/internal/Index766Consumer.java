package vn.motcua.index766.internal;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DeskVisitRecorded;
import vn.motcua.dossier.DossierChanged;
import vn.motcua.identity.NationalIdentity;
import vn.motcua.identity.NationalIdentityLinked;
import vn.motcua.index766.Index766Settings;
import vn.motcua.integration.PopulationChecked;
import vn.motcua.payment.PaymentSettled;
import vn.motcua.platform.outbox.OutboxConsumer;
import vn.motcua.platform.outbox.OutboxEvent;

/**
 * Follows the dossier module's {@link DossierChanged} events: the latest snapshot of each dossier of the batch becomes its facts,
 * and the aggregates change by (new contribution − old contribution), in the dispatcher's transaction; walk-ins guided
 * or refused at a counter ({@link DeskVisitRecorded}) are stored for the statistics. The payment module's
 * {@link PaymentSettled} events keep the index's record of online payments ({@link PaidOnlineStore}); a dossier whose
 * payments changed gets its "paid online" fact (3.6, 3.5b) again, from its new snapshot or its stored facts. The
 * identity module's {@link NationalIdentityLinked} and the integration module's {@link PopulationChecked} events keep
 * the index's record of VNeID links and answered population checks ({@link PopulationDataStore}): a dossier's
 * "population data used" (4.5a, 4.5b) is derived from them, again for a dossier checked after its facts were stored.
 */
@Component
class Index766Consumer implements OutboxConsumer {

    private final IndexAggregates aggregates;
    private final Index766Settings settings;
    private final DeskVisits deskVisits;
    private final PaidOnlineStore payments;
    private final FactStore facts;
    private final PopulationDataStore population;

    /** Who filed a dossier of the batch, and when (for the VNeID part of 4.5a/4.5b). */
    private record Filing(Long accountId, OffsetDateTime submittedAt, OffsetDateTime receivedAt) {
    }

    Index766Consumer(IndexAggregates aggregates, Index766Settings settings, DeskVisits deskVisits,
                     PaidOnlineStore payments, FactStore facts, PopulationDataStore population) {
        this.population = population;
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
        Map<Long, Filing> filings = new HashMap<>();
        List<DeskVisitRecorded> visits = new java.util.ArrayList<>();
        List<PaymentSettled> settled = new java.util.ArrayList<>();
        List<NationalIdentityLinked> links = new java.util.ArrayList<>();
        List<PopulationChecked> checks = new java.util.ArrayList<>();
        for (OutboxEvent e : events) {
            DeskVisitRecorded.of(e).ifPresent(visits::add);
            PaymentSettled.of(e).ifPresent(settled::add);
            NationalIdentityLinked.of(e).ifPresent(links::add);
            PopulationChecked.of(e).ifPresent(checks::add);
            DossierChanged.of(e).filter(c -> c.dossier().status() != null).ifPresent(c -> {
                Fact f = FactRules.withOutcome(FactRules.fromSnapshot(c.dossier()), settings, aggregates.zone());
                latest.put(f.id(), f);
                filings.put(f.id(), new Filing(c.dossier().applicantAccountId(), c.dossier().submittedAt(),
                        c.dossier().receivedAt()));
            });
        }
        if (!settled.isEmpty() || !links.isEmpty() || !checks.isEmpty() || !latest.isEmpty()) {
            // the state lock before any index table is read or written, as every writer of the aggregates: the
            // recount holds it while it truncates and refills the payment and population tables, so a batch that
            // read one of them first and then waited for the lock would deadlock with it
            aggregates.lockAndRoll();
        }
        if (!settled.isEmpty()) {
            Set<Long> touched = payments.record(settled);
            touched.removeAll(latest.keySet());
            // dossiers whose payment changed without a new snapshot in this batch (e.g. a refund): their stored facts
            facts.find(touched).values().forEach(f -> latest.put(f.id(), f));
        }
        // a link comes before the dossiers it counts for: recorded before any fact of the batch is derived
        if (!links.isEmpty()) {
            population.recordLinks(links);
        }
        if (!checks.isEmpty()) {
            Set<String> answered = population.recordChecks(checks);
            latest.values().forEach(f -> answered.remove(f.code()));
            // dossiers checked after their facts were stored (a later check, the system's job): their stored facts
            facts.findByCodes(answered).values().forEach(f -> latest.putIfAbsent(f.id(), f));
        }
        if (!latest.isEmpty()) {
            Set<Long> paid = payments.paidOnline(latest.keySet());
            Set<Long> accounts = new HashSet<>();
            filings.values().forEach(x -> {
                if (x.accountId() != null) {
                    accounts.add(x.accountId());
                }
            });
            Map<Long, OffsetDateTime> linked = population.linkedAt(accounts);
            Set<String> answered = population.answered(latest.values().stream().map(Fact::code).toList());
            latest.replaceAll((id, f) -> {
                Filing x = filings.get(id);
                // without a new snapshot the filing is unchanged: so is its VNeID part
                boolean vneid = x == null ? f.vneidFiled() : x.accountId() != null
                        && NationalIdentity.verifiedWhenFiled(linked.get(x.accountId()), x.submittedAt(), x.receivedAt());
                return f.withPaidOnline(paid.contains(id)).withPopulationData(vneid, answered.contains(f.code()));
            });
            aggregates.apply(latest.values());
        }
        if (!visits.isEmpty()) {
            deskVisits.record(visits);
        }
    }
}
