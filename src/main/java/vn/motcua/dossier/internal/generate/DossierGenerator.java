package vn.motcua.dossier.internal.generate;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitLevel;
import vn.motcua.platform.BulkLoadListener;

/**
 * Loads synthetic dossiers straight into the dossier tables with PostgreSQL COPY: one thread generates
 * ({@link Synth}), another streams the batches to the database, so both cores work; memory stays constant.
 * The whole load is one transaction (all or nothing). No outbox events are written: history must not be
 * re-announced to citizens or re-sent to the national portal; after the commit every
 * {@link BulkLoadListener} rebuilds what it derives from the dossiers.
 */
@Service
public class DossierGenerator {

    private static final Log log = LogFactory.getLog(DossierGenerator.class);

    private final DataSource dataSource;
    private final Catalog catalog;
    private final Organization organization;
    private final WorkingCalendar calendar;
    private final ObjectProvider<BulkLoadListener> listeners;
    private final Clock clock;

    DossierGenerator(DataSource dataSource, Catalog catalog, Organization organization, WorkingCalendar calendar,
                     ObjectProvider<BulkLoadListener> listeners, Clock clock) {
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.organization = organization;
        this.calendar = calendar;
        this.listeners = listeners;
        this.clock = clock;
    }

    /**
     * What to generate.
     *
     * @param dossiers dossiers received in the range (split over the levels in the 2022 proportions)
     * @param cutoff   nothing happens after this moment (null: now); open dossiers stay open
     * @param marker   when set, a demo_data_loaded name: the load is skipped if it is recorded, and recorded in
     *                 the same transaction (idempotent, safe with several nodes)
     */
    public record Options(long dossiers, LocalDate from, LocalDate to, long seed, int batch, OffsetDateTime cutoff,
                          String marker) {
    }

