package vn.motcua.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.logging.Log;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The zero-setup default: when no {@code spring.datasource.url} is configured, start a real PostgreSQL
 * (zonky embedded binaries) on a kept data directory and switch the {@code demo} profile on.
 * With {@code SPRING_DATASOURCE_URL} set nothing happens here.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "motcuaEmbeddedPostgres";
    private static volatile EmbeddedPostgres running;
    private static volatile CompletableFuture<EmbeddedPostgres> starting;
    /** True once an application context will stop the server at the end of its shutdown. */
    private static volatile boolean managed;
    private static final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    private final Log log;

    public EmbeddedPostgresEnvironment(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedPostgresEnvironment.class);
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (StringUtils.hasText(env.getProperty("spring.datasource.url"))
                || !env.getProperty("motcua.embedded-postgres.enabled", Boolean.class, true)) {
            return;
        }
        Path dataDir = Path.of(env.getProperty("motcua.embedded-postgres.data-dir", "data/postgres")).toAbsolutePath();
        int port = env.getProperty("motcua.embedded-postgres.port", Integer.class, 0);
        if (port <= 0) {
            port = freePort();
        }
        // PostgreSQL starts while Spring builds the context; the data source waits for it (EmbeddedPostgresReady)
        int chosen = port;
        long t0 = System.nanoTime();
        starting = CompletableFuture.supplyAsync(() -> {
            EmbeddedPostgres pg = start(dataDir, chosen);
            log.info("Embedded PostgreSQL started in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            return pg;
        });
        String url = "jdbc:postgresql://127.0.0.1:" + chosen + "/postgres";
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "motcua.embedded-postgres.active", "true")));
        if (env.getProperty("motcua.demo.auto-activate", Boolean.class, true)) {
            env.addActiveProfile("demo");
            addProfileFile(env, "demo");
        }
        log.info("Embedded PostgreSQL starting at " + url + " with data in " + dataDir);
    }

    /**
     * A profile switched on here, after Spring Boot has read the configuration files, would go without its own file:
     * the embedded default ran the demo without application-demo.properties (no demo certificate authority, no
     * payment or VNeID sandbox, not the demo's structure switch). The file is read here and ranked as Spring ranks a
     * profile's file: above application.properties, below the environment, system properties and the command line.
     * Nothing when Spring already read it (the profile asked for explicitly).
     */
    static void addProfileFile(ConfigurableEnvironment env, String profile) {
        String file = "application-" + profile + ".properties";
        var sources = env.getPropertySources();
        if (sources.stream().anyMatch(p -> p.getName().contains("[" + file + "]"))) {
            return;
        }
        var resource = new org.springframework.core.io.ClassPathResource(file);
        if (!resource.exists()) {
            return;
        }
        java.util.List<org.springframework.core.env.PropertySource<?>> loaded;
        try {
            loaded = new org.springframework.boot.env.PropertiesPropertySourceLoader()
                    .load("Config resource 'class path resource [" + file + "]' via " + SOURCE, resource);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
        String defaults = sources.stream().map(org.springframework.core.env.PropertySource::getName)
                .filter(n -> n.contains("[application.properties]")).findFirst().orElse(null);
        for (var source : loaded) {
            if (defaults != null) {
                sources.addBefore(defaults, source);
            } else {
                sources.addLast(source);
            }
        }
    }

    /** The application context stops the server at the end of its shutdown (see {@link #stop()}). */
    static void managedByContext() {
        managed = true;
    }

    /** True when this run started an embedded PostgreSQL. */
    static boolean started() {
        return starting != null || running != null;
    }

    /** Waits until the embedded PostgreSQL (if this run started one) accepts connections. */
    public static void awaitStarted() {
        CompletableFuture<EmbeddedPostgres> f = starting;
        if (f != null) {
            try {
                f.get(120, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("The embedded PostgreSQL did not start", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (TimeoutException e) {
                throw new IllegalStateException("The embedded PostgreSQL did not start within 2 minutes", e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for the embedded PostgreSQL", e);
        }
    }

    private static synchronized EmbeddedPostgres start(Path dataDir, int port) {
        if (running != null) {
            return running;
        }
        try {
            Files.createDirectories(dataDir);
            stopOrphanedServer(dataDir);
            EmbeddedPostgres pg = builder(dataDir, port).start();
            running = pg;
            // a last resort when no application context takes charge (start-up failed before the data source):
            // otherwise it waits for the context's ordered shutdown, which stops the server itself
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (managed) {
                    try {
                        stopped.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                stop();
            }, "embedded-postgres-last"));
            return pg;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the embedded PostgreSQL in " + dataDir
                    + ". Set SPRING_DATASOURCE_URL to use another PostgreSQL.", e);
        }
    }

    /**
     * The application's embedded PostgreSQL: durable (issue 17): fsync, synchronous commit and full page writes
     * on, overriding the embedded library's test settings ({@code -F}, {@code synchronous_commit=off}); no JVM
     * shutdown hook of its own: {@link EmbeddedPostgresReady} stops it as the last step of the application's
     * ordered shutdown, after the web server, the scheduler, the outbox and the connection pool.
     */
    static EmbeddedPostgres.Builder builder(Path dataDir, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder;
    }

    /**
     * Stops the embedded PostgreSQL this run started (fast mode: open sessions are ended, committed work is
     * on disk). Called when the application context is closed, after everything that uses the database.
     */
    public static synchronized void stop() {
        stopped.countDown();
        EmbeddedPostgres pg = running;
        if (pg == null && starting != null) {
            pg = starting.getNow(null);
        }
        if (pg != null) {
            try {
                pg.close();
            } catch (IOException e) {
                System.err.println("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            running = null;
            starting = null;
        }
    }

    /** A server left running by a killed JVM still holds the data directory: stop it first. */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        if (!first.matches("\\d+")) {
            return;
        }
        ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .ifPresent(p -> {
                    System.err.println("Stopping a PostgreSQL left running on " + dataDir + " (pid " + p.pid() + ")");
                    p.destroy();
                    p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> p).join();
                });
    }
}
