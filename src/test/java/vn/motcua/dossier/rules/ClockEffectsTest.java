package vn.motcua.dossier.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.TimeUnit;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.internal.TestCalendars;
import vn.motcua.platform.Channel;

/** What each turn does to the statutory clock, against moments computed by hand on the 2025 calendar. */
class ClockEffectsTest {

    static final WorkingCalendar CALENDAR = TestCalendars.vietnam2025();
    static final ProcessingTime THREE_DAYS = new ProcessingTime(new BigDecimal("3"), TimeUnit.WORKING_DAYS);

    static OffsetDateTime at(String local) {
        return LocalDateTime.parse(local).atOffset(ZoneOffset.ofHours(7));
    }

    @Test
    void acceptanceStartsTheClockAndSetsTheDueMoment() {
        ClockState c = ClockEffects.onAccept(at("2025-06-02T10:00"), THREE_DAYS, Channel.COUNTER, CALENDAR);
        assertThat(c.startedAt()).isEqualTo(at("2025-06-02T10:00"));
        assertThat(c.dueAt()).isEqualTo(at("2025-06-05T10:00"));
        assertThat(c.originalDueAt()).isEqualTo(c.dueAt());
        assertThat(c.stopped()).isFalse();
        assertThat(ClockEffects.onAccept(at("2025-06-02T15:30"), THREE_DAYS, Channel.COUNTER, CALENDAR).startedAt())
                .as("received after 15:00: from the next working day").isEqualTo(at("2025-06-03T07:00"));
    }

    @Test
    void aSupplementStopsTheClockAndTheSupplyRestartsAFullTimeFromZero() {
        ClockState accepted = ClockEffects.onAccept(at("2025-06-02T10:00"), THREE_DAYS, Channel.ONLINE, CALENDAR);
        ClockState stopped = ClockEffects.onSupplementRequested(accepted, at("2025-06-03T10:00"), CALENDAR);
        assertThat(stopped.stopped()).isTrue();
        assertThat(stopped.pausedRemainingMinutes()).as("two working days were left").isEqualTo(960);
        ClockState restarted = ClockEffects.onSupplied(stopped, at("2025-06-09T09:00"), THREE_DAYS, Channel.ONLINE,
                CALENDAR);
        assertThat(restarted.startedAt()).isEqualTo(at("2025-06-09T09:00"));
        assertThat(restarted.dueAt()).as("three full working days from the supply, not the two left")
                .isEqualTo(at("2025-06-12T09:00"));
        assertThat(restarted.originalDueAt()).isEqualTo(restarted.dueAt());
        assertThat(restarted.stopped()).isFalse();
    }

    @Test
    void aPaymentStopsTheClockAndItResumesWithTheTimeThatWasLeft() {
        ClockState accepted = ClockEffects.onAccept(at("2025-06-02T10:00"), THREE_DAYS, Channel.ONLINE, CALENDAR);
        ClockState stopped = ClockEffects.onPaymentRequested(accepted, at("2025-06-03T10:00"), CALENDAR);
        assertThat(stopped.pausedAt()).isEqualTo(at("2025-06-03T10:00"));
        assertThat(stopped.pausedRemainingMinutes()).isEqualTo(960);
        ClockState resumed = ClockEffects.onPaymentResumed(stopped, at("2025-06-06T10:00"), Channel.ONLINE, CALENDAR);
        assertThat(resumed.dueAt()).as("paid three working days later: due three working days later")
                .isEqualTo(at("2025-06-10T10:00"));
        assertThat(resumed.startedAt()).as("the clock did not restart").isEqualTo(accepted.startedAt());
        assertThat(resumed.stopped()).isFalse();
        ClockState overdue = ClockEffects.onPaymentRequested(accepted, at("2025-06-06T10:00"), CALENDAR);
        assertThat(ClockEffects.onPaymentResumed(overdue, at("2025-06-09T10:00"), Channel.ONLINE, CALENDAR).dueAt())
                .as("already overdue when it stopped: the due moment stays").isEqualTo(accepted.dueAt());
    }

    @Test
    void anApologyMovesTheDueMomentAndKeepsTheOriginal() {
        ClockState accepted = ClockEffects.onAccept(at("2025-06-02T10:00"), THREE_DAYS, Channel.ONLINE, CALENDAR);
        ClockState moved = ClockEffects.onApology(accepted, at("2025-06-10T10:00"));
        assertThat(moved.dueAt()).isEqualTo(at("2025-06-10T10:00"));
        assertThat(moved.originalDueAt()).isEqualTo(at("2025-06-05T10:00"));
        assertThat(ClockEffects.onFinished(ClockEffects.onPaymentRequested(moved, at("2025-06-03T10:00"), CALENDAR))
                .stopped()).as("finished: nothing waits").isFalse();
    }
}
