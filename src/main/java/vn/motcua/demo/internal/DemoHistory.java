package vn.motcua.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.WorkingCalendar;

/**
 * Demo history (profile {@code demo}): on first start, in the background once the portal is up, the generator
 * loads the months from {@code motcua.demo.history.since} (default 1 January 2024) to the end of the previous month
 * at 1/50 of the province's volume (≈2,100 dossiers a month), so a newcomer's first dashboard is alive and a leader
 * can compare 2024 with today; the current month holds only live activity. The history is generated in two parts
 * around the two-level local government of 1 July 2025: before it, with the agencies then in force (the three-level
 * Bình Phước: dossiers filed under the old province, districts and communes); from it, with the agencies in force
 * then (the successors' one-stops when the reorganisation is applied, {@code motcua.demo.apply-reorganisation-2025}).
 * Each part is recorded in demo_data_loaded (names {@value #MARKER_BEFORE}, {@value #MARKER}) in the load's own
 * transaction: a restart, or a second node, skips it. Once both parts are in, the history's population data follows
 * ({@link DemoPopulationData}, {@value #POPULATION_MARKER}: the online applicants' accounts, their VNeID links, the
 * registry checks), then its payments ({@link DemoPayments}, recorded as {@value #PAYMENTS_MARKER}). Off with {@code motcua.demo.history.enabled=false} (the tests,
 * the command line).
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "motcua.demo.history.enabled", havingValue = "true", matchIfMissing = true)
class DemoHistory {

    static final String MARKER = "dossier-history";
    static final String MARKER_BEFORE = "dossier-history-before-2025-07";
    /** The payments of the history, loaded after its dossiers ({@link DemoPayments}). */
    static final String PAYMENTS_MARKER = "payment-history";
    /** The population data of the history (VNeID links, registry checks), loaded before its payments. */
    static final String POPULATION_MARKER = "population-data-history";
    /** The first day of the two-level local government (Law 72/2025/QH15). */
    static final LocalDate JULY_2025 = LocalDate.of(2025, 7, 1);
    /** 1/50 of Bình Phước's 2022 volume, a year. */
    static final long DOSSIERS = Math.round(Seeds.TOTAL_2022 / 50.0);
    private static final Log log = LogFactory.getLog(DemoHistory.class);

    private final DossierGenerator generator;
    private final DemoPayments payments;
    private final DemoPopulationData population;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final LocalDate since;

    DemoHistory(DossierGenerator generator, DemoPayments payments, DemoPopulationData population,
                WorkingCalendar calendar, Clock clock,
                @org.springframework.beans.factory.annotation.Value("${motcua.demo.history.since:2024-01-01}")
                LocalDate since) {
        this.generator = generator;
        this.payments = payments;
        this.population = population;
        this.calendar = calendar;
        this.clock = clock;
        this.since = since;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startInBackground() {
        Thread.ofPlatform().daemon().name("demo-history").priority(Thread.MIN_PRIORITY).start(this::load);
    }

    void load() {
        YearMonth current = YearMonth.now(clock.withZone(calendar.zone()));
        LocalDate to = current.minusMonths(1).atEndOfMonth();
        // received until the end of last month; their lives go on until now (a dossier received on the 30th is
        // finished this month, as it would be), so the current month starts with a realistic backlog, not a frozen one
        OffsetDateTime cutoff = OffsetDateTime.now(clock.withZone(calendar.zone()));
        boolean complete = true;
        for (Part part : parts(since, to)) {
            try {
                var report = generator.generate(new DossierGenerator.Options(part.dossiers(), part.from(), part.to(),
                        part.seed(), 5000, cutoff, part.marker()), null);
                if (!report.skipped()) {
                    log.info(String.format("Demo history: %,d dossiers from %s to %s loaded in %,d ms", report.total(),
                            part.from(), part.to(), report.millis()));
                }
            } catch (Exception e) {
                log.warn("Demo history not loaded (" + part.from() + " – " + part.to() + "): " + e.getMessage(), e);
                complete = false; // the payments wait for the whole history (the next start resumes both)
            }
        }
        if (complete) {
            boolean populationLoaded = loadPopulation(to, cutoff);
            boolean paymentsLoaded = loadPayments(to, cutoff);
            if (populationLoaded && !paymentsLoaded) {
                // the payments' load recounts the index; without it, the population data's own recount
                population.recount();
            }
        }
    }

    /**
     * The population data of the whole history ({@link DemoPopulationData}): the online applicants' accounts, their
     * VNeID links, the registry checks. No recount of its own when the payments follow (theirs covers both).
     *
     * @return loaded now (false: loaded by an earlier start, or failed)
     */
    private boolean loadPopulation(LocalDate to, OffsetDateTime cutoff) {
        try {
            var report = population.load(since, to, cutoff, 766, POPULATION_MARKER, DemoPopulationData.Shares.DEMO,
                    false);
            if (!report.skipped()) {
                log.info(String.format("Demo history: %,d citizen accounts (%,d linked to VNeID) filed %,d dossiers, "
                        + "%,d population registry checks, loaded in %,d ms", report.accounts(), report.linked(),
                        report.dossiersWithAccount(), report.checks(), report.millis()));
            }
            return !report.skipped();
        } catch (Exception e) {
            log.warn("Demo history's population data not loaded: " + e.getMessage(), e);
            return false;
        }
    }

    /** The payments of the whole history, once its dossiers are all loaded ({@link DemoPayments}). */
    private boolean loadPayments(LocalDate to, OffsetDateTime cutoff) {
        try {
            var report = payments.load(since, to, cutoff, 766, PAYMENTS_MARKER);
            if (!report.skipped()) {
                log.info(String.format("Demo history: %,d payment attempts of %,d dossiers (%,d paid, %,d refunded, "
                        + "%,d e-receipts) loaded in %,d ms", report.attempts(), report.dossiers(), report.paid(),
                        report.refunded(), report.receipts(), report.millis()));
            }
            return !report.skipped();
        } catch (Exception e) {
            log.warn("Demo history's payments not loaded: " + e.getMessage(), e);
            return false;
        }
    }

    /** One generator run: its days, its volume (the yearly rate over its months), its seed and its marker. */
    record Part(LocalDate from, LocalDate to, long dossiers, long seed, String marker) {
    }

    /** The range split at 1 July 2025, each side generated with the agencies in force on its first day. */
    static java.util.List<Part> parts(LocalDate from, LocalDate to) {
        java.util.List<Part> out = new java.util.ArrayList<>();
        if (from.isBefore(JULY_2025)) {
            LocalDate end = to.isBefore(JULY_2025) ? to : JULY_2025.minusDays(1);
            out.add(new Part(from, end, volume(from, end), 2024, MARKER_BEFORE));
        }
        LocalDate start = from.isBefore(JULY_2025) ? JULY_2025 : from;
        if (!to.isBefore(start)) {
            out.add(new Part(start, to, volume(start, to), 766, MARKER));
        }
        return out;
    }

    private static long volume(LocalDate from, LocalDate to) {
        long months = java.time.temporal.ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
        return Math.round(DOSSIERS * months / 12.0);
    }
}
