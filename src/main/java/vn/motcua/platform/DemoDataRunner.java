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

    DemoDataRunner(List<DemoDataSet> sets) {
        this.sets = sets; // Spring sorts the list by @Order
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (DemoDataSet set : sets) {
            long t0 = System.nanoTime();
            set.load();
            log.info("Demo data '" + set.name() + "' ready in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
    }
}
