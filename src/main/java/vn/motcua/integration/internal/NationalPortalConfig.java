package vn.motcua.integration.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs the national portal sender on one node at a time. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NationalPortalProperties.class)
class NationalPortalConfig {

    @Bean
    RecurringTask<Void> nationalPortalSync(NationalPortalSender sender, NationalPortalProperties properties) {
        return Tasks.recurring("national-portal-sync", FixedDelay.of(properties.interval()))
                .execute((inst, ctx) -> sender.sendDue());
    }
}
