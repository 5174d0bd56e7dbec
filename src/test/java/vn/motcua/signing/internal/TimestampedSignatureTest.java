package vn.motcua.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.platform.ProblemException;
import vn.motcua.signing.DocumentSigner;
import vn.motcua.signing.VerificationReport;

/**
 * PAdES-B-T (issue 12, "an RFC 3161 timestamp when a TSA is configured"): a real timestamp authority on loopback
 * (BouncyCastle's RFC 3161 response generator behind an HTTP server, its own certificate with the critical
 * timeStamping purpose) stamps the signature value; pdfsig still finds the signature valid, EU DSS reads the
 * timestamp and the level; an authority that refuses, fails or does not answer in time signs nothing and says why.
 */
class TimestampedSignatureTest {

    static final Instant NOW = PdfDocumentSignerTest.NOW;
    /** The authority's clock: a few seconds after the signer's, as a real one would be. */
    static final Instant TSA_TIME = NOW.plusSeconds(4);

    @TempDir
    Path dir;

    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    volatile int status = 200;
    volatile Duration delay = Duration.ZERO;
    volatile boolean grant = true;

    @BeforeEach
    void startAuthority() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair keys = gen.generateKeyPair();
        X500Name name = new X500Name("CN=MotCua test TSA, O=MotCua, C=VN");
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(7), Date.from(NOW.minusSeconds(86_400)),
                Date.from(NOW.plusSeconds(365L * 86_400)), name, keys.getPublic());
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        var tokens = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA",
                keys.getPrivate(), cert), new JcaDigestCalculatorProviderBuilder().build().get(
                new org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder().find("SHA-256")),
                new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
        tokens.addCertificates(new JcaCertStore(java.util.List.of(cert)));
        var responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        AtomicInteger serial = new AtomicInteger();

        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                byte[] query = exchange.getRequestBody().readAllBytes();
                sleep(delay);
                if (status != 200) {
                    exchange.sendResponseHeaders(status, -1);
                    return;
                }
                TimeStampRequest request = new TimeStampRequest(query);
                byte[] answer = (grant
                        ? responses.generateGrantedResponse(request, BigInteger.valueOf(serial.incrementAndGet()),
                                Date.from(TSA_TIME))
                        : responses.generateRejectedResponse(new org.bouncycastle.tsp.TSPException("policy")))
                        .getEncoded();
                exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (Exception e) {
                throw new IOException(e);
            }
        });
        server.start();
    }

    @AfterEach
    void stopAuthority() {
        server.stop(0);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    SigningProperties props(Duration timeout) {
        return new SigningProperties(dir.toString(), "demo-test-password", null, null,
                new SigningProperties.DemoCa(true, null),
                "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa", timeout, null, null);
    }

    PdfDocumentSigner signer(SigningProperties props) {
        return new PdfDocumentSigner(new KeyRing(props), PdfDocumentSignerTest.organization(),
                Clock.fixed(NOW, ZoneOffset.UTC), props, PdfDocumentSignerTest.ZONE);
    }

    @Test
    void withATimestampAuthorityTheSignatureCarriesItsTokenAndIsPadesBaselineT() throws Exception {
        SigningProperties props = props(Duration.ofSeconds(10));
        byte[] signed = signer(props).signAsAgency(PdfDocumentSignerTest.AGENCY, PdfDocumentSignerTest.receipt(),
                DocumentSigner.Placement.below("NGƯỜI TIẾP NHẬN HỒ SƠ"));

        assertThat(requests).as("one request to the authority per signature").hasValue(1);
        String report = Pdfsig.check(signed);
        assertThat(Pdfsig.valid(report)).as(report).isEqualTo(1);

        try (PDDocument doc = Loader.loadPDF(signed)) {
            CMSSignedData cms = new CMSSignedData(doc.getLastSignatureDictionary().getContents());
            SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
            Attribute attr = si.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
            assertThat(attr).as("the signature-time-stamp unsigned attribute").isNotNull();
            TimeStampToken token = new TimeStampToken(new CMSSignedData(attr.getAttrValues().getObjectAt(0)
                    .toASN1Primitive().getEncoded()));
            assertThat(token.getTimeStampInfo().getMessageImprintDigest())
                    .as("the token stamps this signature's value, not something else")
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(si.getSignature()));
            assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isEqualTo(TSA_TIME);
        }

        VerificationReport verified = new DssDocumentVerifier(props, new KeyRing(props)).verify(signed);
        assertThat(verified.signatures()).hasSize(1);
        VerificationReport.Signature s = verified.signatures().getFirst();
        assertThat(s.intact()).isTrue();
        assertThat(s.timestamp()).as("the time the verification page shows").isEqualTo(TSA_TIME);
        assertThat(s.format()).isEqualTo("PAdES-BASELINE-T");
        assertThat(s.signingTime()).isEqualTo(NOW);
    }

    @Test
    void withoutATimestampAuthorityTheLevelIsBaselineB() {
        SigningProperties none = new SigningProperties(dir.toString(), "demo-test-password", null, null,
                new SigningProperties.DemoCa(true, null), "", null, null, null);
        byte[] signed = signer(none).signAsAgency(PdfDocumentSignerTest.AGENCY, PdfDocumentSignerTest.receipt());
        VerificationReport.Signature s = new DssDocumentVerifier(none, new KeyRing(none)).verify(signed)
                .signatures().getFirst();
        assertThat(s.timestamp()).isNull();
        assertThat(s.format()).isEqualTo("PAdES-BASELINE-B");
        assertThat(requests).hasValue(0);
    }

    @Test
    void anAuthorityThatFailsSignsNothingAndSaysItWasTheTimestamp() {
        status = 503;
        assertRefusedForTheTimestamp(signer(props(Duration.ofSeconds(10))));
    }

    @Test
    void anAuthorityThatRefusesSignsNothingAndSaysItWasTheTimestamp() {
        grant = false;
        assertRefusedForTheTimestamp(signer(props(Duration.ofSeconds(10))));
    }

    @Test
    void anAuthorityThatDoesNotAnswerInTimeSignsNothingAndSaysItWasTheTimestamp() {
        delay = Duration.ofSeconds(3);
        assertRefusedForTheTimestamp(signer(props(Duration.ofMillis(500))));
    }

    static void assertRefusedForTheTimestamp(PdfDocumentSigner signer) {
        assertThatThrownBy(() -> signer.signAsAgency(PdfDocumentSignerTest.AGENCY, PdfDocumentSignerTest.receipt()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.detailKey()).isEqualTo("signing.failed");
                    assertThat(e.args()[0].toString()).contains("signing.reason.tsa");
                });
    }
}