    /** What was loaded. */
    public record Report(boolean skipped, Map<UnitLevel, Long> received, Map<UnitLevel, Long> finished,
                         Map<UnitLevel, Long> late, Map<UnitLevel, Long> online, long refused, long histories,
                         long supplements, long millis) {

        public long total() {
            return received.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public Report generate(Options o, Consumer<String> progress) throws Exception {
        long t0 = System.nanoTime();
        OffsetDateTime cutoff = o.cutoff() != null ? o.cutoff() : OffsetDateTime.now(clock);
        LocalDate lastDay = cutoff.atZoneSameInstant(calendar.zone()).toLocalDate().minusDays(1);
        LocalDate to = o.to().isAfter(lastDay) ? lastDay : o.to();
        if (to.isBefore(o.from())) {
            throw new IllegalArgumentException("the range " + o.from() + " – " + o.to() + " ends after " + cutoff);
        }
        World world = World.load(catalog, organization, o.seed());
        Map<UnitLevel, Long> split = Seeds.split(o.dossiers());
        Map<LocalDate, long[]> schedule = Synth.schedule(calendar, o.from(), to, split);

        Synth.Tally[] tally = new Synth.Tally[1];
        try (Connection tx = dataSource.getConnection(); Connection side = dataSource.getConnection()) {
            tx.setAutoCommit(false);
            side.setAutoCommit(true);
            try (Statement st = tx.createStatement()) {
                st.execute("set local synchronous_commit = off");
                st.execute("create temp table gen_code_seq (agency_eid text, day date, last int) on commit drop");
            }
            if (o.marker() != null && !claim(tx, o.marker())) {
                tx.rollback();
                return new Report(true, Map.of(), Map.of(), Map.of(), Map.of(), 0, 0, 0, 0);
            }
            CopyManager copy = tx.unwrap(PGConnection.class).getCopyAPI();
            IdBlocks ids = new IdBlocks(side);
            BlockingQueue<Rows> queue = new ArrayBlockingQueue<>(2);
            Rows end = new Rows();
            Throwable[] failure = new Throwable[1];
            Synth synth = new Synth(world, calendar, o.seed(), cutoff, ids::next, day -> existingCodes(side, day),
                    o.batch(), full -> {
                        put(queue, full);
                        return new Rows();
                    });
            tally[0] = synth.tally;
            Thread producer = Thread.ofPlatform().name("dossier-generator").start(() -> {
                try {
                    long done = 0;
                    long next = Math.max(1, o.dossiers() / 20);
                    for (var e : schedule.entrySet()) {
                        synth.day(e.getKey(), e.getValue());
                        for (long c : e.getValue()) {
                            done += c;
                        }
                        if (done >= next && progress != null) {
                            progress.accept(String.format("%,d / %,d dossiers generated (%s)", done, o.dossiers(),
                                    e.getKey()));
                            next += Math.max(1, o.dossiers() / 20);
                        }
                    }
                    synth.finish();
                } catch (Throwable t) {
                    failure[0] = t;
                } finally {
                    put(queue, end);
                }
            });
            try {
                for (Rows r = queue.take(); r != end; r = queue.take()) {
                    write(copy, r);
                }
                producer.join();
                if (failure[0] != null) {
                    throw new IllegalStateException("generation failed: " + failure[0].getMessage(), failure[0]);
                }
                try (Statement st = tx.createStatement()) {
                    // live intake continues after the generated numbers (dossier codes stay unique)
                    st.executeUpdate("""
                            insert into dossier_code_seq (agency_eid, day, last)
                            select agency_eid, day, max(last) from gen_code_seq group by agency_eid, day
                            on conflict (agency_eid, day) do update
                            set last = greatest(dossier_code_seq.last, excluded.last)""");
                }
                if (o.marker() != null) {
                    try (PreparedStatement ps = tx.prepareStatement(
                            "insert into demo_data_loaded (name, fingerprint) values (?, ?) on conflict (name) do nothing")) {
                        ps.setString(1, o.marker());
                        ps.setString(2, o.dossiers() + "@" + o.seed());
                        ps.executeUpdate();
                    }
                }
                tx.commit();
            } catch (Exception | Error e) {
                producer.interrupt();
                tx.rollback();
                throw e;
            }
        }
        for (BulkLoadListener l : listeners.orderedStream().toList()) {
            l.afterBulkLoad();
        }
        Synth.Tally t = tally[0];
        Map<UnitLevel, Long> received = new EnumMap<>(UnitLevel.class);
        Map<UnitLevel, Long> finished = new EnumMap<>(UnitLevel.class);
        Map<UnitLevel, Long> late = new EnumMap<>(UnitLevel.class);
        Map<UnitLevel, Long> online = new EnumMap<>(UnitLevel.class);
        for (UnitLevel l : UnitLevel.values()) {
            received.put(l, t.received(l));
            finished.put(l, t.finished(l));
            late.put(l, t.late(l));
            online.put(l, t.online(l));
        }
        return new Report(false, received, finished, late, online, t.refused, t.histories, t.supplements,
                (System.nanoTime() - t0) / 1_000_000);
    }

    private static boolean claim(Connection tx, String marker) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("select pg_try_advisory_xact_lock(hashtext(?))")) {
            ps.setString(1, "demo:" + marker);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return false;
                }
            }
        }
        try (PreparedStatement ps = tx.prepareStatement("select 1 from demo_data_loaded where name = ?")) {
            ps.setString(1, marker);
            try (ResultSet rs = ps.executeQuery()) {
                return !rs.next();
            }
        }
    }

    private static void write(CopyManager copy, Rows r) throws SQLException, java.io.IOException {
        if (r.dossierCount > 0) {
            copy.copyIn("copy dossier (" + Rows.DOSSIER_COLUMNS + ") from stdin", new StringReader(r.dossiers.toString()));
            copy.copyIn("copy dossier_history (" + Rows.HISTORY_COLUMNS + ") from stdin",
                    new StringReader(r.history.toString()));
        }
        if (r.supplementCount > 0) {
            copy.copyIn("copy dossier_supplement (" + Rows.SUPPLEMENT_COLUMNS + ") from stdin",
                    new StringReader(r.supplements.toString()));
        }
        if (!r.codeSeq.isEmpty()) {
            copy.copyIn("copy gen_code_seq (" + Rows.CODE_SEQ_COLUMNS + ") from stdin", new StringReader(r.codeSeq.toString()));
        }
    }

    private static void put(BlockingQueue<Rows> queue, Rows rows) {
        try {
            queue.put(rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Map<String, Integer> existingCodes(Connection side, LocalDate day) {
        Map<String, Integer> out = new HashMap<>();
        try (PreparedStatement ps = side.prepareStatement("select agency_eid, last from dossier_code_seq where day = ?")) {
            ps.setObject(1, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Dossier ids reserved from the table's own sequence, a block at a time (safe beside live intake). */
    private static final class IdBlocks {
        private final Connection side;
        private final ArrayDeque<Long> free = new ArrayDeque<>();

        IdBlocks(Connection side) {
            this.side = side;
        }

        long next() {
            if (free.isEmpty()) {
                try (PreparedStatement ps = side.prepareStatement(
                        "select nextval(pg_get_serial_sequence('dossier', 'id')) from generate_series(1, 10000)");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        free.add(rs.getLong(1));
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return free.poll();
        }
    }
}
