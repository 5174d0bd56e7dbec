package vn.motcua.signing.internal;

/** A remote signing service did not sign: the signer refused, did not answer in time, or the service failed. */
class RemoteSigningException extends RuntimeException {

    private final String reasonKey;

    RemoteSigningException(String reasonKey, String message) {
        super(message);
        this.reasonKey = reasonKey;
    }

    /** {@code signing.reason.refused}, {@code signing.reason.timeout} or {@code signing.reason.remote}. */
    String reasonKey() {
        return reasonKey;
    }
}
