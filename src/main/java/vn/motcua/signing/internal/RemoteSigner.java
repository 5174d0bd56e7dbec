package vn.motcua.signing.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A remote signing service in the style of VNPT SmartCA, Viettel MySign (DOMAIN-2.md §2.3): the key stays with the
 * provider; we send the SHA-256 hash of what is to be signed, the signer approves on the phone, we poll until the
 * signature value comes back. The providers' exact contracts are UNCONFIRMED, so this adapter speaks one small
 * JSON contract (docs/SIGNING.md) that a thin gateway maps to a provider:
 * <pre>
 * GET  {url}/v1/credentials/{userId}        → {"certificates": [base64 DER, signer first]}
 * POST {url}/v1/signatures                  {"userId", "hashAlgorithm": "SHA-256", "hash": base64, "description"}
 *                                           → {"transactionId"}
 * GET  {url}/v1/signatures/{transactionId}  → {"status": "PENDING" | "APPROVED" | "REFUSED" | "EXPIRED",
 *                                              "signature": base64 (when APPROVED)}
 * </pre>
 * The client authenticates with {@code X-Client-Id} / {@code X-Client-Secret} (configuration secrets). The RSA
 * signature returned is PKCS#1 v1.5 over the DigestInfo of the hash; ECDSA over the hash (both as JCA's
 * {@code SHA256withRSA} / {@code SHA256withECDSA} over the signed attributes).
 */
final class RemoteSigner implements RawSigner {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Remote config;
    private final String userId;
    private final String description;
    private final HttpClient http;
    private List<X509Certificate> chain;

    /** Where the service is and how long the signer has to approve. */
    record Remote(String url, String clientId, String clientSecret, Duration timeout, Duration pollInterval) {
    }

    private final java.time.Clock clock;

    /** @param clock the application's clock, for the deadline of the signer's approval */
    RemoteSigner(Remote config, String userId, String description, java.time.Clock clock) {
        this.clock = clock;
        this.config = config;
        this.userId = userId;
        this.description = description;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public synchronized List<X509Certificate> chain() {
        if (chain == null) {
            JsonNode body = send(HttpRequest.newBuilder(uri("/v1/credentials/"
                    + URLEncoder.encode(userId, StandardCharsets.UTF_8))).GET());
            List<X509Certificate> certs = new ArrayList<>();
            try {
                CertificateFactory f = CertificateFactory.getInstance("X.509");
                for (JsonNode c : body.path("certificates")) {
                    certs.add((X509Certificate) f.generateCertificate(
                            new ByteArrayInputStream(Base64.getDecoder().decode(c.asString()))));
                }
            } catch (CertificateException | IllegalArgumentException e) {
                throw new RemoteSigningException("signing.reason.remote", "the certificates are not readable");
            }
            if (certs.isEmpty()) {
                throw new RemoteSigningException("signing.reason.noKey", "no certificate for the signer");
            }
            chain = List.copyOf(certs);
        }
        return chain;
    }

    @Override
    public String algorithm() {
        return RawSigner.algorithmFor(chain().getFirst());
    }

    @Override
    public byte[] sign(byte[] toBeSigned) {
        String hash = Base64.getEncoder().encodeToString(CmsSignatures.sha256(toBeSigned));
        String request = JSON.writeValueAsString(Map.of("userId", userId, "hashAlgorithm", "SHA-256", "hash", hash,
                "description", description == null ? "" : description));
        JsonNode created = send(HttpRequest.newBuilder(uri("/v1/signatures"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request)));
        String tx = created.path("transactionId").asString("");
        if (tx.isBlank()) {
            throw new RemoteSigningException("signing.reason.remote", "no transaction id");
        }
        Instant deadline = clock.instant().plus(config.timeout());
        while (true) {
            JsonNode status = send(HttpRequest.newBuilder(uri("/v1/signatures/"
                    + URLEncoder.encode(tx, StandardCharsets.UTF_8))).GET());
            switch (status.path("status").asString("")) {
                case "APPROVED" -> {
                    try {
                        return Base64.getDecoder().decode(status.path("signature").asString(""));
                    } catch (IllegalArgumentException e) {
                        throw new RemoteSigningException("signing.reason.remote", "the signature is not base64");
                    }
                }
                case "REFUSED" -> throw new RemoteSigningException("signing.reason.refused", "refused by the signer");
                case "EXPIRED" -> throw new RemoteSigningException("signing.reason.timeout", "expired at the provider");
                case "PENDING" -> {
                    // the signer has not answered yet
                }
                default -> throw new RemoteSigningException("signing.reason.remote", "unknown status");
            }
            if (clock.instant().plus(config.pollInterval()).isAfter(deadline)) {
                throw new RemoteSigningException("signing.reason.timeout", "not approved in " + config.timeout());
            }
            try {
                Thread.sleep(config.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RemoteSigningException("signing.reason.timeout", "interrupted");
            }
        }
    }

    private URI uri(String path) {
        String base = config.url().endsWith("/") ? config.url().substring(0, config.url().length() - 1) : config.url();
        return URI.create(base + path);
    }

    private JsonNode send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(15))
                    .header("Accept", "application/json")
                    .header("X-Client-Id", nullToEmpty(config.clientId()))
                    .header("X-Client-Secret", nullToEmpty(config.clientSecret())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 && r.statusCode() != 201) {
                throw new RemoteSigningException("signing.reason.remote", "HTTP " + r.statusCode());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new RemoteSigningException("signing.reason.remote", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteSigningException("signing.reason.timeout", "interrupted");
        } catch (tools.jackson.core.JacksonException e) {
            throw new RemoteSigningException("signing.reason.remote", "not JSON");
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
