package vn.motcua.identity.internal;

import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@code max} failed log-ins within {@code window} for one account name, or
 * {@code max × 5} from one address, further attempts are refused until the window passes. Kept in PostgreSQL,
 * so it holds across nodes.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final int max;
    private final Duration window;

    LoginThrottle(JdbcClient jdbc, @Value("${motcua.login.max-failures:10}") int max,
                  @Value("${motcua.login.failure-window:15m}") Duration window) {
        this.jdbc = jdbc;
        this.max = max;
        this.window = window;
    }

    boolean blocked(String username, String address) {
        return count(userKey(username)) >= max || count("ip:" + address) >= max * 5;
    }

    void failed(String username, String address) {
        bump(userKey(username));
        bump("ip:" + address);
    }

    void succeeded(String username) {
        jdbc.sql("delete from login_failure where key = :k").param("k", userKey(username)).update();
    }

    private int count(String key) {
        return jdbc.sql("""
                select failures from login_failure
                where key = :k and window_start > now() - make_interval(secs => :w)""")
                .param("k", key).param("w", window.toSeconds()).query(Integer.class).optional().orElse(0);
    }

    private void bump(String key) {
        jdbc.sql("""
                insert into login_failure (key, failures, window_start) values (:k, 1, now())
                on conflict (key) do update set
                  failures = case when login_failure.window_start > now() - make_interval(secs => :w)
                                  then login_failure.failures + 1 else 1 end,
                  window_start = case when login_failure.window_start > now() - make_interval(secs => :w)
                                      then login_failure.window_start else now() end""")
                .param("k", key).param("w", window.toSeconds()).update();
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }
}
