package vn.motcua.payment.internal;

/** What the merchant answers a gateway's callback, in VNPay's codes (the platform's adapter maps them to its own). */
public enum CallbackAnswer {
    CONFIRMED("00", "Confirm Success"),
    NOT_FOUND("01", "Order not found"),
    ALREADY_CONFIRMED("02", "Order already confirmed"),
    INVALID_AMOUNT("04", "Invalid amount"),
    INVALID_SIGNATURE("97", "Invalid signature"),
    OTHER("99", "Unknown error");

    private final String code;
    private final String message;

    CallbackAnswer(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }
}
