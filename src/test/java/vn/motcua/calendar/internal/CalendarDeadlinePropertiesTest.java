package vn.motcua.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.motcua.calendar.Deadline;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.TimeUnit;
import vn.motcua.platform.Channel;

/**
 * Property tests of the deadline arithmetic: seeded random loops (the seed is in every failure message; run
 * again with {@code -Dcalendar.seed=...}), on the default calendar and on one with announced schedules.
 */
class CalendarDeadlinePropertiesTest {

    private static final int CASES = 3_000;
    private final CalendarService plain = CalendarFixtures.calendar();
    private final CalendarService announced = CalendarFixtures.calendar(CalendarFixtures.schedules2025());

    private static long seed() {
        String fixed = System.getProperty("calendar.seed");
        return fixed != null ? Long.parseLong(fixed) : System.nanoTime();
    }

    /** A moment in 2024–2034, on a minute, sometimes with seconds. */
    private static OffsetDateTime moment(Random r) {
        LocalDate day = LocalDate.of(2024, 1, 1).plusDays(r.nextInt(11 * 365));
        LocalTime time = LocalTime.of(r.nextInt(24), r.nextInt(60), r.nextInt(8) == 0 ? r.nextInt(60) : 0);
        return LocalDateTime.of(day, time).atOffset(CalendarFixtures.VN);
    }

    private static ProcessingTime time(Random r) {
        TimeUnit unit = TimeUnit.values()[r.nextInt(TimeUnit.values().length)];
        BigDecimal amount = switch (unit) {
            case WORKING_DAYS -> BigDecimal.valueOf(r.nextInt(121)).divide(BigDecimal.valueOf(2)); // 0..60, halves
            case WORKING_HOURS -> BigDecimal.valueOf(r.nextInt(801)).divide(BigDecimal.valueOf(4)); // 0..200, quarters
            case DAYS -> BigDecimal.valueOf(r.nextInt(91));
            case SAME_DAY -> BigDecimal.ZERO;
        };
        return new ProcessingTime(amount, unit);
    }

    private CalendarService pick(Random r) {
        return r.nextBoolean() ? plain : announced;
    }

