package vn.motcua.test;

import java.io.ByteArrayOutputStream;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without JavaScript for integration tests of pages: keeps the session cookie, follows redirects
 * within the site (a POST answered with a redirect is followed with a GET, as browsers do), and posts forms
 * url-encoded or multipart with the page's CSRF token.
 */
public final class PageSession {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final String language;
    private final HttpClient http;
    private Page last;
    /** Every URL requested, in order (redirects included): VNeID login (issue 14) reads the callback from it. */
    private final List<String> visited = new ArrayList<>();
    private String stopBefore;

    public PageSession(int port) {
        this(port, "vi");
    }

    public PageSession(int port, String language) {
        this.base = "http://127.0.0.1:" + port;
        this.language = language;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Logs in through the login form ({@code /dang-nhap}) with a demo account (password {@code demo}). */
    public PageSession logIn(String username) {
        return logIn(username, "demo");
    }

    /** Logs in through the login form with any password (the page after log-in is {@link #last()}). */
    public PageSession logIn(String username, String password) {
        get("/dang-nhap");
        Page p = post("/dang-nhap", Map.of("username", username, "password", password));
        if (p.url().contains("/dang-nhap")) {
            throw new AssertionError("log-in as " + username + " failed: " + p.url());
        }
        return this;
    }

    public Page get(String path) {
        return follow(HttpRequest.newBuilder(uri(path)).GET(), path);
    }

    /** Posts a form url-encoded with the CSRF token of the last page. */
    public Page post(String path, Map<String, String> fields) {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields.entrySet());
        all.add(Map.entry("_csrf", csrf()));
        StringBuilder body = new StringBuilder();
        for (var e : all) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8));
        }
        return follow(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), path);
    }

    /** A file part of a multipart form. */
    public record FilePart(String name, String fileName, String contentType, byte[] content) {
    }

    /** Posts a form multipart/form-data (as a browser without JavaScript sends file inputs). */
    public Page postMultipart(String path, Map<String, String> fields, List<FilePart> files) {
        String boundary = "----motcuaPage" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf());
        all.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + (v == null ? "" : v) + "\r\n").getBytes(StandardCharsets.UTF_8)));
        for (FilePart f : files) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.name()
                    + "\"; filename=\"" + f.fileName() + "\"\r\nContent-Type: " + f.contentType() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(f.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return follow(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())), path);
    }

    /** The CSRF token of the last page (from a form's hidden field or the layout's meta tag). */
    public String csrf() {
        if (last == null) {
            throw new IllegalStateException("open a page first");
        }
        Matcher m = CSRF_INPUT.matcher(last.html());
        if (m.find()) {
            return m.group(1) != null ? m.group(1) : m.group(2);
        }
        Matcher meta = CSRF_META.matcher(last.html());
        if (meta.find()) {
            return meta.group(1);
        }
        throw new AssertionError("no CSRF token on " + last.url());
    }

    public Page last() {
        return last;
    }

    /** Every URL requested so far, redirects included. */
    public List<String> visited() {
        return List.copyOf(visited);
    }

    /**
     * Stops following redirects before a URL whose path contains {@code fragment}: the page answered is a 302 whose
     * {@link Page#url()} is that URL (null: follow everything again).
     */
    public PageSession stopBefore(String fragment) {
        this.stopBefore = fragment;
        return this;
    }

    private Page follow(HttpRequest.Builder first, String path) {
        HttpRequest.Builder b = first;
        String url = uri(path).toString();
        for (int hops = 0; hops < 10; hops++) {
            visited.add(url);
            HttpResponse<byte[]> r = send(b.header("Accept-Language", language)
                    .header("Accept", "text/html,application/xhtml+xml,*/*").timeout(Duration.ofSeconds(60)));
            String location = r.headers().firstValue("Location").orElse(null);
            if (r.statusCode() / 100 == 3 && location != null) {
                URI next = URI.create(url).resolve(location);
                if (!next.toString().startsWith(base)) {
                    throw new AssertionError("redirect out of the site: " + next);
                }
                if (stopBefore != null && next.getPath() != null && next.getPath().contains(stopBefore)) {
                    return new Page(r.statusCode(), next.toString(), "", new byte[0]);
                }
                url = next.toString();
                b = HttpRequest.newBuilder(next).GET();
                continue;
            }
            Page p = new Page(r.statusCode(), url, r.headers().firstValue("Content-Type").orElse(""), r.body());
            if (p.contentType().startsWith("text/html")) {
                last = p;
            }
            return p;
        }
        throw new AssertionError("too many redirects from " + path);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder b) {
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    /** A response after redirects: status, final URL, content type and body. */
    public record Page(int status, String url, String contentType, byte[] body) {

        public String html() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The value of a hidden or text input by name (the first one). */
        public String input(String name) {
            Matcher m = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(html());
            if (!m.find()) {
                return null;
            }
            Matcher v = Pattern.compile("value=\"([^\"]*)\"").matcher(m.group());
            return v.find() ? unescape(v.group(1)) : "";
        }

        /** The form whose {@code form} hidden input is {@code id} (one action form of a dossier page), as HTML. */
        public String actionForm(String id) {
            String h = html();
            int at = h.indexOf("name=\"form\" value=\"" + id + "\"");
            if (at < 0) {
                return null;
            }
            int start = h.lastIndexOf("<form", at);
            int end = h.indexOf("</form>", at);
            return h.substring(start, end + 7);
        }

        @Override
        public String toString() {
            String t = html();
            return "HTTP " + status + " " + url + " " + (t.length() > 800 ? t.substring(0, 800) + "…" : t);
        }

        private static String unescape(String s) {
            return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&amp;", "&");
        }
    }
}
