package vn.motcua.platform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.motcua.platform.fuzz.FuzzGenerator.FuzzRequest;
import vn.motcua.platform.fuzz.FuzzGenerator.Principal;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;

/**
 * Issue 17, the fuzzing suite of the test command: {@value #DEFAULT_REQUESTS} bad requests generated from the
 * served API description (/v3/api-docs) and the page routes, as anonymous, citizen, officer and administrator;
 * bad types, huge texts, control characters, broken JSON and multipart, missing fields, random paths and
 * parameters, broken %-escapes through a raw socket. Asserts that none answers 5xx and that no business table
 * changed (row counts and checksums before and after). Seeded: {@code -Dmotcua.fuzz.seed=N} replays a run,
 * {@code -Dmotcua.fuzz.requests=N} sets its size; it prints the seed, the figures and the status histogram.
 */
@IntegrationTest
class ApiFuzzTest {

    static final long DEFAULT_SEED = 20_261_204L;
    static final int DEFAULT_REQUESTS = 20_000;

    /** Tables that change by design whatever the request: not business data. */
    static final Map<String, String> NOT_BUSINESS = Map.of(
            "rate_limit_bucket", "the rate limits count requests, refused ones too",
            "spring_session", "page visits get a session (CSRF token, language)",
            "spring_session_attributes", "page visits get a session (CSRF token, language)",
            "scheduled_tasks", "the scheduler's heartbeat",
            "outbox_cursor", "the outbox dispatcher's position",
            "flyway_schema_history", "migrations",
            "payment_callback_log", "every call of the gateway's IPN is logged, refused ones too (docs/PAYMENTS.md)",
            "payment_reconciliation", "a day's reconciliation report, written by its daily job and by an "
                    + "administrator's valid request to run a day, which the fuzzer can form (a full run failed on it)",
            "payment_reconciliation_item", "the mismatches of that daily report");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** Paused during the run: the application's own jobs (notification retries, the overdue watch) write too. */
    @Autowired
    com.github.kagkarlsson.scheduler.Scheduler scheduler;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void thousandsOfBadRequestsNeverAnswer5xxAndChangeNothing() throws Exception {
        long seed = Long.getLong("motcua.fuzz.seed", DEFAULT_SEED);
        int total = Integer.getInteger("motcua.fuzz.requests", DEFAULT_REQUESTS);
        int threads = Integer.getInteger("motcua.fuzz.threads", 4);
        String base = "http://127.0.0.1:" + port;

        String spec = http.send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        ApiModel model = new ApiModel(spec);
        FuzzGenerator generator = new FuzzGenerator(seed, model, pageRoutes(), pools());

        Map<Principal, String> tokens = new EnumMap<>(Principal.class);
        Map<Principal, String[]> sessions = new EnumMap<>(Principal.class);
        Map<Principal, String> users = Map.of(Principal.CITIZEN, "congdan2", Principal.OFFICER, "tiepnhan.tanphu",
                Principal.ADMIN, "admin");
        TestApi api = new TestApi(port);
        users.forEach((who, name) -> {
            tokens.put(who, tokenOf(api, name));
            sessions.put(who, session(base, name));
        });
        sessions.put(Principal.ANONYMOUS, session(base, null));

        // the index closes ended months when first read: done before the snapshot, it is not the fuzz's change
        http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/index766")).build(),
                HttpResponse.BodyHandlers.discarding());
        scheduler.pause();
        try {
            run(seed, total, threads, base, model, generator, tokens, sessions);
        } finally {
            scheduler.resume();
        }
    }

    private void run(long seed, int total, int threads, String base, ApiModel model, FuzzGenerator generator,
                     Map<Principal, String> tokens, Map<Principal, String[]> sessions) throws Exception {
        Map<String, String> before = quietSnapshot();
        Map<Integer, LongAdder> histogram = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<String> noAnswer = Collections.synchronizedList(new ArrayList<>());
        List<String> slow = Collections.synchronizedList(new ArrayList<>());
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    FuzzRequest q;
                    try {
                        q = generator.request(i);
                    } catch (RuntimeException e) {
                        noAnswer.add("#" + i + " not generated: " + e);
                        continue;
                    }
                    int status;
                    String answer;
                    long t0 = System.nanoTime();
                    try {
                        Answer a = send(base, q, tokens, sessions);
                        status = a.status();
                        answer = a.text();
                    } catch (Exception e) {
                        status = -1;
                        answer = e.toString();
                    }
                    histogram.computeIfAbsent(status, s -> new LongAdder()).increment();
                    long millis = (System.nanoTime() - t0) / 1_000_000;
                    if (millis > 1000) {
                        slow.add(millis + " ms " + status + " " + q.describe().substring(0, Math.min(200,
                                q.describe().length())));
                    }
                    if ((status / 100 == 2 || status / 100 == 3 && !q.target().startsWith("/api/"))
                            && !q.method().equals("GET") && !q.method().equals("HEAD")
                            && !q.method().equals("OPTIONS")) {
                        accepted.add(status + " ← " + q.describe());
                    }
                    if (status >= 500) {
                        failures.add("HTTP " + status + " ← " + q.describe() + "\n    → "
                                + answer.substring(0, Math.min(400, answer.length())));
                    } else if (status < 0) {
                        noAnswer.add(q.describe() + " → " + answer);
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).as("the fuzz run ends").isTrue();
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, String> after = quietSnapshot();

        Map<Integer, Long> statuses = new TreeMap<>();
        histogram.forEach((k, v) -> statuses.put(k, v.sum()));
        System.out.printf("%nFUZZ seed=%d requests=%d operations=%d pages=%d threads=%d seconds=%.1f (%.0f/s)%n"
                        + "FUZZ statuses %s%nFUZZ 5xx=%d without answer=%d, business tables compared: %d%n",
                seed, total, model.operations.size(), pageRoutes().size(), threads, seconds, total / seconds,
                statuses, failures.size(), noAnswer.size(), before.size());
        System.out.println("FUZZ slower than 1 s: " + slow.size() + ", writes answered 2xx: " + accepted.size());
        accepted.stream().limit(100).forEach(f -> System.out.println("FUZZ accepted " + f));
        slow.stream().sorted(java.util.Comparator.reverseOrder()).limit(15).forEach(f -> System.out.println("FUZZ slow " + f));
        failures.stream().limit(40).forEach(f -> System.out.println("FUZZ " + f));
        noAnswer.stream().limit(10).forEach(f -> System.out.println("FUZZ no answer: " + f));

        assertThat(failures).as("answers 5xx (seed %d; replay one with -Dmotcua.fuzz.seed)", seed).isEmpty();
        assertThat(noAnswer).as("requests without an answer").isEmpty();
        Map<String, String> changed = new TreeMap<>();
        before.forEach((table, sum) -> {
            if (!sum.equals(after.get(table))) {
                changed.put(table, sum + " → " + after.get(table));
            }
        });
        after.keySet().stream().filter(t -> !before.containsKey(t)).forEach(t -> changed.put(t, "new table"));
        changed.keySet().forEach(t -> jdbc.sql("select x::text from \"" + t + "\" x order by ctid desc limit 3")
                .query(String.class).list().forEach(row -> System.out.println("FUZZ changed " + t + ": "
                        + row.substring(0, Math.min(300, row.length())))));
        assertThat(changed).as("business tables changed by bad requests").isEmpty();
    }

    // ---------------------------------------------------------------- sending

    record Answer(int status, String text) {
    }

    private Answer send(String base, FuzzRequest q, Map<Principal, String> tokens, Map<Principal, String[]> sessions)
            throws IOException, InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>();
        // every fuzz request counts against its own address, never 127.0.0.1's (the other tests' limits)
        headers.put("X-Forwarded-For", "203.0.113." + (1 + q.index() % 250));
        boolean page = !q.target().startsWith("/api/");
        if (page) {
            String[] s = sessions.get(q.principal());
            headers.put("Cookie", s[0]);
            headers.put("Accept", "text/html,*/*");
        } else if (q.principal() != Principal.ANONYMOUS) {
            headers.put("Authorization", "Bearer " + tokens.get(q.principal()));
            headers.put("Accept", "application/json, application/problem+json");
        }
        headers.put("Accept-Language", "vi");
        headers.putAll(q.headers());
        byte[] body = q.body();
        if (page && body != null && q.principal() != Principal.ANONYMOUS && q.index() % 2 == 0) {
            // half of the page forms carry the session's CSRF token (and a control character: refused at the
            // boundary), the other half none (refused by the CSRF filter)
            String csrf = sessions.get(q.principal())[1];
            String fields = new String(body, StandardCharsets.UTF_8);
            body = ((fields.isEmpty() ? "" : fields + "&") + "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)
                    + "&ghiChu=%00").getBytes(StandardCharsets.UTF_8);
        }
        if (q.raw()) {
            return raw(base, q.method(), q.target(), headers, body);
        }
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(base + q.target())).timeout(Duration.ofSeconds(60))
                    .method(q.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(b::header);
        } catch (IllegalArgumentException e) {
            return raw(base, q.method(), q.target(), headers, body);
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    }

    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.[01] (\\d{3})");

    /** One request through a socket, bytes as given (broken escapes, control characters in headers). */
    static Answer raw(String base, String method, String target, Map<String, String> headers, byte[] body)
            throws IOException {
        URI u = URI.create(base);
        try (Socket socket = new Socket(u.getHost(), u.getPort())) {
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: " + u.getHost() + ":" + u.getPort()
                    + "\r\nConnection: close\r\n").getBytes(StandardCharsets.UTF_8));
            headers.forEach((k, v) -> out.writeBytes((k + ": " + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
            out.writeBytes(("Content-Length: " + (body == null ? 0 : body.length) + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.writeBytes(body);
            }
            OutputStream os = socket.getOutputStream();
            os.write(out.toByteArray());
            os.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readAllBytes();
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            Matcher m = STATUS.matcher(text);
            if (!m.find()) {
                // status 0: the connector closed the connection on a request it could not parse, no servlet saw it
                return new Answer(answer.length == 0 ? 0 : -1, text);
            }
            return new Answer(Integer.parseInt(m.group(1)), new String(answer, StandardCharsets.UTF_8));
        }
    }

    private static String tokenOf(TestApi api, String username) {
        TestApi.Response r = api.post("/api/v1/auth/token", Map.of("username", username, "password", "demo"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("access_token").asString();
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|<meta name=\"_csrf\" content=\"([^\"]+)\"");

    /** A page session ("SESSION=..." and its CSRF token), logged in through the form when a user is given. */
    private String[] session(String base, String username) {
        try {
            CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
            HttpClient c = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            String html = c.send(HttpRequest.newBuilder(URI.create(base + "/dang-nhap")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String csrf = csrf(html);
            if (username != null) {
                c.send(HttpRequest.newBuilder(URI.create(base + "/dang-nhap"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=demo&_csrf="
                                + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofString());
                html = c.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                csrf = csrf(html);
            }
            StringBuilder cookie = new StringBuilder();
            cookies.getCookieStore().get(URI.create(base)).forEach(k -> cookie.append(cookie.isEmpty() ? "" : "; ")
                    .append(k.getName()).append('=').append(k.getValue()));
            return new String[] {cookie.toString(), csrf};
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token");
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    // ---------------------------------------------------------------- what to generate from

    /** The page routes (controllers that are not the REST API), with their request parameters and types. */
    private List<FuzzGenerator.PageRoute> pageRoutes() {
        List<FuzzGenerator.PageRoute> out = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().isAnnotationPresent(RestController.class)
                    || !handler.getBeanType().isAnnotationPresent(Controller.class)) {
                return;
            }
            Map<String, Class<?>> params = params(handler);
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.contains("dang-xuat") || pattern.startsWith("/api/") || pattern.contains("**")) {
                    continue;
                }
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    out.add(new FuzzGenerator.PageRoute(m.name(), pattern, params));
                }
            }
        });
        out.sort(java.util.Comparator.comparing(FuzzGenerator.PageRoute::pattern)
                .thenComparing(FuzzGenerator.PageRoute::method));
        return out;
    }

    private static Map<String, Class<?>> params(HandlerMethod handler) {
        Map<String, Class<?>> params = new LinkedHashMap<>();
        for (var p : handler.getMethodParameters()) {
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            if (rp != null) {
                String name = !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value()
                        : p.getParameter().getName();
                if (!Map.class.isAssignableFrom(p.getParameterType())) {
                    params.put(name, p.getParameterType());
                }
            }
        }
        return params;
    }

    /** Real values of the demo data, so some requests get past the first checks. */
    private Map<String, List<String>> pools() {
        Map<String, List<String>> pools = new TreeMap<>();
        pools.put("procedure", jdbc.sql("select code from procedure order by code limit 30").query(String.class).list());
        pools.put("agency", jdbc.sql("select code from agency order by code limit 30").query(String.class).list());
        pools.put("unit", jdbc.sql("select code from admin_unit order by code limit 30").query(String.class).list());
        pools.put("dossier", jdbc.sql("select code from dossier order by id limit 30").query(String.class).list());
        pools.put("feedback", jdbc.sql("select code from feedback order by id limit 10").query(String.class).list());
        pools.put("certification", jdbc.sql("select code from certification_request order by id limit 10")
                .query(String.class).list());
        pools.put("username", jdbc.sql("select username from account order by id limit 20").query(String.class).list());
        pools.put("file", jdbc.sql("select id::text from stored_file order by created_at limit 10")
                .query(String.class).list());
        return pools;
    }

    // ---------------------------------------------------------------- the database before and after

    /** Row count and checksum of every business table, once two snapshots a second apart agree (the outbox and
     * the scheduler finish what earlier tests started). */
    private Map<String, String> quietSnapshot() throws InterruptedException {
        Map<String, String> last = snapshot();
        for (int i = 0; i < 20; i++) {
            Thread.sleep(1000);
            Map<String, String> now = snapshot();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private Map<String, String> snapshot() {
        Map<String, String> out = new TreeMap<>();
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1""")
                .query(String.class).list();
        for (String t : tables) {
            if (NOT_BUSINESS.containsKey(t)) {
                continue;
            }
            out.put(t, jdbc.sql("select count(*) || ':' || coalesce(md5(string_agg(md5(x::text), '' order by "
                    + "md5(x::text))), '-') from \"" + t + "\" x").query(String.class).single());
        }
        return out;
    }
}
