package vn.motcua.test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL round trips of the current thread (statements executed, commits and rollbacks) while
 * {@link #count} runs: a JDBC listener around the application's data source ({@link TestConfig}), for tests that
 * pin how many statements an operation costs. Outside {@link #count} it only passes calls through.
 */
public final class SqlCounter extends DelegatingDataSource {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();
    /** While {@link #countRequests} runs: what the web server's request threads execute. */
    private static volatile List<String> requests;

    public SqlCounter(DataSource target) {
        super(target);
    }

    /** What ran and the round trips it took. */
    public record Count<T>(T result, List<String> statements) {
        public int roundTrips() {
            return statements.size();
        }
    }

    /** Runs {@code work} on this thread and lists the round trips it made. */
    public static <T> Count<T> count(Supplier<T> work) {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        RECORDING.set(seen);
        try {
            T result = work.get();
            return new Count<>(result, List.copyOf(seen));
        } finally {
            RECORDING.remove();
        }
    }

    /**
     * Runs {@code work} (HTTP calls to the application) and lists the round trips the web server's request threads
     * ({@code tomcat-handler-*}) made meanwhile: the whole cost of the requests, authentication included. Background
     * work (the outbox, the scheduler) runs on other threads and is not counted.
     */
    public static <T> Count<T> countRequests(Supplier<T> work) {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        requests = seen;
        try {
            T result = work.get();
            return new Count<>(result, List.copyOf(seen));
        } finally {
            requests = null;
        }
    }

    private static void record(String what) {
        List<String> seen = RECORDING.get();
        if (seen != null) {
            seen.add(what);
        }
        List<String> web = requests;
        if (web != null && Thread.currentThread().getName().startsWith("tomcat-handler")) {
            web.add(what);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(super.getConnection(username, password));
    }

    private static Connection wrap(Connection c) {
        return (Connection) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Handler(c, null));
    }

    private record Handler(Object target, String sql) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            String name = m.getName();
            if (target instanceof Connection && (name.equals("commit") || name.equals("rollback"))) {
                record(name);
            }
            if (target instanceof Statement && name.startsWith("execute")) {
                record(sql != null ? sql : args != null && args.length > 0 ? String.valueOf(args[0]) : name);
            }
            Object result;
            try {
                result = m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Statement s && !(name.equals("unwrap"))) {
                Class<?> type = m.getReturnType().isInterface() ? m.getReturnType() : Statement.class;
                String text = args != null && args.length > 0 && args[0] instanceof String q ? q : null;
                return Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type},
                        new Handler(s, text));
            }
            return result;
        }
    }
}
