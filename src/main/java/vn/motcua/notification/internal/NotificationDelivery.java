package vn.motcua.notification.internal;

import jakarta.mail.MessagingException;
import java.util.Locale;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import vn.motcua.notification.SmsGateway;
import vn.motcua.notification.internal.NotificationRepository.Pending;

/**
 * Sends stored messages: e-mail through SMTP, SMS through the gateway. Runs outside any transaction (an SMTP
 * server that hangs holds no lock and no connection of anyone else). Each message is claimed for a lease,
 * sent, then marked SENT; a failure is recorded (attempts + 1, the error) and retried after an exponential
 * backoff until {@code max-attempts}, then the message is FAILED. Without a mail server
 * ({@code spring.mail.host} unset, the embedded demo) e-mails are SKIPPED and logged: the in-app copy remains.
 * Delivery is at least once: a node that dies between sending and marking sends again after the lease.
 */
public class NotificationDelivery {

    private static final Log log = LogFactory.getLog(NotificationDelivery.class);
    private static final int MAX_ROUNDS = 20;

    private final NotificationRepository repository;
    private final JavaMailSender mail;
    private final SmsGateway sms;
    private final NotificationProperties properties;

    /** @param mail null when no mail server is configured */
    public NotificationDelivery(NotificationRepository repository, JavaMailSender mail, SmsGateway sms,
                                NotificationProperties properties) {
        this.repository = repository;
        this.mail = mail;
        this.sms = sms;
        this.properties = properties;
        if (mail instanceof JavaMailSenderImpl impl) {
            // JavaMail waits forever by default: an SMTP server that accepts and never answers would stall delivery
            impl.getJavaMailProperties().putIfAbsent("mail.smtp.connectiontimeout", "10000");
            impl.getJavaMailProperties().putIfAbsent("mail.smtp.timeout", "30000");
            impl.getJavaMailProperties().putIfAbsent("mail.smtp.writetimeout", "30000");
        }
    }

    /** Sends every due message (bounded per call). Never throws for a message that cannot be sent. */
    public int deliverDue() {
        int total = 0;
        int batch = properties.delivery().batchSize();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            var claimed = repository.claim(batch, properties.delivery().lease());
            claimed.forEach(this::deliver);
            total += claimed.size();
            if (claimed.size() < batch) {
                break;
            }
        }
        return total;
    }

    /** Attempts one PENDING message now, whatever its next attempt time (tests, operators). */
    public void deliver(long id) {
        repository.pending(id).ifPresent(this::deliver);
    }

    void deliver(Pending p) {
        try {
            switch (p.channel()) {
                case EMAIL -> {
                    if (mail == null) {
                        log.info("No mail server configured (spring.mail.host): e-mail " + p.id() + " about "
                                + p.dossierCode() + " (" + p.event() + ") not sent; the in-app copy remains");
                        repository.skipped(p.id(), "no mail server configured (spring.mail.host)");
                        return;
                    }
                    sendMail(p);
                }
                case SMS -> sms.send(p.recipient(), p.body());
                case IN_APP -> {
                    // stored is delivered; nothing to send
                }
            }
            repository.sent(p.id());
        } catch (RuntimeException e) {
            int attempts = p.attempts() + 1;
            boolean giveUp = attempts >= properties.delivery().maxAttempts();
            var retryIn = properties.delivery().backoff(attempts);
            String error = describe(e);
            repository.failed(p.id(), error, giveUp, retryIn);
            if (giveUp) {
                log.error(p.channel() + " notification " + p.id() + " failed for good after " + attempts
                        + " attempts: " + error);
            } else {
                log.warn(p.channel() + " notification " + p.id() + " failed (attempt " + attempts + " of "
                        + properties.delivery().maxAttempts() + "), retry in " + retryIn + ": " + error);
            }
        }
    }

    private void sendMail(Pending p) {
        Locale locale = properties.locale();
        mail.send(message -> {
            MimeMessageHelper m = new MimeMessageHelper(message, true, "UTF-8");
            m.setFrom(properties.from());
            m.setTo(p.recipient());
            m.setSubject(p.subject());
            m.setText(p.body(), NotificationTemplates.html(p.subject(), p.body(), locale));
            try {
                message.setHeader("Auto-Submitted", "auto-generated");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && cause != e && depth < 3; depth++) {
            b.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
            cause = cause.getCause();
        }
        return b.toString();
    }
}
