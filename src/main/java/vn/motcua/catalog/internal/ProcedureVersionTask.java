package vn.motcua.catalog.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Brings procedure versions into force on their date ({@link ProcedureAdmin#promoteDue()}), every few minutes. */
@Configuration(proxyBeanMethods = false)
class ProcedureVersionTask {

    @Bean
    RecurringTask<Void> procedureVersionsTask(ProcedureAdmin admin,
                                              @Value("${motcua.catalog.versions-interval:5m}") Duration interval) {
        return Tasks.recurring("procedure-versions", FixedDelay.of(interval)).execute((inst, ctx) -> admin.promoteDue());
    }
}
