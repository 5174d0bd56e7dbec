package motcua.autoconfigure;

import com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * db-scheduler 16's auto-configuration orders itself after a Spring Boot 3 class that Boot 4 no longer has,
 * and then silently does not start. It is excluded (application.properties) and imported here, after the
 * data source and Flyway of Boot 4. Kept outside the scanned packages on purpose.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@Import(DbSchedulerAutoConfiguration.class)
public class DbSchedulerBoot4AutoConfiguration {
}
