package vn.motcua.index766.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.index766.Index766Settings;
import vn.motcua.index766.Indicators;
import vn.motcua.test.IntegrationTest;

/**
 * The SQL twin of the on-time rule ({@link IndexQueries#onTimeSql}, used to count open dossiers in the database)
 * pinned to the one Java rule ({@link FactRules#openOnTime}, i.e. the dossier module's Punctuality): seeded random
 * facts, both due bases, the same answer from PostgreSQL and from Java.
 */
@IntegrationTest
class OnTimeSqlTwinTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSqlTwinAgreesWithTheJavaRule() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        OffsetDateTime base = OffsetDateTime.parse("2026-05-06T10:00+07:00");
        for (String basis : new String[] {"IN_FORCE", "ORIGINAL"}) {
            Index766Settings s = new Index766Settings(basis, true, false, false, Indicators.Key.LIN, true);
            String sql = "select " + IndexQueries.onTimeSql(s) + " from (values (cast(? as boolean),"
                    + " cast(? as timestamptz), cast(? as timestamptz), cast(? as timestamptz)))"
                    + " as v(late_flag, due_at, original_due_at, clock_stopped_at)";
            for (int i = 0; i < 300; i++) {
                boolean late = random.nextInt(5) == 0;
                OffsetDateTime due = random.nextInt(10) == 0 ? null : base.plusMinutes(random.nextInt(4000) - 2000);
                OffsetDateTime original = random.nextBoolean() ? null : base.plusMinutes(random.nextInt(4000) - 2000);
                OffsetDateTime stopped = random.nextBoolean() ? null : base.plusMinutes(random.nextInt(4000) - 2000);
                OffsetDateTime t = random.nextInt(10) == 0 && due != null ? due : base.plusMinutes(random.nextInt(4000) - 2000);
                Fact f = new Fact(i, "C" + i, "P", "P", "A", "70", null, null, "COMMUNE", "ONLINE", "PROCESSING",
                        base.minusDays(3), due, original, null, null, null, null, 0, null, stopped, 0, late, false,
                        false, false, false, false, false, null);
                Boolean inSql = jdbc.queryForObject(sql, Boolean.class, t, t, late, due, original, stopped);
                assertThat(inSql).as("seed %d, case %d, %s: late %s, due %s, original %s, stopped %s, judged at %s",
                        seed, i, basis, late, due, original, stopped, t).isEqualTo(FactRules.openOnTime(f, t, s));
            }
        }
    }
}
