package vn.motcua.integration.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs the national portal sender on one node at a time, then checks the backlog; the backlog as metrics. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NationalPortalProperties.class)
class NationalPortalConfig {

    @Bean
    RecurringTask<Void> nationalPortalSync(NationalPortalSender sender, NationalSyncState state,
                                           NationalPortalProperties properties) {
        return Tasks.recurring("national-portal-sync", FixedDelay.of(properties.interval()))
                .execute((inst, ctx) -> {
                    sender.sendDue();
                    state.watch();
                });
    }

    @Bean
    Gauge nationalSyncBacklog(MeterRegistry registry, NationalSyncState state) {
        return Gauge.builder("motcua.national_sync.backlog", state, s -> s.backlog().pending())
                .description("Dossier changes waiting to be delivered to the national portal").register(registry);
    }

    @Bean
    Gauge nationalSyncDead(MeterRegistry registry, NationalSyncState state) {
        return Gauge.builder("motcua.national_sync.dead", state, s -> s.backlog().dead())
                .description("Dossier changes the national portal refused (dead letters)").register(registry);
    }
}
