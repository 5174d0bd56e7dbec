package vn.motcua.notification.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.mail.javamail.JavaMailSender;
import vn.motcua.notification.SmsGateway;

/**
 * Binds {@code motcua.notification.*}, provides the logging SMS gateway unless another {@link SmsGateway} bean
 * exists, and runs the delivery every {@code motcua.notification.delivery.interval} on one node (db-scheduler).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfig {

    @Bean
    @Fallback
    LoggingSmsGateway loggingSmsGateway() {
        return new LoggingSmsGateway();
    }

    @Bean
    NotificationDelivery notificationDelivery(NotificationRepository repository, ObjectProvider<JavaMailSender> mail,
                                              SmsGateway sms, NotificationProperties properties) {
        return new NotificationDelivery(repository, mail.getIfAvailable(), sms, properties);
    }

    @Bean
    RecurringTask<Void> notificationDeliveryTask(NotificationDelivery delivery, NotificationProperties properties) {
        return Tasks.recurring("notification-delivery", FixedDelay.of(properties.delivery().interval()))
                .execute((instance, ctx) -> delivery.deliverDue());
    }
}
