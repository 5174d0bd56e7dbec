package vn.motcua.notification.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import vn.motcua.notification.SmsGateway;

/**
 * The default SMS gateway: logs the message (phone number partly masked) and keeps the last messages in
 * memory for inspection. Replaced by defining any other {@link SmsGateway} bean.
 */
public class LoggingSmsGateway implements SmsGateway {

    private static final Log log = LogFactory.getLog(LoggingSmsGateway.class);
    private static final int KEEP = 200;

    /** A message as the gateway received it. */
    record Sms(String phone, String text) {
    }

    private final Deque<Sms> recent = new ArrayDeque<>();

    @Override
    public void send(String phone, String text) {
        log.info("SMS to " + mask(phone) + " (" + text.length() + " characters): " + text);
        synchronized (recent) {
            recent.addLast(new Sms(phone, text));
            while (recent.size() > KEEP) {
                recent.removeFirst();
            }
        }
    }

    /** The last messages received, oldest first. */
    List<Sms> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** 0912345678 → 091****678. */
    static String mask(String phone) {
        if (phone == null || phone.length() < 7) {
            return "***";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 6) + phone.substring(phone.length() - 3);
    }
}
