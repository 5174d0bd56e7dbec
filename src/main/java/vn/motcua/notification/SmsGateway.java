package vn.motcua.notification;

/**
 * Sends one SMS. The default gateway only logs; a deployment plugs in its carrier or SMS brand-name provider
 * by defining a bean of this type. Called outside any transaction by the delivery task, which retries with
 * backoff when {@link #send} throws.
 */
public interface SmsGateway {

    /**
     * @param phone a Vietnamese number as the applicant gave it, spaces and dots removed (0912345678 or
     *              +84912345678)
     * @param text  at most {@code motcua.notification.sms.max-length} characters (320 by default), with or
     *              without diacritics depending on {@code motcua.notification.sms.strip-diacritics}
     * @throws RuntimeException when the message was not accepted; it will be retried
     */
    void send(String phone, String text);
}
