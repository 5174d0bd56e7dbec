package vn.motcua.payment.spi;

/** The gateway could not be reached or did not answer as its protocol says: the citizen is told and may retry. */
public class GatewayUnavailableException extends RuntimeException {

    public GatewayUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public GatewayUnavailableException(String message) {
        super(message);
    }
}
