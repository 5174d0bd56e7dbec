package vn.motcua.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.calendar.internal.CalendarFixtures.off;
import static vn.motcua.calendar.internal.CalendarFixtures.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.calendar.Deadline;
import vn.motcua.calendar.Holiday;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.platform.Channel;

/** The cache of computed years follows the calendar version, as another node's edit would change it. */
class CalendarVersionTest {

    /** Schedules edited "on another node": a version and a list that change under the calendar. */
    static final class OtherNode implements ScheduleSource {
        long version;
        List<Schedule> schedules = List.of();
        int loads;

        @Override
        public long version() {
            return version;
        }

        @Override
        public Loaded load() {
            loads++;
            return new Loaded(version, schedules);
        }

        void edit(Schedule... now) {
            schedules = List.of(now);
            version++;
        }
    }

    private static final LocalDate MONDAY = LocalDate.of(2031, 6, 2);

    private static CalendarProperties refresh(Duration interval) {
        return new CalendarProperties(null, null, null, null, null, null, null, null, null, interval);
    }

    @Test
    void anEditElsewhereIsSeenByTheNextComputationWhenTheVersionIsCheckedEachCall() {
        OtherNode node = new OtherNode();
        CalendarService calendar = new CalendarService(refresh(Duration.ZERO), CalendarFixtures.texts(), node,
                java.time.Clock.systemUTC());
        assertThat(calendar.isWorkingDay(MONDAY)).isTrue();
        node.edit(schedule(2031, Holiday.NATIONAL_DAY, "Thử nghiệm", off("2031-06-02")));
        assertThat(calendar.isWorkingDay(MONDAY)).isFalse();
        assertThat(calendar.version()).isEqualTo(1);
    }

    @Test
    void anUnchangedVersionKeepsTheComputedYears() {
        OtherNode node = new OtherNode();
        CalendarService calendar = new CalendarService(refresh(Duration.ZERO), CalendarFixtures.texts(), node,
                java.time.Clock.systemUTC());
        for (int i = 0; i < 10; i++) {
            calendar.isWorkingDay(MONDAY.plusDays(i));
        }
        assertThat(node.loads).isEqualTo(1);
    }

    @Test
    void withinTheRefreshIntervalTheCacheHoldsUntilDroppedAfterALocalEdit() {
        OtherNode node = new OtherNode();
        CalendarService calendar = new CalendarService(refresh(Duration.ofHours(1)), CalendarFixtures.texts(), node,
                java.time.Clock.systemUTC());
        assertThat(calendar.isWorkingDay(MONDAY)).isTrue();
        node.edit(schedule(2031, Holiday.NATIONAL_DAY, "Thử nghiệm", off("2031-06-02")));
        assertThat(calendar.isWorkingDay(MONDAY)).isTrue();
        calendar.invalidate();
        assertThat(calendar.isWorkingDay(MONDAY)).isFalse();
    }

    @Test
    void theDeadlineOfASubmissionNowUsesTheClock() {
        Clock clock = Clock.fixed(Instant.parse("2031-04-29T03:00:00Z"), CalendarProperties.defaults().zoneId());
        CalendarService calendar = new CalendarService(CalendarProperties.defaults(), CalendarFixtures.texts(),
                ScheduleSource.of(List.of()), clock);
        Deadline d = calendar.deadlineIfReceivedNow(ProcessingTime.workingDays(3), Channel.ONLINE);
        assertThat(d.dueAt()).isEqualTo("2031-05-06T10:00+07:00");
        assertThat(calendar.describe(d.dueAt(), java.util.Locale.forLanguageTag("vi")))
                .isEqualTo("10:00 thứ Ba 06/05/2031");
        assertThat(calendar.expectedDue(ProcessingTime.workingDays(3), Channel.COUNTER, java.util.Locale.ENGLISH))
                .isEqualTo("10:00 Tuesday 06/05/2031");
    }
}
