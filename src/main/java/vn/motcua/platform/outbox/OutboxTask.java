package vn.motcua.platform.outbox;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs the outbox dispatcher every second on exactly one node of the cluster (db-scheduler). */
@Configuration(proxyBeanMethods = false)
public class OutboxTask {

    @Bean
    RecurringTask<Void> outboxDispatchTask(OutboxDispatcher dispatcher,
                                           @Value("${motcua.outbox.interval:1s}") Duration interval) {
        return Tasks.recurring("outbox-dispatch", FixedDelay.of(interval))
                .execute((instance, ctx) -> dispatcher.dispatchAll());
    }
}
