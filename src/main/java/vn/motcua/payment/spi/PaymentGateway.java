package vn.motcua.payment.spi;

import java.util.Map;

/** One payment gateway, as the payment service uses it. Adapters never change a transaction themselves. */
public interface PaymentGateway {

    /** The gateway's name in the transaction table: VNPAY, PAYMENT_PLATFORM. */
    String name();

    /** Configured and usable (a gateway without its merchant code or secret is not offered). */
    boolean enabled();

    /**
     * Starts the payment: the URL the citizen's browser goes to.
     *
     * @throws GatewayUnavailableException when the gateway cannot be reached or refuses to start
     */
    Redirect initiate(PaymentOrder order);

    /**
     * Reads a callback (an IPN, a browser return, a platform confirmation): the signature is checked first, in
     * constant time; an invalid one gives {@link CallbackData#signatureValid()} false and nothing else is trusted.
     */
    CallbackData verify(Map<String, String> params);

    /**
     * Asks the gateway where a transaction stands (VNPay {@code querydr}, platform {@code QUERY}).
     *
     * @throws GatewayUnavailableException when the gateway cannot be reached
     */
    GatewayResult query(PaymentOrder order);

    /**
     * Asks the gateway to give the money back (VNPay {@code refund}; the platform's refund is outside its contract).
     *
     * @throws GatewayUnavailableException when the gateway cannot be reached
     */
    GatewayResult refund(PaymentOrder order, long amount, String requestedBy);

    /** Where the browser goes after paying. */
    record Redirect(String url) {
    }
}
