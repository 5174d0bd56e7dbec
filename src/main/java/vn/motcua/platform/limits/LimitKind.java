package vn.motcua.platform.limits;

/**
 * The limits of the application, each with its default: "capacity/period" bands separated by commas (a request
 * passes only when every band has a token), a band with {@code fixed} refills all at once when its period is
 * over instead of little by little. Override one with {@code motcua.limits.<name>=...} (docs/SECURITY.md).
 */
public enum LimitKind {
    /** Tracking look-ups from one address (key: the address). */
    TRACKING_SOURCE("tracking-source", "60/1m, 600/1h"),
    /** Wrong second factors (phone or identification number) for one dossier code from one address (key: code and
     * address): about 10 in an hour, then that address gets no answer about the code until the hour is over. */
    TRACKING_WRONG("tracking-wrong", "10/1h fixed"),
    /** Wrong second factors for one dossier code from every address together (key: the code). */
    TRACKING_WRONG_CODE("tracking-wrong-code", "50/1h"),
    /** Wrong passwords for one account from one address (key: name and address): delays that grow, no lock that
     * another address can cause. */
    LOGIN_FAILURE("login-failure", "5/1m, 20/1h, 50/1d"),
    /** Wrong passwords from one address, whatever the account (key: the address). */
    LOGIN_SOURCE_FAILURE("login-source-failure", "100/1h, 300/1d"),
    /** Accounts created from one address (key: the address). */
    SIGN_UP_SOURCE("sign-up-source", "10/1h, 30/1d"),
    /** Password reset requests from one address (key: the address). */
    PASSWORD_RESET_SOURCE("password-reset-source", "10/1h"),
    /** Password reset requests for one account (key: the account name or e-mail). */
    PASSWORD_RESET_TARGET("password-reset-target", "3/1h"),
    /** Uploaded files by one account or anonymous address (key: "account:ID" or the address). */
    UPLOAD("upload", "120/1h, 600/1d"),
    /** Citizen feedback and other public writes from one address (key: the address). */
    PUBLIC_WRITE("public-write", "20/1h, 100/1d"),
    /** Payment attempts for one dossier or account (key: chosen by the caller). */
    PAYMENT("payment", "10/10m, 30/1d"),
    /** Public verifications of signed PDFs from one address (key: the address): validating a PDF costs CPU. */
    VERIFY("verify", "20/1m, 300/1h");

    private final String property;
    private final String defaults;

    LimitKind(String property, String defaults) {
        this.property = property;
        this.defaults = defaults;
    }

    /** The name under {@code motcua.limits.} that overrides the default. */
    public String property() {
        return property;
    }

    /** The default bands, e.g. {@code 5/1m, 20/1h}. */
    public String defaults() {
        return defaults;
    }
}
