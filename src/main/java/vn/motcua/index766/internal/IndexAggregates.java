package vn.motcua.index766.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.index766.Index766Settings;

/**
 * Keeps {@code index766_agg} equal to the sum of the contributions of the facts: the consumer's deltas, the
 * month roll-over (the "open at the month's end" rows of a month that just ended) and the rebuild from facts.
 * Every writer locks the one {@code index766_state} row first, so they never interleave.
 */
@Component
public class IndexAggregates {

    private static final int FLUSH_AT = 200_000;

    private final JdbcTemplate jdbc;
    private final FactStore facts;
    private final Index766Settings settings;
    private final Clock clock;
    private final TransactionTemplate tx;
    /** The province's time zone (the calendar's): months and days of the index are counted in it. */
    private final ZoneId zone;

    IndexAggregates(JdbcTemplate jdbc, FactStore facts, Index766Settings settings, Clock clock,
                    PlatformTransactionManager tm, ZoneId zone) {
        this.zone = zone;
        this.jdbc = jdbc;
        this.facts = facts;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(tm);
    }

    public Index766Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The last month that has ended (its O rows are due). */
    public YearMonth lastFullMonth() {
        return YearMonth.now(clock.withZone(zone)).minusMonths(1);
    }

    /** The last closed month as stored (null before the first roll). */
    public YearMonth closedThrough() {
        Date d = jdbc.queryForObject("select closed_through from index766_state where id = 1", Date.class);
        return d == null ? null : YearMonth.from(d.toLocalDate());
    }

    /** Makes sure every ended month is closed; cheap when it is. Returns the last closed month. */
    public YearMonth ensureRolled() {
        YearMonth c = closedThrough();
        if (c != null && !c.isBefore(lastFullMonth())) {
            return c;
        }
        return tx.execute(s -> lockAndRoll());
    }

    /** Applies the latest facts of some dossiers (inside the caller's transaction). */
    public void apply(Collection<Fact> latest) {
        YearMonth closed = lockAndRoll();
        Map<Long, Fact> old = facts.find(latest.stream().map(Fact::id).toList());
        AggregateBuffer buffer = new AggregateBuffer();
        for (Fact f : latest) {
            Contributions.of(old.get(f.id()), -1, closed, zone, settings, buffer);
            Contributions.of(f, 1, closed, zone, settings, buffer);
        }
        facts.save(latest);
        buffer.flush(jdbc);
    }

    /** Locks the state and closes every ended month (must run in a transaction). */
    YearMonth lockAndRoll() {
        Date c = jdbc.queryForObject("select closed_through from index766_state where id = 1 for update", Date.class);
        YearMonth target = lastFullMonth();
        if (c == null) {
            rebuildFromFacts(target);
            return target;
        }
        YearMonth closed = YearMonth.from(c.toLocalDate());
        while (closed.isBefore(target)) {
            YearMonth next = closed.plusMonths(1);
            YearMonth previous = closed;
            OffsetDateTime end = Contributions.monthEnd(next, zone);
            AggregateBuffer buffer = new AggregateBuffer();
            // the difference of the contributions with the month closed and without it = its O rows
            facts.forEach("received_at < ? and (end_at is null or end_at >= ?)", new Object[] {end, end}, f -> {
                Contributions.of(f, 1, next, zone, settings, buffer);
                Contributions.of(f, -1, previous, zone, settings, buffer);
            });
            buffer.flush(jdbc);
            closed = next;
        }
        jdbc.update("update index766_state set closed_through = ? where id = 1", Date.valueOf(closed.atDay(1)));
        return closed;
    }

    /** Recomputes every aggregate row from the facts (inside the caller's transaction). */
    void rebuildFromFacts(YearMonth closeThrough) {
        jdbc.update("delete from index766_agg");
        AggregateBuffer buffer = new AggregateBuffer();
        facts.forEach("true", new Object[0], f -> {
            Contributions.of(f, 1, closeThrough, zone, settings, buffer);
            if (buffer.size() > FLUSH_AT) {
                buffer.flush(jdbc);
            }
        });
        buffer.flush(jdbc);
        jdbc.update("update index766_state set closed_through = ? where id = 1", Date.valueOf(closeThrough.atDay(1)));
    }

    /** For the recount: the state locked, facts and aggregates emptied; returns the month to close through. */
    YearMonth startRecount() {
        jdbc.queryForObject("select closed_through from index766_state where id = 1 for update", Date.class);
        jdbc.execute("truncate index766_agg, index766_dossier");
        return lastFullMonth();
    }

    void finishRecount(YearMonth closeThrough) {
        jdbc.update("update index766_state set closed_through = ?, recounted_at = now() where id = 1",
                Date.valueOf(closeThrough.atDay(1)));
    }
}
