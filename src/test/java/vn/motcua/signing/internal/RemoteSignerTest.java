package vn.motcua.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.ProblemException;
import vn.motcua.signing.DocumentSigner;

/**
 * The remote signing adapter against a stub of a SmartCA / MySign style service (a real HTTP server holding the
 * officer's key): the signer approves (after a pending poll), refuses, or never answers (timeout). The key never
 * reaches MotCua: only the hash goes out and the signature value comes back.
 */
class RemoteSignerTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final byte[] SHA256_DIGEST_INFO = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65,
        0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};

    @TempDir
    Path dir;

    HttpServer server;
    volatile String mode = "APPROVE";
    final Map<String, String> hashes = new ConcurrentHashMap<>();
    final AtomicInteger polls = new AtomicInteger();
    final AtomicInteger seenSecret = new AtomicInteger();
    SigningKey key;

    @BeforeEach
    void stub() throws IOException {
        var ca = new DemoCertificateAuthority(dir.resolve("provider"), "provider-secret");
        Path ks = dir.resolve("provider/officer.p12");
        ca.issue(ks, "Trần Văn Bình", "Ủy ban nhân dân phường Tân Phú", true);
        var ring = new KeyRing(new SigningProperties(dir.resolve("provider").toString(), "provider-secret", null,
                Map.of("remote", new SigningProperties.Keystore(ks.toString(), "provider-secret", null, null, null)),
                null, null, null, null, null));
        key = ring.officer("remote", "x", "y");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/credentials/", ex -> {
            check(ex);
            StringBuilder certs = new StringBuilder();
            for (var c : key.chain()) {
                certs.append(certs.isEmpty() ? "" : ",").append('"')
                        .append(Base64.getEncoder().encodeToString(encoded(c))).append('"');
            }
            send(ex, 200, "{\"certificates\": [" + certs + "]}");
        });
        server.createContext("/v1/signatures", ex -> {
            check(ex);
            if (ex.getRequestMethod().equals("POST")) {
                JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
                assertThat(body.get("hashAlgorithm").asString()).isEqualTo("SHA-256");
                String tx = "tx-" + hashes.size();
                hashes.put(tx, body.get("hash").asString());
                send(ex, 200, "{\"transactionId\": \"" + tx + "\"}");
                return;
            }
            String tx = ex.getRequestURI().getPath().substring("/v1/signatures/".length());
            int n = polls.incrementAndGet();
            switch (mode) {
                case "REFUSE" -> send(ex, 200, "{\"status\": \"REFUSED\"}");
                case "NEVER" -> send(ex, 200, "{\"status\": \"PENDING\"}");
                default -> {
                    if (n == 1) {
                        send(ex, 200, "{\"status\": \"PENDING\"}");
                        return;
                    }
                    try {
                        Signature s = Signature.getInstance("NONEwithRSA");
                        s.initSign(key.key());
                        ByteArrayOutputStream di = new ByteArrayOutputStream();
                        di.writeBytes(SHA256_DIGEST_INFO);
                        di.writeBytes(Base64.getDecoder().decode(hashes.get(tx)));
                        s.update(di.toByteArray());
                        send(ex, 200, "{\"status\": \"APPROVED\", \"signature\": \""
                                + Base64.getEncoder().encodeToString(s.sign()) + "\"}");
                    } catch (java.security.GeneralSecurityException e) {
                        send(ex, 500, "{}");
                    }
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    void check(HttpExchange ex) {
        if ("motcua-secret".equals(ex.getRequestHeaders().getFirst("X-Client-Secret"))) {
            seenSecret.incrementAndGet();
        }
    }

    static byte[] encoded(java.security.cert.X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    PdfDocumentSigner signer(Duration timeout) {
        var props = new SigningProperties(dir.resolve("motcua").toString(), "demo-test-password", null,
                Map.of("lanhdao.tanphu", new SigningProperties.Keystore(null, null, null, null, "cmnd-070090001234")),
                new SigningProperties.DemoCa(true, null), null, null, null,
                new SigningProperties.Remote("http://127.0.0.1:" + server.getAddress().getPort(), "motcua",
                        "motcua-secret", timeout, Duration.ofMillis(100)));
        return new PdfDocumentSigner(new KeyRing(props), PdfDocumentSignerTest.organization(),
                Clock.system(ZoneOffset.UTC), props, PdfDocumentSignerTest.ZONE);
    }

    static final DocumentSigner.Officer LEADER = new DocumentSigner.Officer("lanhdao.tanphu", "Trần Văn Bình", "Chủ tịch");

    @Test
    void theSignerApprovesOnThePhoneAndTheResultCarriesBothValidSignatures() {
        byte[] signed = signer(Duration.ofSeconds(10)).signAsOfficerAndAgency(LEADER, PdfDocumentSignerTest.AGENCY,
                PdfDocumentSignerTest.result(), DocumentSigner.Placement.above("Trần Văn Bình"));
        String report = Pdfsig.check(signed);
        assertThat(Pdfsig.valid(report)).as(report).isEqualTo(2);
        assertThat(report).contains("Trần Văn Bình");
        assertThat(polls.get()).as("pending once, then approved").isEqualTo(2);
        assertThat(hashes).hasSize(1);
        assertThat(seenSecret.get()).as("the client authenticates").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aRefusalSignsNothingAndSaysWhy() {
        mode = "REFUSE";
        assertThatThrownBy(() -> signer(Duration.ofSeconds(10)).signAsOfficerAndAgency(LEADER,
                PdfDocumentSignerTest.AGENCY, PdfDocumentSignerTest.result(), DocumentSigner.Placement.DEFAULT))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.args()[0].toString()).contains("signing.reason.refused"));
    }

    @Test
    void noAnswerInTimeIsATimeout() {
        mode = "NEVER";
        assertThatThrownBy(() -> signer(Duration.ofMillis(700)).signAsOfficer(LEADER, PdfDocumentSignerTest.AGENCY,
                PdfDocumentSignerTest.result(), DocumentSigner.Placement.DEFAULT))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.args()[0].toString()).contains("signing.reason.timeout"));
        assertThat(polls.get()).isGreaterThanOrEqualTo(3);
    }
}
