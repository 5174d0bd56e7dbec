package vn.motcua.payment.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.LocalTime;
import org.springframework.beans.factory.annotation.Value;
import vn.motcua.calendar.WorkingCalendar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.payment.vnpay.SandboxProperties;
import vn.motcua.payment.vnpay.VnPayProperties;

/** The payment module's settings and its reconciliation task (db-scheduler: one node of the cluster runs it). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PaymentProperties.class, VnPayProperties.class, SandboxProperties.class})
class PaymentConfig {

    /** The daily reconciliation report of yesterday, each day at {@code motcua.payment.daily-reconciliation-at}. */
    @Bean
    RecurringTask<Void> paymentDailyReconciliationTask(DailyReconciliation daily, WorkingCalendar calendar,
            @Value("${motcua.payment.daily-reconciliation-at:01:30}") String at) {
        return Tasks.recurring("payment-daily-reconciliation", new Daily(calendar.zone(), LocalTime.parse(at)))
                .execute((instance, ctx) -> daily.runYesterday());
    }

    /**
     * The day's summary of e-receipt data for the tax authority, made and kept each day at
     * {@code motcua.payment.receipt.daily-summary-at} — only with {@code motcua.payment.receipt.daily-summary=true}
     * (off by default: format and channel UNCONFIRMED, docs/PAYMENTS.md "Tax authority").
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "motcua.payment.receipt.daily-summary",
            havingValue = "true")
    RecurringTask<Void> paymentReceiptSummaryTask(vn.motcua.payment.receipt.ReceiptSummaries summaries,
            WorkingCalendar calendar, @Value("${motcua.payment.receipt.daily-summary-at:23:45}") String at) {
        return Tasks.recurring("payment-receipt-summary", new Daily(calendar.zone(), LocalTime.parse(at)))
                .execute((instance, ctx) -> summaries.runToday());
    }

    @Bean
    RecurringTask<Void> paymentReconciliationTask(Reconciliation reconciliation, PaymentProperties properties) {
        return Tasks.recurring("payment-reconciliation", FixedDelay.of(properties.reconcileInterval()))
                .execute((instance, ctx) -> reconciliation.run());
    }
}
