package vn.motcua.signing.web;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.motcua.platform.ProblemException;

/**
 * The public verification is rate-limited per client address ({@code motcua.signing.verify.per-minute}, default 20
 * a minute): validating a PDF costs CPU. Over the limit: 429 with a Vietnamese message. In memory, per node.
 */
@Component
class VerifyLimiter {

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Deque<Long>> seen = new ConcurrentHashMap<>();

    VerifyLimiter(@Value("${motcua.signing.verify.per-minute:20}") int perMinute) {
        this.perMinute = perMinute;
        this.clock = Clock.systemUTC();
    }

    void check(String client) {
        long now = clock.millis();
        if (seen.size() > 10_000) {
            seen.clear();
        }
        Deque<Long> times = seen.computeIfAbsent(client == null ? "?" : client, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() < now - 60_000) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "signing.verify.tooMany", null, null);
            }
            times.addLast(now);
        }
    }
}
