package vn.motcua.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.dossier.DossierBulkLoad;
import vn.motcua.dossier.rules.RuleContext;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitLevel;

/**
 * Loads synthetic dossiers through the dossier module's bulk load (PostgreSQL COPY): one thread generates
 * ({@link Synth}, on the dossier rule book), the caller's thread hands the batches to the load, so both cores work;
 * memory stays constant. The whole load is one transaction (all or nothing), without outbox events; afterwards
 * every {@link vn.motcua.platform.BulkLoadListener} rebuilds what it derives from the dossiers.
 */
@Service
public class DossierGenerator {

    private final DossierBulkLoad bulk;
    private final Catalog catalog;
    private final Organization organization;
    private final RuleContext rules;
    private final Clock clock;

    DossierGenerator(DossierBulkLoad bulk, Catalog catalog, Organization organization, RuleContext rules, Clock clock) {
        this.bulk = bulk;
        this.catalog = catalog;
        this.organization = organization;
        this.rules = rules;
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
        WorkingCalendar calendar = rules.calendar();
        OffsetDateTime cutoff = o.cutoff() != null ? o.cutoff() : OffsetDateTime.now(clock);
        LocalDate lastDay = cutoff.atZoneSameInstant(calendar.zone()).toLocalDate().minusDays(1);
        LocalDate to = o.to().isAfter(lastDay) ? lastDay : o.to();
        if (to.isBefore(o.from())) {
            throw new IllegalArgumentException("the range " + o.from() + " – " + o.to() + " ends after " + cutoff);
        }
        // the agencies in force on the range's first day (a range crossing a reorganisation: generate it in two)
        World world = World.load(catalog, organization, o.seed(), o.from());
        Map<UnitLevel, Long> split = world.shares(Seeds.split(o.dossiers()));
        Map<LocalDate, long[]> schedule = Synth.schedule(calendar, o.from(), to, split);

        Synth.Tally[] tally = new Synth.Tally[1];
        boolean loaded = bulk.load(o.marker(), o.dossiers() + "@" + o.seed(), session -> {
            BlockingQueue<Rows> queue = new ArrayBlockingQueue<>(2);
            Rows end = new Rows();
            Throwable[] failure = new Throwable[1];
            Synth synth = new Synth(world, rules, o.seed(), cutoff, session::nextId, session::existingCodes, o.batch(),
                    full -> {
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
                    session.write(r.batch());
                }
                producer.join();
            } catch (Exception | Error e) {
                producer.interrupt();
                throw e;
            }
            if (failure[0] != null) {
                throw new IllegalStateException("generation failed: " + failure[0].getMessage(), failure[0]);
            }
        });
        if (!loaded) {
            return new Report(true, Map.of(), Map.of(), Map.of(), Map.of(), 0, 0, 0, 0);
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

    private static void put(BlockingQueue<Rows> queue, Rows rows) {
        try {
            queue.put(rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
