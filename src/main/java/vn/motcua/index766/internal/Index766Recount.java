package vn.motcua.index766.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierSnapshots;
import vn.motcua.index766.Index766Settings;
import vn.motcua.platform.BulkLoadListener;

/**
 * The recount: rebuilds every fact from the dossier module's snapshots and every aggregate from the facts, in one
 * transaction (the live consumer waits on the state lock meanwhile). Runs after a bulk load and as the command
 * {@code recount-index}; the live aggregates must always equal what it produces.
 */
@Component
public class Index766Recount implements BulkLoadListener {

    private static final Log log = LogFactory.getLog(Index766Recount.class);

    private final DossierSnapshots snapshots;
    private final FactStore facts;
    private final IndexAggregates aggregates;
    private final Index766Settings settings;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final TransactionTemplate tx;

    Index766Recount(DossierSnapshots snapshots, FactStore facts, IndexAggregates aggregates, Index766Settings settings,
                    JdbcTemplate jdbc, JsonMapper json, PlatformTransactionManager tm) {
        this.snapshots = snapshots;
        this.facts = facts;
        this.aggregates = aggregates;
        this.settings = settings;
        this.jdbc = jdbc;
        this.json = json;
        this.tx = new TransactionTemplate(tm);
    }

    /** Rebuilds facts and aggregates; returns the number of dossiers. */
    public long recount() {
        long started = System.nanoTime();
        Long n = tx.execute(status -> {
            YearMonth closeThrough = aggregates.startRecount();
            AggregateBuffer buffer = new AggregateBuffer();
            List<Fact> batch = new ArrayList<>(1000);
            long[] count = {0};
            snapshots.forEach(snapshot -> {
                Fact f = FactRules.withOutcome(FactRules.fromSnapshot(json.valueToTree(snapshot)), settings,
                        IndexAggregates.ZONE);
                batch.add(f);
                Contributions.of(f, 1, closeThrough, IndexAggregates.ZONE, settings, buffer);
                count[0]++;
                if (batch.size() == 1000) {
                    facts.save(batch);
                    batch.clear();
                }
                if (buffer.size() > 200_000) {
                    buffer.flush(jdbc);
                }
            });
            facts.save(batch);
            buffer.flush(jdbc);
            aggregates.finishRecount(closeThrough);
            return count[0];
        });
        log.info("Index 766 recount: " + n + " dossiers in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return n == null ? 0 : n;
    }

    @Override
    public void afterBulkLoad() {
        recount();
    }
}
