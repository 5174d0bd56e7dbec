package vn.motcua.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/** A small HTTP client for integration tests: JSON in and out, bearer tokens, multipart uploads. */
public final class TestApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;
    private final String token;
    private final String language;

    public TestApi(int port) {
        this("http://127.0.0.1:" + port, null, "vi");
    }

    private TestApi(String base, String token, String language) {
        this.base = base;
        this.token = token;
        this.language = language;
    }

    /** Logs in with a demo account (password {@code demo}). */
    public TestApi as(String username) {
        return as(username, "demo");
    }

    public TestApi as(String username, String password) {
        Response r = post("/api/v1/auth/token", Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new AssertionError("login as " + username + " failed: " + r);
        }
        return new TestApi(base, r.json().get("access_token").asString(), language);
    }

    public TestApi inEnglish() {
        return new TestApi(base, token, "en");
    }

    public String base() {
        return base;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).GET();
        headers.forEach(b::header);
        return send(b);
    }

    public Response post(String path, Object body) {
        return post(path, body, Map.of());
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(b::header);
        return send(b);
    }

    public Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Response upload(String path, String fileName, String contentType, byte[] content) {
        String boundary = "----motcua" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json, */*")
                .header("Accept-Language", language);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpRequest request = b.build();
            HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            Response response = new Response(r.statusCode(), headers, r.body());
            // issue 16: every answer must match the schema the OpenAPI description documents for it
            ResponseContract.of(base).check(request.method(), request.uri(), response);
            return response;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** An HTTP response. */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            if (body.length == 0) {
                return NullNode.getInstance();
            }
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        public String toString() {
            String t = text();
            return "HTTP " + status + " " + (t.length() > 500 ? t.substring(0, 500) + "…" : t);
        }
    }

    public static JsonMapper json() {
        return JSON;
    }
}
