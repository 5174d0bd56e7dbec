package vn.motcua.payment.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code motcua.payment.*} (docs/PAYMENTS.md).
 *
 * @param expireAfter      how long the citizen has on the gateway's page (vnp_ExpireDate)
 * @param publicBaseUrl    this site as citizens reach it (the gateways' return address); unset: as the request came
 * @param reconcileAfter   an attempt still open this long after its expiry is queried at the gateway
 * @param reconcileCutoff  after this, an attempt the gateway still calls pending is left to the accountant (alert)
 * @param reconcileInterval how often the reconciliation looks at open attempts
 */
@ConfigurationProperties(prefix = "motcua.payment")
public record PaymentProperties(Duration expireAfter, String publicBaseUrl, Duration reconcileAfter,
                                Duration reconcileCutoff, Duration reconcileInterval) {

    public PaymentProperties {
        expireAfter = expireAfter == null ? Duration.ofMinutes(15) : expireAfter;
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null
                : publicBaseUrl.strip().replaceAll("/+$", "");
        reconcileAfter = reconcileAfter == null ? Duration.ofMinutes(5) : reconcileAfter;
        reconcileCutoff = reconcileCutoff == null ? Duration.ofDays(3) : reconcileCutoff;
        reconcileInterval = reconcileInterval == null ? Duration.ofMinutes(10) : reconcileInterval;
    }
}
