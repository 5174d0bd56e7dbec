package vn.motcua.signing;

/**
 * Checks the signatures of a PDF (EU DSS 6.4): who signed, when, whether it was changed after signing, whether the
 * certificates chain to a trusted root. The trust list is configured ({@code motcua.signing.trust.certificates});
 * the demo root is trusted only in the {@code demo} profile. Offline: no certificate or revocation data is fetched.
 */
public interface DocumentVerifier {

    VerificationReport verify(byte[] pdf);
}
