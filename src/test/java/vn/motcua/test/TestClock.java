package vn.motcua.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in integration tests ({@link TestConfig} makes it the {@code Clock} bean): the system
 * time shifted by an offset a test can set, so that time still flows (the outbox, the scheduler). A test that moves
 * it calls {@link #reset()} afterwards (an {@code @AfterEach}); tests never fake time in SQL.
 */
public final class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private final ZoneId zone;

    public TestClock() {
        this.zone = ZoneOffset.UTC;
    }

    /** Moves the clock so that it reads {@code moment} now; it keeps running from there. */
    public void set(OffsetDateTime moment) {
        offset = Duration.between(Instant.now(), moment.toInstant());
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public void advance(Duration d) {
        offset = offset.plus(d);
    }

    /** Back to the real time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(this);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return z;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return TestClock.this.withZone(other);
            }

            @Override
            public Instant instant() {
                return TestClock.this.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
