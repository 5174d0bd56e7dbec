package vn.motcua.index766.internal;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.DossierSnapshot;
import vn.motcua.dossier.DossierSnapshots;
import vn.motcua.index766.Index766Settings;
import vn.motcua.platform.BulkLoadListener;

/**
 * The recount: rebuilds every fact from the dossier module's snapshots (and the online payments from the payment
 * module's {@link vn.motcua.payment.PaymentFacts}, the VNeID links and answered population checks from
 * {@link vn.motcua.identity.IdentityFacts} and {@link vn.motcua.integration.PopulationFacts}) and every aggregate
 * from the facts, in one
 * transaction (the live consumer waits on the state lock meanwhile, readers of the two tables wait for the
 * truncation). Runs after a bulk load and as the command {@code recount-index}; the live aggregates must always
 * equal what it produces.
 *
 * <p>Into emptied tables, so no upserts: a reader thread streams the snapshots (its own read-only connection,
 * one consistent snapshot taken after the state is locked), this thread derives the facts ({@link FactRules}),
 * writes them with COPY and sums the contributions ({@link Contributions}) in memory, written once with COPY.
 * Past {@value #DROP_INDEXES_AT} dossiers the secondary indexes of {@code index766_dossier} are dropped and
 * recreated from their own definitions ({@code pg_get_indexdef}) at the end; the primary key stays.
 */
@Component
public class Index766Recount implements BulkLoadListener {

    private static final Log log = LogFactory.getLog(Index766Recount.class);
    static final int DROP_INDEXES_AT = 50_000;
    private static final int BATCH = 1000;
    private static final int COPY_ROWS = 10_000;
    /** Above this many aggregate rows in memory, sums are spilled with upserts instead of one COPY. */
    private static final int MAX_AGGREGATE_KEYS = 4_000_000;
    private static final List<DossierSnapshot> END = List.of();

    private final DossierSnapshots snapshots;
    private final IndexAggregates aggregates;
    private final Index766Settings settings;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final PaidOnlineStore payments;
    private final PopulationDataStore population;

    Index766Recount(DossierSnapshots snapshots, IndexAggregates aggregates, Index766Settings settings,
                    JdbcTemplate jdbc, PlatformTransactionManager tm, PaidOnlineStore payments,
                    PopulationDataStore population) {
        this.payments = payments;
        this.population = population;
        this.snapshots = snapshots;
        this.aggregates = aggregates;
        this.settings = settings;
        // no query timeout: rebuilding an index over millions of facts takes minutes (the application's
        // spring.jdbc.template.query-timeout is for requests); same data source, so same transaction
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setQueryTimeout(0);
        this.dataSource = jdbc.getDataSource();
        this.tx = new TransactionTemplate(tm);
    }

