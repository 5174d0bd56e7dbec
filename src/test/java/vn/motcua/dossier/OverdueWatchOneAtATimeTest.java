package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.dossier.internal.OverdueWatch;
import vn.motcua.notification.NotificationTestEvents;
import vn.motcua.test.IntegrationTest;

/**
 * One overdue watch at a time: a run asked for directly (an administrator's "run now", a test) waits for the one
 * db-scheduler is making instead of updating the same open dossiers in another order (two such updates deadlock and
 * one run fails). The test holds the watch's lock as a running watch would and sees the second run wait, then finish.
 */
@IntegrationTest
class OverdueWatchOneAtATimeTest {

    @Autowired
    OverdueWatch watch;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSecondRunWaitsForTheFirst() throws Exception {
        CompletableFuture<Integer> second;
        try (Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            try (Statement s = first.createStatement()) {
                s.execute("select pg_advisory_xact_lock(hashtext('overdue-watch'))");
                second = CompletableFuture.supplyAsync(watch::run);
                NotificationTestEvents.await("the second run waiting for the first", () -> jdbc.queryForObject("""
                        select count(*) from pg_stat_activity
                        where wait_event_type = 'Lock' and wait_event = 'advisory' and query like '%overdue-watch%'""", Long.class), n -> n > 0);
                assertThat(second).as("still waiting while the first runs").isNotDone();
            } finally {
                first.rollback();
            }
        }
        assertThatCode(() -> second.get(30, TimeUnit.SECONDS)).as("the second run, once the first is done")
                .doesNotThrowAnyException();
    }
}
