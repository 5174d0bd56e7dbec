package vn.motcua.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.ProblemException;

/** The per-source limit of the public feedback doors: per source, per hour, refusals not counted. */
class SourceLimiterTest {

    static FeedbackProperties limit(int perHour) {
        return new FeedbackProperties(FeedbackProperties.Sla.defaults(),
                new FeedbackProperties.Area(11.2, 12.35, 106.38, 107.5, "tỉnh Bình Phước"),
                new FeedbackProperties.Open311(null, "motcua.vn", "x", "production", false), Duration.ofMinutes(1), 5,
                5_000_000, perHour);
    }

    @Test
    void eachSourceHasItsOwnHourlyAllowance() {
        var t0 = Instant.parse("2026-12-04T03:00:00Z");
        var limiter = new SourceLimiter(limit(3), Clock.fixed(t0, ZoneOffset.UTC));
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        assertThat(limiter.tryAcquire("10.0.0.2")).isTrue();
        assertThatThrownBy(() -> limiter.acquire("10.0.0.1")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status().value()).isEqualTo(429));
        var nextHour = new SourceLimiter(limit(3), Clock.fixed(t0.plus(Duration.ofMinutes(61)), ZoneOffset.UTC));
        assertThat(nextHour.tryAcquire("10.0.0.1")).isTrue();
    }
}
