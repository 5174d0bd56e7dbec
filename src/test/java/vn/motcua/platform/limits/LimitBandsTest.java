package vn.motcua.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The limit bands as configured: every default parses, and bad ones are refused at start-up. */
class LimitBandsTest {

    @Test
    void everyDefaultParses() {
        for (LimitKind k : LimitKind.values()) {
            assertThat(RateLimits.configuration(k.defaults()).getBandwidths()).as(k.name()).isNotEmpty();
        }
    }

    @Test
    void bandsAreCapacityPerPeriodGreedyOrFixed() {
        var c = RateLimits.configuration("5/1m, 20/1h fixed");
        assertThat(c.getBandwidths()).hasSize(2);
        assertThat(c.getBandwidths()[0].getCapacity()).isEqualTo(5);
        assertThat(c.getBandwidths()[0].getRefillPeriodNanos()).isEqualTo(Duration.ofMinutes(1).toNanos());
        assertThat(c.getBandwidths()[0].isRefillIntervally()).isFalse();
        assertThat(c.getBandwidths()[1].getCapacity()).isEqualTo(20);
        assertThat(c.getBandwidths()[1].isRefillIntervally()).isTrue();
        assertThatThrownBy(() -> RateLimits.configuration("5 per minute")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimits.configuration("5/1w")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimits.configuration(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysAreStoredHashedAndSeparatedByKind() {
        String a = RateLimits.id(LimitKind.TRACKING_SOURCE, "203.0.113.7");
        assertThat(a).startsWith("tracking-source:").doesNotContain("203.0.113.7").hasSize(16 + 64);
        assertThat(RateLimits.id(LimitKind.UPLOAD, "203.0.113.7")).isNotEqualTo(a);
        assertThat(RateLimits.id(LimitKind.LOGIN_FAILURE, "An|1.2.3.4"))
                .isEqualTo(RateLimits.id(LimitKind.LOGIN_FAILURE, "an|1.2.3.4"));
    }
}
