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
 * loads the past twelve months ending with the previous month at 1/50 of the province's volume (≈25,000
 * dossiers), so a newcomer's first dashboard is alive; the current month holds only live activity. Recorded in
 * demo_data_loaded (name {@value #MARKER}) in the load's own transaction: a restart, or a second node, skips it.
 * Off with {@code motcua.demo.history.enabled=false} (the tests, the command line).
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "motcua.demo.history.enabled", havingValue = "true", matchIfMissing = true)
class DemoHistory {

    static final String MARKER = "dossier-history";
    /** 1/50 of Bình Phước's 2022 volume. */
    static final long DOSSIERS = Math.round(Seeds.TOTAL_2022 / 50.0);
    private static final Log log = LogFactory.getLog(DemoHistory.class);

    private final DossierGenerator generator;
    private final WorkingCalendar calendar;
    private final Clock clock;

    DemoHistory(DossierGenerator generator, WorkingCalendar calendar, Clock clock) {
        this.generator = generator;
        this.calendar = calendar;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startInBackground() {
        Thread.ofPlatform().daemon().name("demo-history").priority(Thread.MIN_PRIORITY).start(this::load);
    }

    void load() {
        YearMonth current = YearMonth.now(clock.withZone(calendar.zone()));
        LocalDate from = current.minusMonths(12).atDay(1);
        LocalDate to = current.minusMonths(1).atEndOfMonth();
        // received until the end of last month; their lives go on until now (a dossier received on the 30th is
        // finished this month, as it would be), so the current month starts with a realistic backlog, not a frozen one
        OffsetDateTime cutoff = OffsetDateTime.now(clock.withZone(calendar.zone()));
        try {
            var report = generator.generate(new DossierGenerator.Options(DOSSIERS, from, to, 766, 5000, cutoff, MARKER),
                    null);
            if (!report.skipped()) {
                log.info(String.format("Demo history: %,d dossiers from %s to %s loaded in %,d ms", report.total(), from,
                        to, report.millis()));
            }
        } catch (Exception e) {
            log.warn("Demo history not loaded: " + e.getMessage(), e);
        }
    }
}
