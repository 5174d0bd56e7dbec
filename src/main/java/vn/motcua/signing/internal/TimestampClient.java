package vn.motcua.signing.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/** An RFC 3161 timestamp authority over HTTP ({@code application/timestamp-query}). */
final class TimestampClient {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;

    TimestampClient(String url, Duration timeout) {
        this.url = URI.create(url);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The DER time-stamp token over a SHA-256 hash; an {@link IOException} when the authority does not grant it. */
    byte[] timestamp(byte[] sha256) throws IOException {
        TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
        gen.setCertReq(true);
        BigInteger nonce = new BigInteger(64, RANDOM);
        TimeStampRequest request = gen.generate(NISTObjectIdentifiers.id_sha256, sha256, nonce);
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new TimestampException("the timestamp authority answered HTTP " + r.statusCode());
            }
            TimeStampResponse response = new TimeStampResponse(r.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new TimestampException("the timestamp authority refused: " + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (TimestampException e) {
            throw e;
        } catch (TSPException | IllegalArgumentException e) {
            throw new TimestampException("the timestamp authority's answer is not valid", e);
        } catch (IOException e) {
            throw new TimestampException("the timestamp authority did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimestampException("interrupted while waiting for the timestamp authority", e);
        }
    }

    /** The authority failed, refused, gave an invalid answer or did not answer in time: nothing is signed. */
    static final class TimestampException extends IOException {

        TimestampException(String message) {
            super(message);
        }

        TimestampException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
