package vn.motcua.notification.internal;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code motcua.notification.*} (documented in docs/NOTIFICATIONS.md); missing values take the
 * defaults below. The e-mail server itself is Spring's {@code spring.mail.*} ({@code SPRING_MAIL_HOST}, ...).
 *
 * @param from     sender address of e-mails
 * @param language language of the messages sent (vi; en uses notification_en.properties)
 * @param sms      SMS text settings
 * @param delivery retry settings of the delivery task
 */
@ConfigurationProperties(prefix = "motcua.notification")
public record NotificationProperties(String from, String language, Sms sms, Delivery delivery) {

    public static final String DEFAULT_FROM = "no-reply@dichvucong.binhphuoc.gov.vn";

    public NotificationProperties {
        from = from == null || from.isBlank() ? DEFAULT_FROM : from.trim();
        language = language == null || language.isBlank() ? "vi" : language.trim();
        sms = sms == null ? new Sms(null, null) : sms;
        delivery = delivery == null ? new Delivery(null, null, null, null, null, null) : delivery;
    }

    public static NotificationProperties defaults() {
        return new NotificationProperties(null, null, null, null);
    }

    public Locale locale() {
        return "en".equalsIgnoreCase(language) ? Locale.ENGLISH : Locale.forLanguageTag("vi");
    }

    /**
     * @param stripDiacritics send "Ho so ... da duoc tiep nhan" instead of "Hồ sơ ... đã được tiếp nhận" (case is
     *                        kept), for carriers that split or garble Unicode SMS; false by default
     * @param maxLength       longest text sent (320 characters); longer texts shorten the reason, then are cut
     */
    public record Sms(Boolean stripDiacritics, Integer maxLength) {
        public Sms {
            stripDiacritics = stripDiacritics != null && stripDiacritics;
            maxLength = maxLength == null ? 320 : maxLength;
            if (maxLength < 40) {
                throw new IllegalArgumentException("motcua.notification.sms.max-length must be at least 40");
            }
        }
    }

    /**
     * @param interval       how often the delivery task looks for due messages (2s)
     * @param batchSize      messages claimed per round (100)
     * @param maxAttempts    attempts before a message is FAILED (8)
     * @param initialBackoff wait after the first failure, doubled after each further one (1m)
     * @param maxBackoff     longest wait between attempts (6h)
     * @param lease          how long a claimed message is reserved for the node sending it (5m)
     */
    public record Delivery(Duration interval, Integer batchSize, Integer maxAttempts, Duration initialBackoff,
                           Duration maxBackoff, Duration lease) {
        public Delivery {
            interval = interval == null ? Duration.ofSeconds(2) : interval;
            batchSize = batchSize == null ? 100 : batchSize;
            maxAttempts = maxAttempts == null ? 8 : maxAttempts;
            initialBackoff = initialBackoff == null ? Duration.ofMinutes(1) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofHours(6) : maxBackoff;
            lease = lease == null ? Duration.ofMinutes(5) : lease;
            if (batchSize < 1 || maxAttempts < 1) {
                throw new IllegalArgumentException(
                        "motcua.notification.delivery.batch-size and max-attempts must be at least 1");
            }
        }

        /** The wait after the {@code attempts}-th failed attempt: initial × 2^(attempts−1), capped. */
        public Duration backoff(int attempts) {
            int doublings = Math.max(0, Math.min(attempts - 1, 30));
            Duration d = initialBackoff.multipliedBy(1L << doublings);
            return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
        }

        public Delivery withMaxAttempts(int n) {
            return new Delivery(interval, batchSize, n, initialBackoff, maxBackoff, lease);
        }
    }
}
