package vn.motcua.payment.vnpay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code motcua.payment.vnpay.*} (docs/PAYMENTS.md). Without a terminal code and a hash secret the
 * VNPay channel is not offered. The demo profile points them at the built-in sandbox (demo values only).
 *
 * @param tmnCode    vnp_TmnCode, issued by VNPay
 * @param hashSecret vnp_HashSecret, issued by VNPay (from configuration, never in the code)
 * @param payUrl     the payment page (sandbox: https://sandbox.vnpayment.vn/paymentv2/vpcpay.html); a path
 *                   without a host is this application (the built-in sandbox)
 * @param apiUrl     the merchant API for querydr and refund (sandbox: .../merchant_webapi/api/transaction)
 * @param locale     vn or en
 * @param orderType  vnp_OrderType (UNCONFIRMED which category fits fees; {@code other} by default)
 * @param timeout    for the merchant API calls
 * @param serverIp   vnp_IpAddr of the merchant API calls (this server)
 */
@ConfigurationProperties(prefix = "motcua.payment.vnpay")
public record VnPayProperties(String tmnCode, String hashSecret, String payUrl, String apiUrl,
                              String locale, String orderType, Duration timeout, String serverIp) {

    public VnPayProperties {
        payUrl = blank(payUrl) ? "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html" : payUrl.trim();
        apiUrl = blank(apiUrl) ? "https://sandbox.vnpayment.vn/merchant_webapi/api/transaction" : apiUrl.trim();
        locale = blank(locale) ? "vn" : locale.trim();
        orderType = blank(orderType) ? "other" : orderType.trim();
        timeout = timeout == null ? Duration.ofSeconds(15) : timeout;
        serverIp = blank(serverIp) ? "127.0.0.1" : serverIp.trim();
    }

    public boolean configured() {
        return !blank(tmnCode) && !blank(hashSecret);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
