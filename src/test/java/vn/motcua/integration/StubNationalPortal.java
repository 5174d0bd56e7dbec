package vn.motcua.integration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the national portal over real HTTP, answering as DOMAIN.md §3.1 says: {@code error_code "0"} and
 * "thành công" on success, "đã tồn tại" for a second create. It keeps what it applied (each dossier's records and
 * history lines, in arrival order) and can go away (the port closed), answer 503, answer slowly, or refuse the records
 * of one dossier with an error code.
 */
final class StubNationalPortal implements AutoCloseable {

    /** Every request: path and body. */
    final List<String[]> requests = new CopyOnWriteArrayList<>();
    /** Per dossier: TrangThaiHoSo of each record applied, in order. */
    final Map<String, List<Integer>> records = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Per dossier: each history line applied (ThoiDiemXuLy/TrangThai), in order. */
    final Map<String, List<String>> history = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Per dossier: how many creates were accepted. */
    final Map<String, Integer> creates = Collections.synchronizedMap(new LinkedHashMap<>());

    volatile boolean unavailable;     // 503 Service Unavailable
    volatile long delayMillis;        // answers this slowly
    volatile String refuse;           // dossier code whose records are refused with an error code
    volatile int historyCallsMax;     // most lines seen in one history call

    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;
    private HttpServer server;
    private java.util.concurrent.ExecutorService executor;

    StubNationalPortal() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
        start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The portal comes back (same address). */
    synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        HttpServer s = null;
        for (int i = 0; s == null; i++) {
            try {
                s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            } catch (java.net.BindException e) {
                if (i > 50) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        // daemon threads, shut down with the server: each start used to leave four idle non-daemon threads behind
        // (found alive at the end of the test JVM, issue 17)
        executor = java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "stub-national-portal");
            t.setDaemon(true);
            return t;
        });
        s.setExecutor(executor);
        s.createContext("/", this::handle);
        s.start();
        server = s;
    }

    /** The portal vanishes: connections are refused. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new String[] {path, body, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))});
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (unavailable) {
            answer(exchange, 503, "{\"message\":\"Service Unavailable\"}");
            return;
        }
        JsonNode list = json.readTree(body);
        String answer;
        synchronized (this) {
            answer = apply(path, list);
        }
        answer(exchange, 200, answer);
    }

    private String apply(String path, JsonNode list) {
        if (path.endsWith("/dongbotientrinh")) {
            historyCallsMax = Math.max(historyCallsMax, list.size());
            for (JsonNode line : list) {
                history.computeIfAbsent(line.get("MaHoSo").asString(), k -> new ArrayList<>())
                        .add(line.get("ThoiDiemXuLy").asString() + "/" + line.get("TrangThai").asInt());
            }
            return ok("Đồng bộ tiến trình thành công");
        }
        JsonNode record = list.get(0);
        String code = record.get("MaHoSo").asString();
        if (code.equals(refuse)) {
            return "{\"error_code\":\"1\",\"message\":\"Dữ liệu không hợp lệ: MaTTHC\"}";
        }
        boolean known = records.containsKey(code);
        if (path.endsWith("/themmoi")) {
            if (known) {
                return "{\"error_code\":\"1\",\"message\":\"Hồ sơ đã tồn tại\"}";
            }
            creates.merge(code, 1, Integer::sum);
        } else if (!known) {
            return "{\"error_code\":\"1\",\"message\":\"Không tìm thấy hồ sơ\"}";
        }
        records.computeIfAbsent(code, k -> new ArrayList<>()).add(record.get("TrangThaiHoSo").asInt());
        return ok(path.endsWith("/themmoi") ? "Thêm mới thành công" : "Cập nhật thành công");
    }

    private static String ok(String message) {
        return "{\"error_code\":\"0\",\"message\":\"" + message + "\"}";
    }

    private static void answer(HttpExchange exchange, int status, String answer) throws IOException {
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        try {
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
        } catch (IOException e) {
            // the client gave up waiting
        } finally {
            exchange.close();
        }
    }
}
