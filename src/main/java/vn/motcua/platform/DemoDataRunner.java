package vn.motcua.platform;

import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Loads every module's demo data once the schema is migrated and before the portal opens. */
@Component
@Profile("demo")
class DemoDataRunner implements SmartInitializingSingleton {

    private static final Log log = LogFactory.getLog(DemoDataRunner.class);
    private final List<DemoDataSet> sets;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    DemoDataRunner(List<DemoDataSet> sets, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.sets = sets; // Spring sorts the list by @Order
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (DemoDataSet set : sets) {
            long t0 = System.nanoTime();
            String fingerprint = set.fingerprint();
            if (fingerprint != null && fingerprint.equals(jdbc.sql(
                    "select fingerprint from demo_data_loaded where name = :n").param("n", set.name())
                    .query(String.class).optional().orElse(null))) {
                continue;
            }
            set.load();
            if (fingerprint != null) {
                jdbc.sql("""
                        insert into demo_data_loaded (name, fingerprint) values (:n, :f)
                        on conflict (name) do update set fingerprint = excluded.fingerprint, loaded_at = now()""")
                        .param("n", set.name()).param("f", fingerprint).update();
            }
            log.info("Demo data '" + set.name() + "' ready in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
    }
}
