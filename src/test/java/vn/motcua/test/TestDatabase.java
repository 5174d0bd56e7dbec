package vn.motcua.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real PostgreSQL for the tests of this JVM: a fresh database on the machine's server at 127.0.0.1:5432
 * when it answers (dropped when the JVM exits), otherwise an embedded PostgreSQL. Never a mock.
 */
public final class TestDatabase {

    private static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String PREFIX = "motcua_t_";
    private static String url;
    private static String user;
    private static int owned;

    private TestDatabase() {
    }

    public static synchronized String url() {
        if (url == null) {
            String configured = System.getenv("MOTCUA_TEST_DATABASE_URL");
            if (configured != null && !configured.isBlank()) {
                url = configured;
                user = System.getenv().getOrDefault("MOTCUA_TEST_DATABASE_USER", "postgres");
            } else if (localServerUp()) {
                url = createLocalDatabase();
                user = "postgres";
            } else {
                url = startEmbedded();
                user = "postgres";
            }
        }
        return url;
    }

    public static String user() {
        url();
        return user;
    }

    private static boolean localServerUp() {
        try (Connection c = DriverManager.getConnection(LOCAL + "postgres", "postgres", "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String createLocalDatabase() {
        long now = Instant.now().getEpochSecond();
        String name = PREFIX + now + "_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(LOCAL + "postgres", "postgres", "");
             var st = c.createStatement()) {
            // databases left by killed test runs more than six hours ago
            List<String> stale = new ArrayList<>();
            try (var rs = st.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
                while (rs.next()) {
                    String[] parts = rs.getString(1).substring(PREFIX.length()).split("_");
                    if (parts.length == 2 && parts[0].matches("\\d+") && Long.parseLong(parts[0]) < now - 6 * 3600) {
                        stale.add(rs.getString(1));
                    }
                }
            }
            for (String s : stale) {
                st.execute("drop database if exists " + s + " with (force)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database on " + LOCAL, e);
        }
        return createDatabase(LOCAL, "postgres", name);
    }

    /** Creates a database on a server and drops it when the JVM exits. */
    private static String createDatabase(String server, String login, String name) {
        try (Connection c = DriverManager.getConnection(server + "postgres", login, "");
             var st = c.createStatement()) {
            st.execute("create database " + name + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + name + " on " + server, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(server + "postgres", login, "");
                 var st = c.createStatement()) {
                // the application contexts close in their own shutdown hooks, at the same time as this one: let
                // them close their pools first (at most 20 s), or their scheduler and outbox retry against a
                // dropped database and the JVM outlives surefire's 30 s after System.exit (issue 17)
                for (int i = 0; i < 200; i++) {
                    try (var rs = st.executeQuery("select count(*) from pg_stat_activity where datname = '" + name + "'")) {
                        if (!rs.next() || rs.getInt(1) == 0) {
                            break;
                        }
                    }
                    Thread.sleep(100);
                }
                st.execute("drop database if exists " + name + " with (force)");
            } catch (SQLException ignored) {
                // dropped by a later run's clean-up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        return server + name;
    }

    /**
     * A database of its own, on the same server as the shared one (the machine's or the embedded), for a test class
     * whose start must not see the others' data (the demo's first start, an empty installation); dropped when the JVM
     * exits, named like the shared ones so that a killed run's database is cleaned up the same way.
     */
    public static synchronized String own() {
        String shared = url();
        String server = shared.substring(0, shared.lastIndexOf('/') + 1);
        String name = PREFIX + Instant.now().getEpochSecond() + "_" + ProcessHandle.current().pid() + "o" + (++owned);
        return createDatabase(server, user(), name);
    }

    private static String startEmbedded() {
        try {
            Path dir = Files.createTempDirectory("motcua-test-pg");
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "200").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (Exception ignored) {
                    // the JVM is exiting
                }
            }));
            return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
        } catch (Exception e) {
            throw new IllegalStateException("No PostgreSQL at 127.0.0.1:5432 and the embedded one did not start", e);
        }
    }

    /** Points the Spring context at a database of its own ({@link #own()}). */
    public static class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext ctx) {
            ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("motcuaOwnDatabase", Map.of(
                    "spring.datasource.url", own(),
                    "spring.datasource.username", user(),
                    "spring.datasource.password", "")));
        }
    }

    /** Points the Spring context at the test database. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext ctx) {
            ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("motcuaTestDatabase", Map.of(
                    "spring.datasource.url", url(),
                    "spring.datasource.username", user(),
                    "spring.datasource.password", "")));
        }
    }
}
