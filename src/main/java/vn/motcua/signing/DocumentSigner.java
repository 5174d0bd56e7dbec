package vn.motcua.signing;

/**
 * Signs PDF documents (PAdES baseline B-B, or B-T when a timestamp authority is configured) with the keys of the
 * agencies and officers: PKCS#12 keystores configured per agency and per officer, the demo certificate authority
 * in the {@code demo} profile, or a remote signing service. Every signature is an incremental update, so the
 * signatures already in the document stay valid. Keys never leave their keystore.
 *
 * <p>A signature that cannot be made (no key, certificate expired or not yet valid, remote signer refused or
 * timed out, not a PDF) throws {@link vn.motcua.platform.ProblemException} 409 {@code signing.failed} with the
 * reason in the caller's language; nothing is changed. See docs/SIGNING.md.
 */
public interface DocumentSigner {

    /**
     * The agency's own signature (chữ ký số của cơ quan, tổ chức): the seal image and the signing time. Used for
     * receipts (form 01), forms 02–04 and e-receipts.
     *
     * @param placement where the appearance goes; {@link Placement#DEFAULT}: the last page, bottom right
     */
    byte[] signAsAgency(String agencyCode, byte[] pdf, Placement placement);

    /**
     * Whether the agency has a key to sign with (a configured or found keystore, or the demo certificate authority).
     * The paper forms of an agency without one are handed out unsigned, to be signed by hand.
     */
    boolean hasAgencyKey(String agencyCode);

    /** The agency's signature at the default place. */
    default byte[] signAsAgency(String agencyCode, byte[] pdf) {
        return signAsAgency(agencyCode, pdf, Placement.DEFAULT);
    }

    /**
     * An officer's personal signature only (name, position, time): the first step when the agency's seal comes
     * later (a certified copy: signed, then numbered and sealed). The officer signs with their keystore, or on
     * their phone through the remote signing service when configured for them.
     */
    byte[] signAsOfficer(Officer officer, String agencyCode, byte[] pdf, Placement placement);

    /**
     * An officer's personal signature (the competent person: name, position and time), followed by the agency's
     * signature whose seal overlaps the left third of it, as Decree 30/2020 Annex I lays out a signed result.
     */
    byte[] signAsOfficerAndAgency(Officer officer, String agencyCode, byte[] pdf, Placement placement);

    /**
     * Who signs in person.
     *
     * @param username the officer's account: selects the keystore ({@code motcua.signing.officers[username]})
     * @param name     the name shown (the certificate's name is the legal one; this names a demo certificate)
     * @param position the position shown, e.g. "Chủ tịch"
     */
    record Officer(String username, String name, String position) {
    }

    /**
     * Where a visible signature goes: above or below the first line of the last page that contains
     * {@code anchor} (e.g. the signer's name, or the title of the signature block), centred on it.
     */
    record Placement(String anchor, boolean below) {

        public static final Placement DEFAULT = new Placement(null, false);

        /** Centred above the line that contains the text (the room to sign above a signer's name). */
        public static Placement above(String anchor) {
            return new Placement(anchor, false);
        }

        /** Centred below the line that contains the text (under a signature block's title). */
        public static Placement below(String anchor) {
            return new Placement(anchor, true);
        }
    }
}
