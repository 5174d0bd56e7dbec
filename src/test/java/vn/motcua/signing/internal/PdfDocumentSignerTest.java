package vn.motcua.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitLevel;
import vn.motcua.platform.ProblemException;
import vn.motcua.signing.ComponentLine;
import vn.motcua.signing.DocumentSigner;
import vn.motcua.signing.PaperSize;
import vn.motcua.signing.ReceiptData;
import vn.motcua.signing.ResultData;

/**
 * Signatures made with the demo certificate authority, checked with poppler's {@code pdfsig} (an independent
 * verifier) and by reading the CMS container back: PAdES-B-B, the second signature keeps the first valid, a
 * changed byte breaks them, an expired certificate signs nothing.
 */
class PdfDocumentSignerTest {

    static final String AGENCY = "70.689.25195.MC";
    static final Instant NOW = Instant.parse("2031-05-06T03:00:00Z");
    /** The province's zone, as the calendar's ZoneId bean gives it. */
    static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
    static final PdfOfficialDocuments DOCS = new PdfOfficialDocuments(ZONE);

    @TempDir
    Path dir;

    PdfDocumentSigner signer(Clock clock, String officerKey) {
        var props = new SigningProperties(dir.toString(), "demo-test-password", null, null,
                new SigningProperties.DemoCa(true, officerKey), null, null, null, null);
        return new PdfDocumentSigner(new KeyRing(props), organization(), clock, props, PdfDocumentSignerTest.ZONE);
    }

