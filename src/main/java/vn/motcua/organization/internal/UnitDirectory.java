package vn.motcua.organization.internal;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outside the demo, the directory of administrative units is reference data, not demo data: on a database without any
 * unit it is loaded once from the units file (province, districts, communes and their GSO codes), so that an
 * administrator starting from an empty database can create agencies under real units. Agencies, accounts and
 * procedures are not loaded: the administrator enters them on the pages. {@code motcua.organization.load-units=false}
 * leaves the table empty.
 */
@Component
@Profile("!demo")
class UnitDirectory implements SmartInitializingSingleton {

    private static final Log log = LogFactory.getLog(UnitDirectory.class);
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OrganizationService organization;
    private final TransactionTemplate tx;
    private final boolean enabled;

    UnitDirectory(JdbcClient jdbc, JsonMapper json, OrganizationService organization, TransactionTemplate tx,
                  @Value("${motcua.organization.load-units:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.json = json;
        this.organization = organization;
        this.tx = tx;
        this.enabled = enabled;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!enabled || jdbc.sql("select count(*) from admin_unit").query(Long.class).single() > 0) {
            return;
        }
        try (InputStream in = new ClassPathResource("demo-data/units-binhphuoc.json").getInputStream()) {
            JsonNode units = json.readTree(in);
            tx.executeWithoutResult(s -> OrganizationDemoData.upsertUnits(jdbc, units));
            organization.invalidate();
            log.info("Loaded the directory of administrative units");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the units file", e);
        }
    }
}
