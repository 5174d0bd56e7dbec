package vn.motcua.platform.limits;

import java.util.List;
import org.springframework.http.HttpStatus;
import vn.motcua.platform.ProblemException;

/**
 * A 429 refusal of {@link RateLimits}: the problem handlers of the API and of pages add {@code Retry-After} with
 * {@link #retryAfterSeconds()}; the message says in the caller's language how long to wait.
 */
public class TooManyRequests extends ProblemException {

    private final long retryAfterSeconds;
    private final LimitKind kind;

    public TooManyRequests(LimitKind kind, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "error.limits.tooMany",
                new Object[] {Math.max(1, (retryAfterSeconds + 59) / 60)}, List.of());
        this.kind = kind;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public LimitKind kind() {
        return kind;
    }
}
