package vn.motcua.signing.internal;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.springframework.stereotype.Service;
import vn.motcua.signing.DocumentVerifier;
import vn.motcua.signing.VerificationReport;
import vn.motcua.signing.VerificationReport.Verdict;

/**
 * {@link DocumentVerifier} with EU DSS 6.4 (dss-pades-pdfbox): the integrity and the trust chain of each signature
 * from DSS's diagnostic data, offline (no AIA, CRL or OCSP fetching), and from the PDF's revisions whether anything
 * other than signatures was added after the last signature. Trusted roots: {@code motcua.signing.trusted-certificates}
 * and, with the demo certificate authority on (profile {@code demo} only), the demo root.
 */
@Service
class DssDocumentVerifier implements DocumentVerifier {

    private static final Log log = LogFactory.getLog(DssDocumentVerifier.class);

    private final List<X509Certificate> anchors;

    DssDocumentVerifier(SigningProperties props, KeyRing keys) {
        List<X509Certificate> list = new ArrayList<>();
        for (String file : props.trustedCertificates()) {
            list.addAll(read(Path.of(file)));
        }
        keys.demoRoot().ifPresent(list::add);
        this.anchors = List.copyOf(list);
    }

    @Override
    public VerificationReport verify(byte[] pdf) {
        String sha256 = HexFormat.of().formatHex(CmsSignatures.sha256(pdf));
        List<PDSignature> dictionaries;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            dictionaries = new ArrayList<>(doc.getSignatureDictionaries());
        } catch (IOException e) {
            return new VerificationReport(Verdict.NOT_PDF, List.of(), false, sha256);
        }
        if (dictionaries.isEmpty()) {
            return new VerificationReport(Verdict.UNSIGNED, List.of(), false, sha256);
        }
        // something other than a signature after the last signature: the last signed range ends before the file
        int[] last = dictionaries.stream().map(PDSignature::getByteRange)
                .max(Comparator.comparingLong(r -> (long) r[2] + r[3])).orElseThrow();
        boolean appended = (long) last[2] + last[3] < trimmedLength(pdf);

        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf, "document.pdf"));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setAIASource(null);
        verifier.setCrlSource(null);
        verifier.setOcspSource(null);
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        anchors.forEach(c -> trusted.addCertificate(new CertificateToken(c)));
        verifier.setTrustedCertSources(trusted);
        validator.setCertificateVerifier(verifier);
        Reports reports = validator.validateDocument();
        DiagnosticData diagnostic = reports.getDiagnosticData();
        SimpleReport simple = reports.getSimpleReport();

        List<VerificationReport.Signature> signatures = new ArrayList<>();
        for (SignatureWrapper s : diagnostic.getSignatures()) {
            List<CertificateWrapper> chain = s.getCertificateChain();
            CertificateWrapper signer = s.getSigningCertificate();
            boolean intact = s.isSignatureIntact() && s.isSignatureValid();
            boolean chainTrusted = chain.stream().anyMatch(CertificateWrapper::isTrusted);
            Instant ts = s.getTimestampList().stream().map(TimestampWrapper::getProductionTime)
                    .filter(java.util.Objects::nonNull).map(java.util.Date::toInstant).findFirst().orElse(null);
            signatures.add(new VerificationReport.Signature(
                    signer == null ? "?" : signer.getCommonName(), signer == null ? null : signer.getOrganizationName(),
                    s.getClaimedSigningTime() == null ? null : s.getClaimedSigningTime().toInstant(), ts, intact,
                    chainTrusted, chain.stream().map(CertificateWrapper::getCommonName).toList(),
                    s.getSignatureFormat() == null ? null : s.getSignatureFormat().toString(),
                    String.valueOf(simple.getIndication(s.getId())),
                    simple.getSubIndication(s.getId()) == null ? null : simple.getSubIndication(s.getId()).name()));
        }
        signatures.sort(Comparator.comparing(VerificationReport.Signature::signingTime,
                Comparator.nullsLast(Comparator.naturalOrder())));
        boolean broken = signatures.stream().anyMatch(s -> !s.intact()) || signatures.size() < dictionaries.size();
        boolean modified = broken || appended;
        Verdict verdict = modified ? Verdict.MODIFIED
                : signatures.stream().allMatch(VerificationReport.Signature::trusted) ? Verdict.VALID : Verdict.UNTRUSTED;
        return new VerificationReport(verdict, signatures, modified, sha256);
    }

    /** The length without the end-of-line bytes a writer may add after the last {@code %%EOF}. */
    private static long trimmedLength(byte[] pdf) {
        int n = pdf.length;
        while (n > 0 && (pdf[n - 1] == '\n' || pdf[n - 1] == '\r' || pdf[n - 1] == ' ' || pdf[n - 1] == 0)) {
            n--;
        }
        return n;
    }

    private static List<X509Certificate> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            return out;
        } catch (IOException | CertificateException e) {
            log.warn("trusted certificate " + file + " could not be read: " + e.getMessage());
            return List.of();
        }
    }
}
