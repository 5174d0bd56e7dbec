package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.TestApi;

/** Issue 17, finding 6: token revocation and lifetime, HSTS and Secure cookies behind TLS, Permissions-Policy. */
@IntegrationTest
class TokensAndHeadersTest {

    @LocalServerPort
    int port;

    private String newAccount(TestApi api) {
        String name = "thuhoi" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/accounts", Map.of("username", name, "password", "mat-khau-dai",
                "fullName", "Phạm Thu Hồi")).status()).isEqualTo(202);
        return name;
    }

    @Test
    void aTokenLivesAnHourAndCanBeRevoked() throws Exception {
        TestApi api = new TestApi(port);
        String name = newAccount(api);
        var issued = api.post("/api/v1/auth/token", Map.of("username", name, "password", "mat-khau-dai"));
        assertThat(issued.json().get("expires_in").asLong()).isEqualTo(3600);
        String token = issued.json().get("access_token").asString();
        assertThat(call("GET", "/api/v1/me", token).statusCode()).isEqualTo(200);
        assertThat(call("DELETE", "/api/v1/auth/token", token).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/me", token).statusCode()).as("revoked at once").isEqualTo(401);
    }

    @Test
    void pageLogOutRevokesTheAccountsTokensWhenAsked() throws Exception {
        TestApi api = new TestApi(port);
        String name = newAccount(api);
        String kept = api.post("/api/v1/auth/token", Map.of("username", name, "password", "mat-khau-dai"))
                .json().get("access_token").asString();
        PageSession page = new PageSession(port);
        page.get("/dang-nhap");
        page.post("/dang-nhap", Map.of("username", name, "password", "mat-khau-dai"));
        page.get("/tai-khoan");
        page.post("/dang-xuat", Map.of());
        assertThat(call("GET", "/api/v1/me", kept).statusCode()).as("a plain log-out keeps API tokens").isEqualTo(200);

        page.get("/dang-nhap");
        page.post("/dang-nhap", Map.of("username", name, "password", "mat-khau-dai"));
        var profile = page.get("/tai-khoan");
        assertThat(profile.html()).contains("revokeTokens");
        page.post("/dang-xuat", Map.of("revokeTokens", "true"));
        assertThat(call("GET", "/api/v1/me", kept).statusCode()).isEqualTo(401);
    }

    @Test
    void behindATrustedTlsProxyCookiesAreSecureAndHstsIsSent() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> tls = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dang-nhap"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.9").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tls.statusCode()).isEqualTo(200);
        assertThat(tls.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(tls.headers().allValues("Set-Cookie")).isNotEmpty().allMatch(c -> c.contains("Secure"));
        assertThat(tls.headers().firstValue("Permissions-Policy").orElse("")).contains("camera=()");

        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dang-nhap"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(new TestApi(port).get("/api/v1/procedures").header("Permissions-Policy")).contains("camera=()");
    }

    private HttpResponse<String> call(String method, String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
