package vn.motcua.signing;

import java.time.Instant;
import java.util.List;

/**
 * What the verification of a PDF found (EU DSS validation plus the PDF's revisions).
 *
 * @param verdict              the answer in one word (see {@link Verdict})
 * @param signatures           each signature, in the order they were made
 * @param modifiedAfterSigning a signed byte range no longer matches, or something other than a signature was added
 *                             after the last signature
 * @param sha256               the SHA-256 of the file checked (hex)
 */
public record VerificationReport(Verdict verdict, List<Signature> signatures, boolean modifiedAfterSigning,
                                 String sha256) {

    public VerificationReport {
        signatures = List.copyOf(signatures);
    }

    /** The answer, from the worst finding. */
    public enum Verdict {
        /** Every signature intact and chained to a trusted root, nothing changed after the last one. */
        VALID,
        /** A signature is intact, but its certificate does not chain to a trusted root. */
        UNTRUSTED,
        /** The document was changed after it was signed (or a signature value is wrong). */
        MODIFIED,
        /** No signature. */
        UNSIGNED,
        /** Not a PDF that can be read. */
        NOT_PDF
    }

    /**
     * One signature.
     *
     * @param signedBy      the signer certificate's common name
     * @param organization  the certificate's organisation, or {@code null}
     * @param signingTime   the claimed signing time ({@code /M})
     * @param timestamp     the time of an RFC 3161 signature timestamp, or {@code null} (PAdES-B-B)
     * @param intact        the signed bytes are unchanged and the signature value verifies
     * @param trusted       the certificate chains to a trusted root
     * @param chain         the certificate chain's common names, signer first
     * @param format        e.g. {@code PAdES-BASELINE-B}
     * @param indication    DSS's indication under its default policy (TOTAL_PASSED, INDETERMINATE, TOTAL_FAILED)
     * @param subIndication DSS's sub-indication, or {@code null}
     */
    public record Signature(String signedBy, String organization, Instant signingTime, Instant timestamp,
                            boolean intact, boolean trusted, List<String> chain, String format, String indication,
                            String subIndication) {

        public Signature {
            chain = List.copyOf(chain);
        }
    }
}
