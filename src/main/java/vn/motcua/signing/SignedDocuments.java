package vn.motcua.signing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The register of the documents this system signed (table {@code signed_document}): what the QR code of a signed
 * document opens, and what the 766 index counts as a signed electronic result.
 */
public interface SignedDocuments {

    /** Records a signed document whose PDF is kept in the file store; in the caller's transaction. */
    void register(SignedDocument document);

    Optional<SignedDocument> find(UUID id);

    /** The kept signed PDF. */
    Optional<byte[]> content(UUID id);

    /** The public address of a signed document's verification page: what its QR code encodes. */
    String verifyUrl(UUID id);

    /** The kinds of signed documents. */
    enum Kind {
        RESULT, RECEIPT, FORM, CERTIFIED_COPY, E_RECEIPT
    }

    /**
     * One signed document.
     *
     * @param id          the key in its QR code
     * @param dossierCode the dossier, or {@code null}
     * @param fileId      the signed PDF in the documents module's file store
     * @param sha256      of the signed PDF, hex
     * @param signers     who signed, as shown
     */
    record SignedDocument(UUID id, Kind kind, String dossierCode, String agencyCode, UUID fileId, String sha256,
                          String signers, Instant signedAt) {

        public SignedDocument {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(agencyCode, "agencyCode");
            Objects.requireNonNull(fileId, "fileId");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(signedAt, "signedAt");
            signers = signers == null ? "" : signers;
        }
    }
}
