package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import vn.motcua.payment.vnpay.VnPaySignature;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/** What the payment tests share: dossiers that owe a fee, the sandbox driven like a browser, a signed IPN. */
final class PaymentFlows {

    static final String SECRET = "MOTCUADEMOSECRET2026";
    /** Cấp bản sao trích lục hộ tịch: 8,000 đ a copy, at the commune. */
    static final String EXTRACT_COPY = "2.000635";

    private PaymentFlows() {
    }

    /** An online dossier that owes its fee at submission. */
    static JsonNode submitted(TestApi citizen) {
        var r = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, EXTRACT_COPY, TestDossiers.TAN_PHU,
                TestDossiers.phone()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("fee").get("total").asLong()).as("the catalogue's quote").isPositive();
        return r.json();
    }

    static TestApi.Response start(TestApi citizen, String code, String channel) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("amount", 1); // never read: the amount is the dossier's
        return citizen.post("/api/v1/dossiers/" + code + "/payments", body);
    }

    /** The sandbox's answer after the customer decided: where it sends the browser back (not followed). */
    record Decided(int status, String location) {
    }

    /** Opens the sandbox's page at the redirect and decides there, like a browser, without following the return. */
    static Decided decide(int port, String redirectUrl, String decision, String notify) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        String base = "http://127.0.0.1:" + port;
        String page = send(http, HttpRequest.newBuilder(URI.create(redirectUrl.startsWith("http") ? redirectUrl
                : base + redirectUrl)).GET()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
        Matcher ref = Pattern.compile("name=\"txnRef\"\\s+value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find() && ref.find()).as("the sandbox's payment page: " + page).isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf.group(1));
        form.put("txnRef", ref.group(1));
        form.put("bank", "NCB");
        form.put("notify", notify);
        form.put("decision", decision);
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> r = send(http, HttpRequest.newBuilder(URI.create(base + "/sandbox/vnpay/pay"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        return new Decided(r.statusCode(), r.headers().firstValue("Location").orElse(null));
    }

    /** A VNPay IPN as VNPay would send it for a reference, signed with {@code secret}. */
    static JsonNode ipn(TestApi api, String reference, long vnpAmount, String responseCode, String secret) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("vnp_Amount", Long.toString(vnpAmount));
        p.put("vnp_BankCode", "NCB");
        p.put("vnp_CardType", "ATM");
        p.put("vnp_OrderInfo", "Thanh toan");
        p.put("vnp_PayDate", "20261204100000");
        p.put("vnp_ResponseCode", responseCode);
        p.put("vnp_TmnCode", "MOTCUA01");
        p.put("vnp_TransactionNo", "14123456");
        p.put("vnp_TransactionStatus", "00".equals(responseCode) ? "00" : "02");
        p.put("vnp_TxnRef", reference);
        String query = VnPaySignature.canonical(p) + "&vnp_SecureHash=" + VnPaySignature.sign(p, secret);
        var r = api.get("/api/v1/payments/vnpay/ipn?" + query);
        assertThat(r.status()).as("an IPN is always answered 200: " + r).isEqualTo(200);
        return r.json();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder b) {
        try {
            return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
