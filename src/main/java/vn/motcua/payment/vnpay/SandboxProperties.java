package vn.motcua.payment.vnpay;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The built-in VNPay sandbox ({@code motcua.payment.sandbox.*}), on in the demo profile: a simulated VNPay for the
 * embedded default, never for production.
 *
 * @param enabled serve the sandbox's page and merchant API
 * @param ipnUrl  where it sends the IPN (default: this application's own IPN endpoint on its local port)
 */
@ConfigurationProperties(prefix = "motcua.payment.sandbox")
public record SandboxProperties(boolean enabled, String ipnUrl) {
}
