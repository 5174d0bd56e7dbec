package vn.motcua.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.organization.Organization;
import vn.motcua.signing.DocumentSigner;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * {@code POST /api/v1/verify}, {@code /xac-thuc} and the QR code of a signed result, validated by EU DSS: valid,
 * tampered, unsigned, untrusted (another CA), not a PDF, no file.
 */
@IntegrationTest
class VerifyApiTest {

    static final String TAN_PHU = TestDossiers.TAN_PHU;

    @LocalServerPort
    int port;

    @Autowired
    DocumentSigner signer;

    @Autowired
    Organization organization;

    @TempDir
    Path otherCa;

    TestApi anonymous() {
        return new TestApi(port);
    }

    JsonNode verify(byte[] pdf) {
        var r = anonymous().upload("/api/v1/verify", "van-ban.pdf", "application/pdf", pdf);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void aReceiptSignedByTheAgencyIsValidAndATamperedCopyIsNot() {
        byte[] signed = signer.signAsAgency(TAN_PHU, PdfDocumentSignerTest.receipt());
        JsonNode v = verify(signed);
        assertThat(v.get("verdict").asString()).as(v.toString()).isEqualTo("VALID");
        assertThat(v.get("verdictText").asString()).startsWith("Hợp lệ");
        assertThat(v.get("modifiedAfterSigning").asBoolean()).isFalse();
        JsonNode s = v.get("signatures").get(0);
        assertThat(s.get("intact").asBoolean()).isTrue();
        assertThat(s.get("trusted").asBoolean()).isTrue();
        assertThat(s.get("format").asString()).matches("PAdES.BASELINE.B");
        assertThat(s.get("chain").toString()).contains("MotCua Demo Root CA");

        byte[] tampered = signed.clone();
        int at = new String(tampered, StandardCharsets.ISO_8859_1).indexOf("DejaVu");
        tampered[at] = 'X';
        JsonNode t = verify(tampered);
        assertThat(t.get("verdict").asString()).as(t.toString()).isEqualTo("MODIFIED");
        assertThat(t.get("modifiedAfterSigning").asBoolean()).isTrue();
        assertThat(t.get("signatures").get(0).get("intact").asBoolean()).isFalse();
    }

    @Test
    void somethingAddedAfterTheLastSignatureIsAModification() throws Exception {
        byte[] signed = signer.signAsAgency(TAN_PHU, PdfDocumentSignerTest.receipt());
        byte[] changed;
        try (PDDocument doc = Loader.loadPDF(signed)) {
            doc.getDocumentInformation().setTitle("Đã sửa");
            doc.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            var out = new java.io.ByteArrayOutputStream();
            doc.saveIncremental(out);
            changed = out.toByteArray();
        }
        JsonNode v = verify(changed);
        assertThat(v.get("verdict").asString()).as(v.toString()).isEqualTo("MODIFIED");
        assertThat(v.get("signatures").get(0).get("intact").asBoolean()).as("the signed revision itself").isTrue();
    }

    @Test
    void unsignedUntrustedNotAPdfAndNoFile() {
        assertThat(verify(PdfDocumentSignerTest.receipt()).get("verdict").asString()).isEqualTo("UNSIGNED");

        var props = new SigningProperties(otherCa.toString(), "another-ca", null, null,
                new SigningProperties.DemoCa(true, null), null, null, null, null);
        var foreign = new PdfDocumentSigner(new KeyRing(props), organization, Clock.system(ZoneOffset.UTC), props, PdfDocumentSignerTest.ZONE);
        JsonNode u = verify(foreign.signAsAgency(TAN_PHU, PdfDocumentSignerTest.receipt()));
        assertThat(u.get("verdict").asString()).as(u.toString()).isEqualTo("UNTRUSTED");
        assertThat(u.get("signatures").get(0).get("intact").asBoolean()).isTrue();
        assertThat(u.get("signatures").get(0).get("trusted").asBoolean()).isFalse();

        assertThat(verify("không phải PDF".getBytes(StandardCharsets.UTF_8)).get("verdict").asString())
                .isEqualTo("NOT_PDF");
        var none = anonymous().upload("/api/v1/verify", "rong.pdf", "application/pdf", new byte[0]);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
    }

    @Test
    void theQrCodeOfASignedResultOpensItsVerificationPage() throws Exception {
        TestApi api = new TestApi(port);
        var citizen = api.as("congdan1");
        var desk = api.as("tiepnhan.tanphu");
        var leader = api.as("lanhdao.tanphu");
        JsonNode d = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, TestDossiers.MARITAL, TAN_PHU,
                TestDossiers.phone())).json();
        d = act(desk, d, "ACCEPT");
        d = act(desk, d, "FORWARD");
        d = act(api.as("chuyenvien.tanphu"), d, "FORWARD");
        JsonNode done = leader.post("/api/v1/office/dossiers/" + d.get("code").asString() + "/actions",
                Map.of("action", "COMPLETE", "version", d.get("version").asInt(), "generateResult", true)).json();
        String fileId = null;
        for (JsonNode a : done.get("attachments")) {
            if (a.get("kind").asString().equals("RESULT")) {
                fileId = a.get("fileId").asString();
            }
        }
        byte[] pdf = desk.get("/api/v1/office/dossiers/" + d.get("code").asString() + "/files/" + fileId).body();
        String qr = qr(pdf);
        assertThat(qr).contains("/xac-thuc/");
        String id = qr.substring(qr.indexOf("/xac-thuc/") + "/xac-thuc/".length());

        JsonNode v = anonymous().get("/api/v1/verify/" + id).json();
        assertThat(v.get("verdict").asString()).as(v.toString()).isEqualTo("VALID");
        assertThat(v.get("signatures").size()).isEqualTo(2);
        assertThat(v.get("signatures").get(0).get("signedBy").asString()).isNotBlank();
        assertThat(v.get("registered").get("kind").asString()).isEqualTo("RESULT");
        assertThat(v.get("registered").get("dossierCode").asString()).isEqualTo(d.get("code").asString());

        var page = anonymous().get("/xac-thuc/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("data-verdict=\"VALID\"").contains(d.get("code").asString());
        assertThat(anonymous().get("/xac-thuc/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(anonymous().get("/xac-thuc").status()).isEqualTo(200);
    }

    static JsonNode act(TestApi who, JsonNode d, String action) {
        var r = who.post("/api/v1/office/dossiers/" + d.get("code").asString() + "/actions",
                Map.of("action", action, "version", d.get("version").asInt()));
        assertThat(r.status()).as(action + ": " + r).isEqualTo(200);
        return r.json();
    }

    static String qr(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(0, 200,
                    org.apache.pdfbox.rendering.ImageType.GRAY);
            var hints = new java.util.EnumMap<com.google.zxing.DecodeHintType, Object>(com.google.zxing.DecodeHintType.class);
            hints.put(com.google.zxing.DecodeHintType.POSSIBLE_FORMATS, java.util.List.of(com.google.zxing.BarcodeFormat.QR_CODE));
            hints.put(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE);
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(img))), hints).getText();
        }
    }
}