    /** Rebuilds facts and aggregates; returns the number of dossiers. */
    public long recount() {
        long started = System.nanoTime();
        Long n = tx.execute(status -> {
            try {
                return rebuild();
            } catch (SQLException | java.io.IOException e) {
                throw new IllegalStateException("Index 766 recount failed", e);
            }
        });
        log.info("Index 766 recount: " + n + " dossiers in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return n == null ? 0 : n;
    }

    private long rebuild() throws SQLException, java.io.IOException {
        YearMonth closeThrough = aggregates.startRecount();
        // the online payments held, from the payment module (PaymentFacts), before the snapshot is read
        long[] paidOnline = payments.rebuild();
        // the VNeID links and the answered population checks (4.5a, 4.5b), likewise
        PopulationDataStore.Known known = population.rebuild();
        jdbc.execute("set local maintenance_work_mem = '256MB'");
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        String copyFacts = "copy index766_dossier (" + FactStore.COLUMNS + ") from stdin";

        BlockingQueue<List<DossierSnapshot>> queue = new ArrayBlockingQueue<>(16);
        Reader reader = new Reader(queue);
        Thread thread = Thread.ofPlatform().name("index766-recount-reader").start(reader);
        AggregateBuffer buffer = new AggregateBuffer();
        Sums sums = new Sums();
        StringBuilder lines = new StringBuilder(COPY_ROWS * 400);
        List<String> droppedIndexes = null;
        boolean spilled = false;
        long count = 0;
        int pending = 0;
        try {
            while (true) {
                List<DossierSnapshot> batch = take(queue, reader);
                if (batch == END) {
                    break;
                }
                for (DossierSnapshot snapshot : batch) {
                    Fact f = FactRules.withOutcome(FactRules.fromSnapshot(snapshot), settings, aggregates.zone())
                            .withPaidOnline(PaidOnlineStore.contains(paidOnline, snapshot.id()))
                            .withPopulationData(known.vneid(snapshot.applicantAccountId(), snapshot.submittedAt(),
                                    snapshot.receivedAt()), known.answered().contains(snapshot.code()));
                    FactStore.copyLine(lines, f);
                    sums.add(f, closeThrough);
                }
                count += batch.size();
                pending += batch.size();
                if (pending >= COPY_ROWS) {
                    if (droppedIndexes == null && count > DROP_INDEXES_AT) {
                        droppedIndexes = dropSecondaryIndexes();
                    }
                    copy.copyIn(copyFacts, new StringReader(lines.toString()));
                    lines.setLength(0);
                    pending = 0;
                }
                if (sums.rows > MAX_AGGREGATE_KEYS) {
                    sums.spread(buffer);
                    buffer.flush(jdbc);
                    spilled = true;
                }
            }
        } catch (RuntimeException | SQLException | java.io.IOException e) {
            reader.cancelled = true;
            throw e;
        } finally {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pending > 0) {
            copy.copyIn(copyFacts, new StringReader(lines.toString()));
        }
        sums.spread(buffer);
        if (spilled) {
            buffer.flush(jdbc);
        } else {
            copy.copyIn(AggregateBuffer.COPY, new StringReader(buffer.copyText()));
        }
        if (droppedIndexes != null) {
            droppedIndexes.forEach(jdbc::execute);
        }
        jdbc.execute("analyze index766_dossier");
        jdbc.execute("analyze index766_agg");
        aggregates.finishRecount(closeThrough);
        return count;
    }

    /**
     * Sums {@link Contributions#rows} of dossiers that count in the same units with the same procedure, then
     * spreads each sum over those units once ({@link Contributions#spread}): one map update per row instead of
     * one per row and unit.
     */
    private final class Sums {

        /** Dossiers with the same units and procedure: a representative fact and its sums per (month, basis). */
        private record Group(Fact sample, Map<Long, long[]> rows) {
        }

        private record GroupKey(String agency, String commune, String district, String province, String level,
                                String procedure) {
        }

        private final Map<GroupKey, Group> groups = new java.util.HashMap<>();
        int rows;

        void add(Fact f, YearMonth closeThrough) {
            if (!f.counted()) {
                return;
            }
            Group g = groups.computeIfAbsent(new GroupKey(f.agencyCode(), f.communeCode(), f.districtCode(),
                    f.provinceCode(), f.level(), f.procedureCode()), k -> new Group(f, new java.util.HashMap<>()));
            Contributions.rows(f, closeThrough, aggregates.zone(), settings, (month, basis, values) -> {
                long key = month.toEpochDay() * 128 + basis;
                long[] sum = g.rows.get(key);
                if (sum == null) {
                    g.rows.put(key, values.clone());
                    rows++;
                } else {
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += values[i];
                    }
                }
            });
        }

        /** Adds every sum to the buffer and empties. */
        void spread(AggregateBuffer buffer) {
            for (Group g : groups.values()) {
                for (var e : g.rows.entrySet()) {
                    long key = e.getKey();
                    char basis = (char) Math.floorMod(key, 128L);
                    java.time.LocalDate month = java.time.LocalDate.ofEpochDay(Math.floorDiv(key, 128L));
                    Contributions.spread(g.sample, month, basis, e.getValue(), buffer);
                }
            }
            groups.clear();
            rows = 0;
        }
    }

    /** Drops the secondary indexes of the facts table; returns their definitions, to recreate them. */
    private List<String> dropSecondaryIndexes() {
        List<String> definitions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        jdbc.query("""
                select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
                from pg_index i
                where i.indrelid = 'index766_dossier'::regclass and not i.indisprimary
                  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                order by 1""", rs -> {
            names.add(rs.getString(1));
            definitions.add(rs.getString(2));
        });
        for (String name : names) {
            jdbc.execute("drop index " + name);
        }
        return definitions;
    }

    private static List<DossierSnapshot> take(BlockingQueue<List<DossierSnapshot>> queue, Reader reader) {
        try {
            List<DossierSnapshot> batch;
            while ((batch = queue.poll(1, TimeUnit.SECONDS)) == null) {
                if (reader.failure != null) {
                    break;
                }
            }
            if (reader.failure != null) {
                throw new IllegalStateException("Index 766 recount: reading the dossiers failed", reader.failure);
            }
            return batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Streams the snapshots in batches into the queue, then {@link #END}. */
    private final class Reader implements Runnable {

        private final BlockingQueue<List<DossierSnapshot>> queue;
        volatile boolean cancelled;
        volatile Throwable failure;

        Reader(BlockingQueue<List<DossierSnapshot>> queue) {
            this.queue = queue;
        }

        @Override
        public void run() {
            try {
                List<List<DossierSnapshot>> batch = new ArrayList<>(1);
                batch.add(new ArrayList<>(BATCH));
                snapshots.forEach(snapshot -> {
                    batch.getFirst().add(snapshot);
                    if (batch.getFirst().size() == BATCH) {
                        put(batch.getFirst());
                        batch.set(0, new ArrayList<>(BATCH));
                    }
                });
                if (!batch.getFirst().isEmpty()) {
                    put(batch.getFirst());
                }
                put(END);
            } catch (Throwable t) {
                if (!cancelled) {
                    failure = t;
                }
            }
        }

        private void put(List<DossierSnapshot> batch) {
            try {
                while (!queue.offer(batch, 1, TimeUnit.SECONDS)) {
                    if (cancelled) {
                        throw new CancellationException("Index 766 recount cancelled");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }
    }

    @Override
    public void afterBulkLoad() {
        recount();
    }
}