    static Organization organization() {
        Agency agency = new Agency(AGENCY, "Ủy ban nhân dân tỉnh Bình Phước\nỦy ban nhân dân phường Tân Phú",
                "Tan Phu", "25195", UnitLevel.DISTRICT, "one_stop_commune", null, "000.00.25.H10");
        return (Organization) Proxy.newProxyInstance(Organization.class.getClassLoader(),
                new Class<?>[] {Organization.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "agency" -> AGENCY.equals(args[0]) ? Optional.of(agency) : Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static byte[] receipt() {
        OffsetDateTime at = OffsetDateTime.of(2031, 5, 6, 10, 0, 0, 0, ZoneOffset.ofHours(7));
        return DOCS.receipt(new ReceiptData("H10.25.01-310506-0001", "Ủy ban nhân dân phường Tân Phú", "Đồng Xoài",
                "Cấp giấy xác nhận tình trạng hôn nhân", "Nguyễn Văn An", "070190001234", null, null,
                List.of(new ComponentLine("Tờ khai", 1, 0)), at, at.plusDays(3), "Lê Thị Hoa", "Trực tiếp",
                "https://motcua.example/tra-cuu?ma=H10", PaperSize.A4));
    }

    static byte[] result() {
        OffsetDateTime at = OffsetDateTime.of(2031, 5, 6, 10, 0, 0, 0, ZoneOffset.ofHours(7));
        return DOCS.result(new ResultData("H10.25.01-310506-0001", "125/GXN-UBND", "Giấy xác nhận tình trạng hôn nhân",
                "Ủy ban nhân dân phường Tân Phú", "Đồng Xoài", List.of("Căn cứ Luật Hộ tịch;"),
                List.of(new ResultData.Line("Họ, chữ đệm, tên", "Nguyễn Văn An")), "Nguyễn Văn An", "Trần Văn Bình",
                "CHỦ TỊCH", at, "https://motcua.example/xac-thuc", PaperSize.A4));
    }

    @Test
    void aReceiptSignedByTheAgencyIsValidForPdfsigAndIsPadesBaselineB() throws Exception {
        byte[] signed = signer(Clock.fixed(NOW, ZoneOffset.UTC), null)
                .signAsAgency(AGENCY, receipt(), DocumentSigner.Placement.below("NGƯỜI TIẾP NHẬN HỒ SƠ"));
        String report = Pdfsig.check(signed);
        assertThat(Pdfsig.valid(report)).as(report).isEqualTo(1);
        assertThat(report).contains("ETSI.CAdES.detached").contains("Ủy ban nhân dân phường Tân Phú");
        try (PDDocument doc = Loader.loadPDF(signed)) {
            PDSignature sig = doc.getLastSignatureDictionary();
            assertThat(sig.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(sig.getSignDate().toInstant()).isEqualTo(NOW);
            CMSSignedData cms = new CMSSignedData(sig.getContents());
            SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
            assertThat(si.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
            assertThat(si.getSignedAttributes().get(PKCSObjectIdentifiers.pkcs_9_at_signingTime))
                    .as("PAdES: the time is in /M, not in the CMS").isNull();
            assertThat(cms.getCertificates().getMatches(null)).as("signer and root").hasSize(2);
            // the visible appearance is on the page that the signature covers
            assertThat(doc.getSignatureFields().getFirst().getWidgets().getFirst().getRectangle().getWidth())
                    .isGreaterThan(100);
        }
    }

    @Test
    void theLeaderAndTheAgencySignAResultAndTheSecondSignatureKeepsTheFirstValid() {
        byte[] original = result();
        byte[] signed = signer(Clock.fixed(NOW, ZoneOffset.UTC), "RSA").signAsOfficerAndAgency(
                new DocumentSigner.Officer("lanhdao.tanphu", "Trần Văn Bình", "Chủ tịch"), AGENCY, original,
                DocumentSigner.Placement.above("Trần Văn Bình"));
        String report = Pdfsig.check(signed);
        assertThat(Pdfsig.valid(report)).as(report).isEqualTo(2);
        assertThat(report).contains("Trần Văn Bình").contains("Ủy ban nhân dân phường Tân Phú");
        assertThat(new String(signed, 0, original.length, StandardCharsets.ISO_8859_1))
                .as("incremental: the original bytes are kept")
                .isEqualTo(new String(original, StandardCharsets.ISO_8859_1));
    }

    @Test
    void anEcdsaOfficerKeyVerifiesToo() throws Exception {
        byte[] signed = signer(Clock.fixed(NOW, ZoneOffset.UTC), "EC").signAsOfficerAndAgency(
                new DocumentSigner.Officer("phochutich.tanphu", "Lê Văn Cường", "Phó Chủ tịch"), AGENCY, result(),
                DocumentSigner.Placement.DEFAULT);
        String report = Pdfsig.check(signed);
        assertThat(Pdfsig.valid(report)).as(report).isEqualTo(2);
        try (PDDocument doc = Loader.loadPDF(signed)) {
            CMSSignedData cms = new CMSSignedData(doc.getSignatureDictionaries().getFirst().getContents());
            assertThat(cms.getSignerInfos().getSigners().iterator().next().getEncryptionAlgOID())
                    .as("ecdsa-with-SHA256").isEqualTo("1.2.840.10045.4.3.2");
        }
    }

    @Test
    void aChangedByteBreaksTheSignature() {
        byte[] signed = signer(Clock.fixed(NOW, ZoneOffset.UTC), null).signAsAgency(AGENCY, receipt());
        String text = new String(signed, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("DejaVu");
        assertThat(at).isPositive();
        byte[] tampered = signed.clone();
        tampered[at + 1] = 'X';
        String report = Pdfsig.check(tampered);
        assertThat(Pdfsig.valid(report)).as(report).isZero();
        assertThat(report).containsAnyOf("Digest Mismatch", "Signature is Invalid");
    }

    @Test
    void anExpiredCertificateSignsNothingAndSaysWhy() {
        var props = new SigningProperties(dir.toString(), "demo-test-password", null, null,
                new SigningProperties.DemoCa(true, null), null, null, null, null);
        var keys = new KeyRing(props);
        keys.demoCa().orElseThrow().issue(dir.resolve("agency-" + AGENCY + ".p12"), "Cơ quan hết hạn", null, true,
                Date.from(Instant.parse("2020-01-01T00:00:00Z")), Date.from(Instant.parse("2030-01-01T00:00:00Z")));
        var signer = new PdfDocumentSigner(keys, organization(), Clock.fixed(NOW, ZoneOffset.UTC), props, PdfDocumentSignerTest.ZONE);
        assertThatThrownBy(() -> signer.signAsAgency(AGENCY, receipt()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.detailKey()).isEqualTo("signing.failed");
                    assertThat(e.args()[0].toString()).contains("signing.reason.expired");
                });
    }

    @Test
    void withoutAKeystoreAndWithoutTheDemoCaThereIsNoSignature() {
        var props = new SigningProperties(dir.toString(), null, null, null, null, null, null, null, null);
        var signer = new PdfDocumentSigner(new KeyRing(props), organization(), Clock.systemUTC(), props, PdfDocumentSignerTest.ZONE);
        assertThatThrownBy(() -> signer.signAsAgency(AGENCY, receipt()))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.args()[0].toString()).contains("signing.reason.noKey"));
    }

    @Test
    void notAPdfIsRefusedWithAReason() {
        assertThatThrownBy(() -> signer(Clock.systemUTC(), null).signAsAgency(AGENCY, "hello".getBytes()))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.args()[0].toString()).contains("signing.reason.notPdf"));
    }
}
