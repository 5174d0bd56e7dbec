package vn.motcua.payment.vnpay;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * VNPay 2.1.0 signatures, the rules of DOMAIN-2.md §1b in one place: take the {@code vnp_*} parameters except
 * {@code vnp_SecureHash} and {@code vnp_SecureHashType}, drop empty values, sort by name (ASCII), write
 * {@code name=value} with the value URL-encoded as a form (US-ASCII: space → {@code +}, {@code :} → {@code %3A}), join
 * with {@code &}; the hash is the lowercase hex HMAC-SHA512 of that text with the hash secret. The merchant API
 * ({@code querydr}, {@code refund}) signs its fields joined with {@code |} instead.
 */
public final class VnPaySignature {

    private VnPaySignature() {
    }

    /** The text that is signed, which is also the query string sent (without the hash). */
    public static String canonical(Map<String, String> params) {
        Map<String, String> sorted = new TreeMap<>();
        params.forEach((k, v) -> {
            if (k != null && k.startsWith("vnp_") && !k.equals("vnp_SecureHash") && !k.equals("vnp_SecureHashType")
                    && v != null && !v.isEmpty()) {
                sorted.put(k, v);
            }
        });
        StringJoiner out = new StringJoiner("&");
        sorted.forEach((k, v) -> out.add(encode(k) + "=" + encode(v)));
        return out.toString();
    }

    /** {@code vnp_SecureHash} of redirect or callback parameters. */
    public static String sign(Map<String, String> params, String secret) {
        return hmacSha512(secret, canonical(params));
    }

    /** The parameters carry a valid {@code vnp_SecureHash}: compared in constant time, case-insensitively. */
    public static boolean valid(Map<String, String> params, String secret) {
        String given = params.get("vnp_SecureHash");
        return given != null && sameHex(given, sign(params, secret));
    }

    /** {@code vnp_SecureHash} of a merchant API message: the values joined with {@code |} (null as empty). */
    public static String signFields(String secret, String... values) {
        StringJoiner data = new StringJoiner("|");
        for (String v : values) {
            data.add(v == null ? "" : v);
        }
        return hmacSha512(secret, data.toString());
    }

    /** Two hex strings are equal, in time independent of where they differ. */
    public static boolean sameHex(String given, String expected) {
        return MessageDigest.isEqual(given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                expected.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    public static String hmacSha512(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA512 is part of every JDK", e);
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.US_ASCII);
    }
}
