package vn.motcua.payment.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.payment.vnpay.SandboxProperties;
import vn.motcua.payment.vnpay.VnPayProperties;

/** The payment module's settings and its reconciliation task (db-scheduler: one node of the cluster runs it). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PaymentProperties.class, VnPayProperties.class, SandboxProperties.class})
class PaymentConfig {

    @Bean
    RecurringTask<Void> paymentReconciliationTask(Reconciliation reconciliation, PaymentProperties properties) {
        return Tasks.recurring("payment-reconciliation", FixedDelay.of(properties.reconcileInterval()))
                .execute((instance, ctx) -> reconciliation.run());
    }
}
