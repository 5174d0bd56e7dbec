package vn.motcua.test;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.integration.population.PopulationChecks;

/**
 * The work the application does after an answer (outbox consumers, the scheduler's jobs), waited for with a bound:
 * a test that reads a count over a whole table first lets the work earlier tests started finish, so that the count
 * moves by its own requests only. Never a fixed sleep.
 */
public final class Background {

    private static final Duration BOUND = Duration.ofSeconds(30);

    private Background() {
    }

    /** Every outbox consumer (or only those named) has handled every event committed so far. */
    public static void outboxCaughtUp(JdbcClient jdbc, String... consumers) {
        await("the outbox consumers " + String.join(", ", consumers), () -> jdbc.sql("""
                select count(*) from outbox_event e, outbox_cursor c
                where (:names = '' or c.consumer = any(string_to_array(:names, ',')))
                  and (e.xid, e.id) > (c.last_xid, c.last_id)""")
                .param("names", String.join(",", consumers)).query(Long.class).single());
    }

    /**
     * No system check of the population registry is waiting: the events that ask for one are handled and the checks
     * made (here, rather than waiting for the job's next round), so that no {@code population_check} row appears
     * behind the test's back.
     */
    public static void noSystemCheckPending(JdbcClient jdbc, PopulationChecks checks) {
        outboxCaughtUp(jdbc);
        await("the population system checks", () -> {
            checks.runSystemChecks(50);
            return jdbc.sql("select count(*) from population_check_due").query(Long.class).single();
        });
    }

    private static void await(String what, Supplier<Long> left) {
        long end = System.nanoTime() + BOUND.toNanos();
        long n;
        while ((n = left.get()) > 0) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Waited " + BOUND.toSeconds() + " s for " + what + "; " + n + " left");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