    @Test
    void theDueMomentGrowsWithTheAmount() {
        long seed = seed();
        Random r = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            CalendarService calendar = pick(r);
            OffsetDateTime received = moment(r);
            Channel channel = Channel.values()[r.nextInt(3)];
            ProcessingTime a = time(r);
            if (a.unit() == TimeUnit.SAME_DAY) {
                continue;
            }
            ProcessingTime b = new ProcessingTime(a.amount().add(BigDecimal.valueOf(r.nextInt(20))
                    .divide(BigDecimal.valueOf(4))), a.unit());
            Deadline da = calendar.deadline(received, a, channel);
            Deadline db = calendar.deadline(received, b, channel);
            assertThat(db.dueAt()).as("seed %d: %s %s vs %s", seed, received, a, b).isAfterOrEqualTo(da.dueAt());
            assertThat(da.dueAt()).as("seed %d: %s %s", seed, received, a).isAfterOrEqualTo(da.startsAt());
            assertThat(da.startsAt()).as("seed %d: %s", seed, received).isAfterOrEqualTo(received);
        }
    }

    @Test
    void theDueMomentIsInOfficeHoursOfAWorkingDayOrAtTheEndOfASession() {
        long seed = seed();
        Random r = new Random(seed);
        OfficeHours hours = plain.officeHours();
        for (int i = 0; i < CASES; i++) {
            CalendarService calendar = pick(r);
            OffsetDateTime received = moment(r);
            ProcessingTime t = time(r);
            Deadline d = calendar.deadline(received, t, Channel.values()[r.nextInt(3)]);
            LocalDateTime due = d.dueAt().atZoneSameInstant(calendar.zone()).toLocalDateTime();
            LocalDateTime start = d.startsAt().atZoneSameInstant(calendar.zone()).toLocalDateTime();
            String why = "seed " + seed + ": " + received + " + " + t + " → " + d;
            assertThat(d.dueAt().getOffset()).as(why).isEqualTo(CalendarFixtures.VN);
            assertThat(calendar.isWorkingDay(due.toLocalDate())).as(why).isTrue();
            assertThat(hours.inside(due.toLocalTime()) || hours.isSessionEnd(due.toLocalTime())).as(why).isTrue();
            assertThat(calendar.isWorkingDay(start.toLocalDate())).as(why).isTrue();
            assertThat(hours.inside(start.toLocalTime())).as(why).isTrue();
            if (t.unit() == TimeUnit.DAYS || t.unit() == TimeUnit.SAME_DAY) {
                assertThat(due.toLocalTime()).as(why).isEqualTo(hours.closing());
            }
        }
    }

    @Test
    void workingDaysAreEightWorkingHoursEach() {
        long seed = seed();
        Random r = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            CalendarService calendar = pick(r);
            OffsetDateTime received = moment(r);
            int n = r.nextInt(40);
            Deadline days = calendar.deadline(received, ProcessingTime.workingDays(n), Channel.COUNTER);
            Deadline hours = calendar.deadline(received, ProcessingTime.workingHours(8L * n), Channel.COUNTER);
            assertThat(days).as("seed %d: %s + %d", seed, received, n).isEqualTo(hours);
            assertThat(calendar.workingMinutesBetween(days.startsAt(), days.dueAt()))
                    .as("seed %d: %s + %d", seed, received, n).isEqualTo(480L * n);
        }
    }

    @Test
    void addingAndMeasuringWorkingMinutesAreInverse() {
        long seed = seed();
        Random r = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            CalendarService calendar = pick(r);
            OffsetDateTime start = moment(r);
            long a = r.nextInt(30_000);
            long b = r.nextInt(3_000);
            OffsetDateTime end = calendar.addWorkingMinutes(start, a);
            String why = "seed " + seed + ": " + start + " + " + a;
            assertThat(calendar.workingMinutesBetween(start, end)).as(why).isEqualTo(a);
            assertThat(calendar.addWorkingMinutes(end, b)).as(why + " + " + b)
                    .isEqualTo(calendar.addWorkingMinutes(start, a + b));
            OffsetDateTime other = moment(r);
            if (other.isAfter(start)) {
                long between = calendar.workingMinutesBetween(start, other);
                OffsetDateTime back = calendar.addWorkingMinutes(start, between);
                assertThat(calendar.workingMinutesBetween(start, back)).as(why + " to " + other).isEqualTo(between);
                assertThat(calendar.workingMinutesBetween(back, other)).as(why + " to " + other).isZero();
                if (between > 0) {
                    assertThat(back).as(why + " to " + other).isBeforeOrEqualTo(other);
                }
            }
        }
    }

    @Test
    void elapsedPlusRemainingIsTheWholeProcessingTime() {
        long seed = seed();
        Random r = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            CalendarService calendar = pick(r);
            OffsetDateTime received = moment(r).withSecond(0);
            int n = 1 + r.nextInt(30);
            Deadline d = calendar.deadline(received, ProcessingTime.workingDays(n), Channel.values()[r.nextInt(3)]);
            long total = 480L * n;
            // a pause somewhere between the start and the due moment, on a minute
            long minutes = java.time.Duration.between(d.startsAt(), d.dueAt()).toMinutes();
            OffsetDateTime paused = d.startsAt().withSecond(0).plusMinutes((long) (r.nextDouble() * minutes));
            long elapsed = calendar.workingMinutesBetween(d.startsAt(), paused);
            long remaining = calendar.remainingWorkingMinutes(paused, d.dueAt());
            String why = "seed " + seed + ": " + d + " paused " + paused;
            assertThat(elapsed + remaining).as(why).isEqualTo(total);
            // resumed later: the new due moment is the remaining time after the resumption
            OffsetDateTime resumed = calendar.clockStart(paused.plusDays(r.nextInt(20)), Channel.COUNTER);
            OffsetDateTime newDue = calendar.addWorkingMinutes(resumed, remaining);
            assertThat(calendar.workingMinutesBetween(resumed, newDue)).as(why).isEqualTo(remaining);
            assertThat(newDue).as(why).isAfterOrEqualTo(d.dueAt());
            // overdue: remaining is the negative of the working time since the due moment
            OffsetDateTime late = d.dueAt().plusMinutes(r.nextInt(5000));
            assertThat(calendar.remainingWorkingMinutes(late, d.dueAt())).as(why)
                    .isEqualTo(-calendar.workingMinutesBetween(d.dueAt(), late));
        }
    }
}
