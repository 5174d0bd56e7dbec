package vn.motcua.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 9: the packaged application on its embedded PostgreSQL (the one-command default), under load,
 * gets SIGTERM: it exits within 10 s with its embedded PostgreSQL (no process of the data directory left, no
 * postmaster.pid), the database stopped cleanly and last, and every write it acknowledged is in the database
 * afterwards. Runs in the integration-test phase (failsafe), after the jar is built.
 */
class ShutdownJarIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void sigtermUnderLoadExitsWithin10SecondsWithItsDatabaseAndLosesNothingAcknowledged() throws Exception {
        Path jar = Path.of("target", "motcua.jar").toAbsolutePath();
        assertThat(jar).exists();
        Path dir = Files.createTempDirectory("motcua-shutdown");
        Path data = dir.resolve("postgres");
        Path log = dir.resolve("app.log");
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process app = new ProcessBuilder(java, "-Xmx768m", "-jar", jar.toString(), "--server.port=" + port,
                "--motcua.embedded-postgres.data-dir=" + data, "--motcua.demo.history.enabled=false",
                "--motcua.limits.sign-up-source=100000/1h")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            waitUntilUp(port, app, log);
            ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
            AtomicBoolean go = new AtomicBoolean(true);
            List<Thread> load = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                load.add(Thread.ofVirtual().start(() -> {
                    while (go.get()) {
                        String name = "tai" + UUID.randomUUID().toString().substring(0, 12);
                        try {
                            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/api/v1/accounts"))
                                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + name
                                            + "\",\"password\":\"mat-khau-dai\",\"fullName\":\"Tải Thử\"}"))
                                    .build(), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 202) {
                                acknowledged.add(name);
                            }
                        } catch (IOException e) {
                            // the server is going away: refused or reset requests were never acknowledged
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
            // the load served first (a slow machine's first sign-ups take more than the few seconds a fixed sleep
            // gave them), then SIGTERM while it still runs
            long served = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.isEmpty() && System.nanoTime() < served) {
                Thread.sleep(100);
            }
            assertThat(acknowledged).as("the load is served").isNotEmpty();
            Thread.sleep(1000);
            long t0 = System.nanoTime();
            app.destroy(); // SIGTERM
            boolean exited = app.waitFor(30, TimeUnit.SECONDS);
            // the embedded PostgreSQL's processes (postmaster and its workers) carry the data directory
            while (exited && postgresOf(data) > 0 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30)) {
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long left = postgresOf(data);
            go.set(false);
            for (Thread t : load) {
                t.join(25_000);
            }
            assertThat(exited).as("exit within 30 s of SIGTERM; log: " + tail(log)).isTrue();
            System.out.printf("ShutdownJarIT: application and PostgreSQL gone %.1f s after SIGTERM with %d "
                    + "acknowledged sign-ups%n", seconds, acknowledged.size());
            assertThat(left).as("PostgreSQL processes of the data directory left").isZero();
            assertThat(seconds).as("application and its PostgreSQL gone within 10 s; log: " + tail(log))
                    .isLessThan(10);
            assertThat(data.resolve("postmaster.pid")).as("PostgreSQL stopped cleanly").doesNotExist();
            assertThat(Files.readString(log)).doesNotContain("Connection refused");

            Set<String> stored = new HashSet<>();
            try (EmbeddedPostgres pg = EmbeddedPostgresEnvironment.builder(data, 0).start();
                 Connection c = pg.getPostgresDatabase().getConnection();
                 var st = c.createStatement();
                 var rs = st.executeQuery("select username from account where username like 'tai%'")) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            assertThat(stored).as("every acknowledged write survived").containsAll(acknowledged);
        } finally {
            if (app.isAlive()) {
                app.destroyForcibly();
            }
        }
    }

    /** Processes whose command line names the data directory (the embedded postmaster and its workers). */
    private static long postgresOf(Path data) {
        String dir = data.toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(dir))
                .orElse(false)).count();
    }

    private static void waitUntilUp(int port, Process app, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as("the application died: " + tail(log)).isTrue();
            try {
                var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet listening
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the application did not start in 300 s: " + tail(log));
    }

    private static String tail(Path log) throws IOException {
        String s = Files.exists(log) ? Files.readString(log) : "";
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
