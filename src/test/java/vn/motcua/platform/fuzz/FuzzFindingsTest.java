package vn.motcua.platform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;

/**
 * Issue 17: each cause of a 5xx (or of a change by a bad request) that {@link ApiFuzzTest} found, as the request
 * that showed it: now a 4xx naming the field, and nothing written.
 */
@IntegrationTest
class FuzzFindingsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    vn.motcua.integration.population.PopulationChecks systemChecks;

    private ApiFuzzTest.Answer send(String method, String target, Map<String, String> headers, String body)
            throws Exception {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.putIfAbsent("Accept-Language", "vi");
        return ApiFuzzTest.raw("http://127.0.0.1:" + port, method, target, h,
                body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static JsonNode problem(ApiFuzzTest.Answer a) {
        String text = a.text();
        String head = text.substring(0, text.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        String body = text.substring(text.indexOf("\r\n\r\n") + 4);
        if (head.contains("transfer-encoding: chunked")) {
            StringBuilder b = new StringBuilder();
            for (int at = 0; ; ) {
                int eol = body.indexOf("\r\n", at);
                int n = Integer.parseInt(body.substring(at, eol).trim(), 16);
                if (n == 0) {
                    break;
                }
                byte[] bytes = body.substring(eol + 2).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                String chunk = new String(bytes, 0, n, java.nio.charset.StandardCharsets.UTF_8);
                b.append(chunk);
                at = eol + 2 + chunk.length() + 2;
            }
            body = b.toString();
        }
        return JsonMapper.builder().build().readTree(body);
    }

    private static String field(ApiFuzzTest.Answer a) {
        return problem(a).get("errors").get(0).get("field").asString();
    }

    @Test
    void theErrorPageOfARefusedRequestDoesNotReadTheRefusedParametersAgain() throws Exception {
        // a control character in a parameter's NAME: refused by the boundary, then the firewall refused the
        // error page's own reading of the parameters (500)
        var name = send("GET", "/thu-tuc?HS-2026%01=x", Map.of(), null);
        assertThat(name.status()).as(name.text()).isEqualTo(400);
        assertThat(name.text()).contains("«HS-2026?»");
        // an empty name beside a refused value: the container's parse failed again on the error page (500)
        var empty = send("HEAD", "/static/x?=H%1B", Map.of(), null);
        assertThat(empty.status()).isEqualTo(400);
        var emptyOnly = send("GET", "/api/v1/procedures?=khai", Map.of(), null);
        assertThat(emptyOnly.status()).as(emptyOnly.text()).isLessThan(500);
    }

    @Test
    void aParameterNameWithATabIsRefusedBeforeTheFirewallEvenForStaticResources() throws Exception {
        var r = send("GET", "/webjars/v1?%09=x", Map.of(), null);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        var api = send("GET", "/api/v1/procedures?a%0Ab=x", Map.of(), null);
        assertThat(api.status()).as(api.text()).isEqualTo(400);
    }

    @Test
    void aWriteWhoseAnswerTheClientDoesNotTakeIsRefusedBeforeItIsDone() throws Exception {
        // the fuzz (seed 11) published a procedure with Accept: image/png: done, then answered 406
        String published = jdbc.sql("select active::text from procedure where code = '1.000656'")
                .query(String.class).single();
        var r = send("POST", "/api/v1/admin/procedures/1.000656/publish", Map.of("Authorization", "Bearer "
                + tokenOf("admin"), "Content-Type", "application/json", "Accept", "image/png"),
                "{\"published\": " + !Boolean.parseBoolean(published) + "}");
        assertThat(r.status()).as(r.text()).isEqualTo(406);
        assertThat(jdbc.sql("select active::text from procedure where code = '1.000656'").query(String.class)
                .single()).isEqualTo(published);
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFound() throws Exception {
        assertThat(send("GET", "/error", Map.of(), null).status()).isEqualTo(404);
    }

    @Test
    void aWildcardOrBoundlessMediaTypeIsA415NamingContentType() throws Exception {
        var wildcard = send("POST", "/api/v1/dossiers", Map.of("Content-Type", "application/*"), "{}");
        assertThat(wildcard.status()).as(wildcard.text()).isEqualTo(415);
        assertThat(field(wildcard)).isEqualTo("Content-Type");
        var noBoundary = send("POST", "/api/v1/office/feedback", Map.of("Content-Type", "multipart/form-data"), "{}");
        assertThat(noBoundary.status()).as(noBoundary.text()).isEqualTo(415);
        // a page's form action without a handler of its own for the media type (the sandbox is a @Controller)
        var page = send("POST", "/api/v1/sandbox/vnpay/merchant_webapi/api/transaction",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "a=1");
        assertThat(page.status()).as(page.text()).isBetween(400, 499);
    }

    @Test
    void aHeaderValueTheFirewallRefusesIsA400NamingTheHeader() throws Exception {
        String token = new TestApi(port).post("/api/v1/auth/token", Map.of("username", "tiepnhan.tanphu",
                "password", "demo")).json().get("access_token").asString();
        long before = jdbc.sql("select count(*) from dossier").query(Long.class).single();
        var r = send("POST", "/api/v1/office/dossiers", Map.of("Authorization", "Bearer " + token,
                "Content-Type", "application/json", "Idempotency-Key", "ệ"), "{}");
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(field(r)).isEqualTo("Idempotency-Key");
        assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aPageNumberWhoseOffsetOverflowsIsA400NamingPage() throws Exception {
        var r = send("GET", "/api/v1/public/feedback?page=2099439015", Map.of(), null);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(field(r)).isEqualTo("page");
    }

    @Test
    void aGarbageUrlEncodedBodyOfPatchIsRefusedWithoutA500() throws Exception {
        var r = send("PATCH", "/api/v1/office/dossiers/X/population-checks",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "a=%zz%C3");
        assertThat(r.status()).as(r.text()).isBetween(400, 499);
    }

    @Test
    void yesNoFieldsTakeTrueOrFalseAndWholeNumbersNoFraction() throws Exception {
        TestApi citizen = new TestApi(port).as("congdan2");
        // the system checks earlier tests' dossiers asked for are made first: the count moves by this request only
        vn.motcua.test.Background.noSystemCheckPending(jdbc, systemChecks);
        long checks = jdbc.sql("select count(*) from population_check").query(Long.class).single();
        var two = citizen.post("/api/v1/population/me", Map.of("consent", 2));
        assertThat(two.status()).as("consent: 2 was a consent: " + two).isEqualTo(400);
        assertThat(two.json().get("errors").get(0).get("field").asString()).isEqualTo("consent");
        assertThat(two.json().get("errors").get(0).get("message").asString()).contains("true hoặc false");
        assertThat(citizen.post("/api/v1/population/me", Map.of("consent", "true")).status()).isEqualTo(400);
        // a JSON body declared in another charset than UTF-8 (fuzz seed 20261204, request #12535)
        var utf16 = send("POST", "/api/v1/population/me", Map.of("Authorization", "Bearer " + tokenOf("congdan2"),
                "Content-Type", "application/json; charset=UTF-16", "Accept", "application/json"),
                "{\"consent\":true}");
        assertThat(utf16.status()).as(utf16.text()).isEqualTo(415);
        assertThat(utf16.text()).contains("Content-Type");
        assertThat(jdbc.sql("select count(*) from population_check").query(Long.class).single()).isEqualTo(checks);

        TestApi admin = new TestApi(port).as("admin");
        String version = "1E-400";
        var r = send("POST", "/api/v1/admin/accounts/chuyenvien.tienhung/deactivate", Map.of(
                "Authorization", "Bearer " + tokenOf("admin"), "Content-Type", "application/json"),
                "{\"version\": " + version + "}");
        assertThat(r.status()).as("version 1E-400 was version 0: " + r.text()).isEqualTo(400);
        assertThat(field(r)).isEqualTo("version");
        assertThat(admin.get("/api/v1/admin/accounts/chuyenvien.tienhung").json().get("active").asBoolean()).isTrue();
        var trailing = send("POST", "/api/v1/population/me", Map.of("Authorization", "Bearer " + tokenOf("congdan2"),
                "Content-Type", "application/json"), "{\"consent\": true}}");
        assertThat(trailing.status()).as("a document with something after it").isEqualTo(400);
    }

    /**
     * Fuzz (seed 20261204 after the VNeID pages were added, #8694 and #15550): OPTIONS with a truncated multipart body
     * was a 500: the input boundary's check threw for Spring's own OPTIONS answer, which no problem handler serves.
     */
    @Test
    void optionsWithATruncatedMultipartBodyIsNotA500() throws Exception {
        String body = "--fuzz27c37589b76c4ada\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n";
        Map<String, String> h = Map.of("Content-Type", "multipart/form-data; boundary=fuzz27c37589b76c4ada");
        for (String path : new String[] {"/thu-tuc", "/api/v1/procedures"}) {
            var r = send("OPTIONS", path, h, body);
            assertThat(r.status()).as(path + ": " + r.text()).isLessThan(500);
        }
        var withToken = new java.util.LinkedHashMap<>(h);
        withToken.put("Authorization", "Bearer " + tokenOf("tiepnhan.tanphu"));
        assertThat(send("OPTIONS", "/api/v1/verify", withToken, body).status()).isLessThan(500);
    }

    private String tokenOf(String user) {
        return new TestApi(port).post("/api/v1/auth/token", Map.of("username", user, "password", "demo")).json()
                .get("access_token").asString();
    }
}
