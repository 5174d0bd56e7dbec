package vn.motcua.signing.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import vn.motcua.signing.SignedDocuments;
import vn.motcua.signing.VerificationReport;

/**
 * The answer of the verification, for the API and the page: the verdict with its sentence in the caller's
 * language, each signature, and for a registered document what the register says about it.
 *
 * @param verdict              VALID, UNTRUSTED, MODIFIED, UNSIGNED or NOT_PDF
 * @param verdictText          the verdict in a sentence
 * @param modifiedAfterSigning changed after signing
 * @param registered           the register's entry when the document was opened by its QR code, else {@code null}
 */
record VerifyView(String verdict, String verdictText, boolean modifiedAfterSigning, String sha256,
                  List<Signer> signatures, @Nullable Registered registered) {

    /** One signature: who, when (the province's time), intact, trusted, the chain. */
    record Signer(String signedBy, @Nullable String organization, @Nullable OffsetDateTime signingTime,
                  @Nullable OffsetDateTime timestamp, boolean intact, boolean trusted, List<String> chain,
                  @Nullable String format, String indication, @Nullable String subIndication) {
    }

    /** What the register of signed documents says: kind, dossier, agency, when, who, and whether the copy matches. */
    record Registered(String id, String kind, String kindText, @Nullable String dossierCode, String agencyCode,
                      OffsetDateTime signedAt, String signers, @Nullable Boolean sameAsRegistered) {
    }

    static VerifyView of(VerificationReport r, SignedDocuments.SignedDocument doc, MessageSource messages,
                         ZoneId zone, Locale locale) {
        return of(r, doc, null, messages, zone, locale);
    }

    /** @param uploadedSha256 the hash of a copy the visitor uploaded to compare with the registered one, or null */
    static VerifyView of(VerificationReport r, SignedDocuments.SignedDocument doc, String uploadedSha256,
                         MessageSource messages, ZoneId zone, Locale locale) {
        List<Signer> signers = r.signatures().stream().map(s -> new Signer(s.signedBy(), s.organization(),
                s.signingTime() == null ? null : s.signingTime().atZone(zone).toOffsetDateTime(),
                s.timestamp() == null ? null : s.timestamp().atZone(zone).toOffsetDateTime(), s.intact(),
                s.trusted(), s.chain(), s.format(), s.indication(), s.subIndication())).toList();
        Registered registered = doc == null ? null : new Registered(doc.id().toString(), doc.kind().name(),
                messages.getMessage("signing.kind." + doc.kind().name(), null, doc.kind().name(), locale),
                doc.dossierCode(), doc.agencyCode(), doc.signedAt().atZone(zone).toOffsetDateTime(), doc.signers(),
                uploadedSha256 == null ? null : uploadedSha256.equalsIgnoreCase(doc.sha256()));
        return new VerifyView(r.verdict().name(),
                messages.getMessage("signing.verdict." + r.verdict().name(), null, r.verdict().name(), locale),
                r.modifiedAfterSigning(), r.sha256(), signers, registered);
    }
}
