package vn.motcua.feedback.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import vn.motcua.platform.ProblemException;

/**
 * A simple per-source limit on the public doors that create feedback (portal form, Open311 POST): at most
 * {@code motcua.feedback.per-source-per-hour} per IP address in a fixed one-hour window, on this node. To be
 * replaced by the platform's limits (Bucket4j, {@code vn.motcua.platform.limits}) once they land.
 */
@Component
public class SourceLimiter {

    private record Window(long hour, int count) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final FeedbackProperties properties;
    private final Clock clock;

    SourceLimiter(FeedbackProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Counts one submission from {@code source}; false when over the limit (nothing counted then). */
    public boolean tryAcquire(String source) {
        long hour = Instant.now(clock).getEpochSecond() / 3600;
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> e.getValue().hour() != hour);
        }
        boolean[] counted = {false};
        windows.compute(source == null ? "?" : source, (k, old) -> {
            if (old == null || old.hour() != hour) {
                counted[0] = true;
                return new Window(hour, 1);
            }
            if (old.count() >= properties.perSourcePerHour()) {
                return old;
            }
            counted[0] = true;
            return new Window(hour, old.count() + 1);
        });
        return counted[0];
    }

    /** As {@link #tryAcquire(String)}, throwing 429 when over the limit. */
    public void acquire(String source) {
        if (!tryAcquire(source)) {
            throw new ProblemException(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS,
                    "error.feedback.tooMany", new Object[0], java.util.List.of());
        }
    }
}
