package vn.motcua.notification.internal;

import java.util.EnumSet;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.identity.PasswordResetRequested;
import vn.motcua.notification.NotificationChannel;

/**
 * Sends the one-time code of a password reset by e-mail and SMS (template {@code PASSWORD_RESET}: {9} the code,
 * {3} how long it is valid). Never in-app: the owner cannot log in to read it. Runs inside the transaction that
 * stored the code's hash, so the message is stored only with it.
 */
@Component
class PasswordResetNotifications {

    private final NotificationService notifications;

    PasswordResetNotifications(NotificationService notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(PasswordResetRequested e) {
        notifications.notifyAccount(e.accountId(), "PASSWORD_RESET",
                Map.of("detail", e.code(), "reason", Integer.toString(e.validMinutes())), null,
                EnumSet.of(NotificationChannel.EMAIL, NotificationChannel.SMS));
    }
}
