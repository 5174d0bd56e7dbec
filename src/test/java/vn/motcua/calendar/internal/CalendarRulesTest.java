package vn.motcua.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.calendar.internal.CalendarFixtures.at;
import static vn.motcua.calendar.internal.CalendarFixtures.calendar;
import static vn.motcua.calendar.internal.CalendarFixtures.compensatory;
import static vn.motcua.calendar.internal.CalendarFixtures.off;
import static vn.motcua.calendar.internal.CalendarFixtures.schedule;
import static vn.motcua.calendar.internal.CalendarFixtures.swapped;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.calendar.CalendarDay;
import vn.motcua.calendar.DayKind;
import vn.motcua.calendar.Deadline;
import vn.motcua.calendar.Holiday;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.TimeUnit;
import vn.motcua.platform.Channel;

/** Example tests for each numbered rule of issue 3 (rule 1, the lunar calendar, is LunarCalendarTest). */
class CalendarRulesTest {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private static Map<LocalDate, DayKind> kinds(CalendarService calendar, String from, String to) {
        return calendar.days(LocalDate.parse(from), LocalDate.parse(to)).stream()
                .collect(Collectors.toMap(CalendarDay::date, CalendarDay::kind));
    }

    private static List<LocalDate> ofKind(CalendarService calendar, int year, DayKind kind) {
        return calendar.days(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .filter(d -> d.kind() == kind).map(CalendarDay::date).toList();
    }

    private static List<LocalDate> dates(String... dates) {
        return java.util.Arrays.stream(dates).map(LocalDate::parse).toList();
    }

    @Nested
    class Rule2Week {

        @Test
        void mondayToFridayAreWorkedSaturdayAndSundayAreNot() {
            CalendarService calendar = calendar();
            LocalDate monday = LocalDate.of(2031, 5, 5);
            for (int i = 0; i < 5; i++) {
                assertThat(calendar.isWorkingDay(monday.plusDays(i))).as("%s", monday.plusDays(i)).isTrue();
            }
            assertThat(calendar.isWorkingDay(LocalDate.of(2031, 5, 10))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(2031, 5, 11))).isFalse();
            List<CalendarDay> week = calendar.days(monday, monday.plusDays(6));
            assertThat(week).containsExactly(
                    new CalendarDay(LocalDate.of(2031, 5, 10), DayKind.WEEKEND, "Thứ Bảy",
                            "Nghỉ hằng tuần (Quyết định 188/1999/QĐ-TTg)"),
                    new CalendarDay(LocalDate.of(2031, 5, 11), DayKind.WEEKEND, "Chủ nhật",
                            "Nghỉ hằng tuần (Quyết định 188/1999/QĐ-TTg)"));
            assertThat(calendar.days(monday, monday.plusDays(6), Locale.ENGLISH).getFirst().name()).isEqualTo("Saturday");
        }

        @Test
        void aSwappedSaturdayIsAWorkingDay() {
            CalendarService calendar = calendar(CalendarFixtures.schedules2025());
            LocalDate saturday = LocalDate.of(2025, 4, 26);
            assertThat(calendar.isWorkingDay(saturday)).isTrue();
            assertThat(calendar.days(saturday, saturday)).singleElement()
                    .satisfies(d -> {
                        assertThat(d.kind()).isEqualTo(DayKind.SWAPPED_WORKDAY);
                        assertThat(d.name()).contains("Ngày Chiến thắng");
                        assertThat(d.source()).isEqualTo("test notice 2025");
                    });
            assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 2))).isFalse();
            assertThat(calendar.nextWorkingDay(LocalDate.of(2025, 4, 25))).isEqualTo(saturday);
        }

        @Test
        void theWeekendIsConfigurable() {
            CalendarProperties sundayOnly = new CalendarProperties(null, null, null, null, EnumSet.of(DayOfWeek.SUNDAY),
                    null, null, null, null, null);
            CalendarService calendar = calendar(sundayOnly);
            assertThat(calendar.isWorkingDay(LocalDate.of(2031, 5, 10))).isTrue();
            assertThat(calendar.isWorkingDay(LocalDate.of(2031, 5, 11))).isFalse();
        }
    }

    @Nested
    class Rule3DefaultHolidays {

        @Test
        void aYearWithoutSchedulesGetsTheElevenDaysOfArticle112() {
            CalendarService calendar = calendar();
            // 2031: Tết 23/01 (Thursday), Giỗ Tổ 01/04
            assertThat(ofKind(calendar, 2031, DayKind.HOLIDAY)).isEqualTo(dates("2031-01-01", "2031-01-22",
                    "2031-01-23", "2031-01-24", "2031-01-25", "2031-01-26", "2031-04-01", "2031-04-30", "2031-05-01",
                    "2031-09-02", "2031-09-03"));
            // Tết's Saturday 25/01 and Sunday 26/01 give Monday 27 and Tuesday 28
            assertThat(ofKind(calendar, 2031, DayKind.COMPENSATORY)).isEqualTo(dates("2031-01-27", "2031-01-28"));
            assertThat(ofKind(calendar, 2031, DayKind.SWAPPED_WORKDAY)).isEmpty();
        }

        @Test
        void tetIsTheLastDayOfTheLunarYearAndTheFirstFourDaysOfTheNext() {
            List<CalendarDay> tet = calendar().days(LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 9));
            assertThat(tet).extracting(CalendarDay::kind).containsOnly(DayKind.HOLIDAY);
            assertThat(tet).extracting(CalendarDay::name).containsExactly(
                    "Tết Âm lịch Đinh Mùi (ngày 29/12 âm lịch)", "Tết Âm lịch Đinh Mùi (ngày 1/1 âm lịch)",
                    "Tết Âm lịch Đinh Mùi (ngày 2/1 âm lịch)", "Tết Âm lịch Đinh Mùi (ngày 3/1 âm lịch)",
                    "Tết Âm lịch Đinh Mùi (ngày 4/1 âm lịch)");
            assertThat(tet.getFirst().source()).isEqualTo("Bộ luật Lao động 2019, Điều 112");
        }

        @Test
        void hungKingsDayIsLunarTenthOfTheThirdMonth() {
            assertThat(calendar().days(LocalDate.of(2032, 4, 19), LocalDate.of(2032, 4, 19))).singleElement()
                    .satisfies(d -> assertThat(d.name()).isEqualTo("Giỗ Tổ Hùng Vương (10/3 âm lịch)"));
        }

        @Test
        void compensatoryDaysFollowOnTheNextFreeWeekdayInDateOrder() {
            CalendarService calendar = calendar();
            // 2028: 1/1 Saturday; Tết 25–29/01 ends on Saturday; 30/4 Sunday (1/5 Monday is itself a holiday);
            // 2/9 Saturday and 3/9 Sunday
            assertThat(ofKind(calendar, 2028, DayKind.COMPENSATORY)).isEqualTo(dates("2028-01-03", "2028-01-31",
                    "2028-05-02", "2028-09-04", "2028-09-05"));
            // 2033: 1/1 Saturday; Tết eve 30/01 Sunday; Giỗ Tổ 9/4 Saturday; 30/4 Saturday and 1/5 Sunday;
            // 3/9 Saturday
            assertThat(ofKind(calendar, 2033, DayKind.COMPENSATORY)).isEqualTo(dates("2033-01-03", "2033-02-04",
                    "2033-04-11", "2033-05-02", "2033-05-03", "2033-09-05"));
            CalendarDay monday = calendar.days(LocalDate.of(2028, 9, 4), LocalDate.of(2028, 9, 4)).getFirst();
            assertThat(monday.name()).isEqualTo("Nghỉ bù Quốc khánh (2/9), rơi vào thứ Bảy 02/09/2028");
            assertThat(monday.source()).isEqualTo("Bộ luật Lao động 2019, Điều 111 khoản 3");
            // the default Tết of 2024 (10/02 Saturday): 9–13/02, then 14 and 15/02 in lieu of 10 and 11
            assertThat(ofKind(calendar, 2024, DayKind.COMPENSATORY)).startsWith(LocalDate.of(2024, 2, 14),
                    LocalDate.of(2024, 2, 15));
        }

        @Test
        void theDefaultsAreConfigurable() {
            CalendarProperties other = new CalendarProperties(null, null, null, null, null, false, 2, 2, -1, null);
            CalendarService calendar = calendar(other);
            assertThat(ofKind(calendar, 2027, DayKind.HOLIDAY)).contains(LocalDate.of(2027, 2, 4))
                    .doesNotContain(LocalDate.of(2027, 2, 9));
            assertThat(ofKind(calendar, 2031, DayKind.HOLIDAY)).contains(LocalDate.of(2031, 9, 1))
                    .doesNotContain(LocalDate.of(2031, 9, 3));
            assertThat(ofKind(calendar, 2028, DayKind.COMPENSATORY)).isEmpty();
        }
    }

    @Nested
    class Rule4ConfiguredSchedules {

        @Test
        void aScheduleReplacesTheDefaultOfItsHolidayInItsYear() {
            CalendarService calendar = calendar(CalendarFixtures.schedules2025());
            Map<LocalDate, DayKind> kinds = kinds(calendar, "2025-01-01", "2025-12-31");
            assertThat(kinds.get(LocalDate.of(2025, 1, 27))).isEqualTo(DayKind.HOLIDAY);
            assertThat(kinds.get(LocalDate.of(2025, 4, 26))).isEqualTo(DayKind.SWAPPED_WORKDAY);
            assertThat(kinds.get(LocalDate.of(2025, 5, 2))).isEqualTo(DayKind.HOLIDAY);
            // National Day 2025 as announced: 1–2/9, not the default 2–3/9
            assertThat(kinds.get(LocalDate.of(2025, 9, 1))).isEqualTo(DayKind.HOLIDAY);
            assertThat(kinds).doesNotContainKey(LocalDate.of(2025, 9, 3));
            assertThat(calendar.days(LocalDate.of(2025, 1, 27), LocalDate.of(2025, 1, 27)).getFirst().source())
                    .isEqualTo("test notice 2025");
        }

        @Test
        void aHolidayWithoutScheduleKeepsTheDefault() {
            // National Day 2026 is unconfirmed in the demo data: the default 2/9 and 3/9 hold
            CalendarService calendar = calendar(schedule(2026, Holiday.TET, "Tết Âm lịch Bính Ngọ", off("2026-02-16"),
                    off("2026-02-17"), off("2026-02-18"), off("2026-02-19"), off("2026-02-20")));
            assertThat(ofKind(calendar, 2026, DayKind.HOLIDAY)).contains(LocalDate.of(2026, 9, 2),
                    LocalDate.of(2026, 9, 3), LocalDate.of(2026, 2, 16));
        }

        @Test
        void aScheduleDropsTheDefaultCompensatoryDaysOfItsHoliday() {
            // default Tết 2027: 5–9/02 with 10 and 11/02 in lieu of the weekend; the announced one differs
            CalendarService calendar = calendar(schedule(2027, Holiday.TET, "Tết Âm lịch Đinh Mùi", off("2027-02-03"),
                    off("2027-02-04"), off("2027-02-05"), off("2027-02-08"), off("2027-02-09"), compensatory("2027-02-10"),
                    swapped("2027-02-20")));
            assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 3))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 10))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 11))).isTrue();
            assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 20))).isTrue();
            assertThat(kinds(calendar, "2027-02-10", "2027-02-10").get(LocalDate.of(2027, 2, 10)))
                    .isEqualTo(DayKind.COMPENSATORY);
            // other holidays of 2027 keep their defaults
            assertThat(calendar.isWorkingDay(LocalDate.of(2027, 4, 16))).isFalse();
        }

        @Test
        void aNewYearScheduleMayStartInTheLastDaysOfDecember() {
            CalendarService calendar = calendar(schedule(2019, Holiday.NEW_YEAR, "Tết Dương lịch 2019",
                    off("2018-12-31"), off("2019-01-01"), swapped("2019-01-05")));
            assertThat(calendar.isWorkingDay(LocalDate.of(2018, 12, 31))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(2019, 1, 5))).isTrue();
        }

        @Test
        void aStatutoryDateOnAWeekendIsListedAsAHoliday() {
            // Giỗ Tổ 2026 fell on Sunday 26/04; the schedule lists only the compensatory Monday
            CalendarService calendar = calendar(schedule(2026, Holiday.HUNG_KINGS, "Giỗ Tổ Hùng Vương",
                    compensatory("2026-04-27")));
            Map<LocalDate, DayKind> kinds = kinds(calendar, "2026-04-25", "2026-04-27");
            assertThat(kinds).containsEntry(LocalDate.of(2026, 4, 25), DayKind.WEEKEND)
                    .containsEntry(LocalDate.of(2026, 4, 26), DayKind.HOLIDAY)
                    .containsEntry(LocalDate.of(2026, 4, 27), DayKind.COMPENSATORY);
        }
    }

    @Nested
    class Rule5OfficeHours {

        @Test
        void eightWorkingHoursInTwoSessionsInVietnamTime() {
            CalendarService calendar = calendar();
            assertThat(calendar.workingMinutesPerDay()).isEqualTo(480);
            assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
            assertThat(calendar.officeHours().sessions()).extracting(Object::toString)
                    .containsExactly("07:00–11:30", "13:30–17:00");
        }

        @Test
        void officeHoursAreConfigurable() {
            CalendarProperties other = new CalendarProperties(null, List.of("07:30-11:30", "13:00-16:30"), null, null,
                    null, null, null, null, null, null);
            CalendarService calendar = calendar(other);
            assertThat(calendar.workingMinutesPerDay()).isEqualTo(450);
            assertThat(calendar.deadline(at("2031-05-05T07:00"), ProcessingTime.workingDays(1), Channel.COUNTER)
                    .dueAt()).isEqualTo(at("2031-05-05T16:30"));
        }
    }

    @Nested
    class Rule6StartOfTheClock {

        @ParameterizedTest(name = "received {0} → clock starts {1}")
        @CsvSource({
            "2031-04-29T10:00, 2031-04-29T10:00",
            "2031-04-29T06:59, 2031-04-29T07:00",
            "2031-04-29T07:00, 2031-04-29T07:00",
            "2031-04-29T11:29, 2031-04-29T11:29",
            "2031-04-29T11:30, 2031-04-29T13:30",
            "2031-04-29T12:15, 2031-04-29T13:30",
            "2031-04-29T13:30, 2031-04-29T13:30",
            "2031-04-29T15:00, 2031-04-29T15:00",
            "2031-04-29T15:00:01, 2031-05-02T07:00",
            "2031-04-29T16:45, 2031-05-02T07:00",
            "2031-04-29T18:00, 2031-05-02T07:00",
            "2031-04-30T09:00, 2031-05-02T07:00",
            "2031-05-03T09:00, 2031-05-05T07:00",
            "2031-05-02T03:00, 2031-05-02T07:00",
        })
        void clockStart(String received, String expected) {
            assertThat(calendar().clockStart(at(received), Channel.COUNTER)).isEqualTo(at(expected));
        }

        @Test
        void theSameRuleForEveryChannelByDefaultAndAnyOffsetIsConverted() {
            CalendarService calendar = calendar();
            for (Channel c : Channel.values()) {
                assertThat(calendar.clockStart(at("2031-04-29T15:30"), c)).isEqualTo(at("2031-05-02T07:00"));
            }
            OffsetDateTime utc = OffsetDateTime.of(2031, 4, 29, 3, 0, 0, 0, ZoneOffset.UTC);
            OffsetDateTime start = calendar.clockStart(utc, Channel.ONLINE);
            assertThat(start).isEqualTo(at("2031-04-29T10:00"));
            assertThat(start.getOffset()).isEqualTo(ZoneOffset.ofHours(7));
        }

        @Test
        void theCutOffIsConfigurablePerChannel() {
            CalendarProperties online = new CalendarProperties(null, null, null, Map.of(Channel.ONLINE, "16:00"), null,
                    null, null, null, null, null);
            CalendarService calendar = calendar(online);
            assertThat(calendar.clockStart(at("2031-05-05T15:30"), Channel.ONLINE)).isEqualTo(at("2031-05-05T15:30"));
            assertThat(calendar.clockStart(at("2031-05-05T15:30"), Channel.COUNTER)).isEqualTo(at("2031-05-06T07:00"));
        }
    }

    @Nested
    class Rule7DueMoment {

        @ParameterizedTest(name = "{0} + {1} {2} → due {3}")
        @CsvSource({
            "2031-04-29T10:00, 3, WORKING_DAYS, 2031-05-06T10:00",
            "2031-04-29T15:30, 0, SAME_DAY, 2031-05-02T17:00",
            "2031-04-29T15:00, 0, SAME_DAY, 2031-04-29T17:00",
            "2031-04-29T10:00, 0, WORKING_DAYS, 2031-04-29T10:00",
            "2031-05-05T07:00, 1, WORKING_DAYS, 2031-05-05T17:00",
            "2031-05-05T07:00, 0.5, WORKING_DAYS, 2031-05-05T11:00",
            "2031-05-05T07:00, 4.5, WORKING_HOURS, 2031-05-05T11:30",
            "2031-05-05T07:00, 4.75, WORKING_HOURS, 2031-05-05T13:45",
            "2031-05-05T11:00, 1, WORKING_HOURS, 2031-05-05T14:00",
            "2031-05-05T12:00, 1, WORKING_DAYS, 2031-05-06T11:30",
            "2031-05-09T16:00, 2, WORKING_HOURS, 2031-05-12T09:00",
            "2031-05-09T14:00, 4, WORKING_HOURS, 2031-05-12T08:00",
            "2031-04-29T10:00, 1, DAYS, 2031-05-02T17:00",
            "2031-04-29T10:00, 4, DAYS, 2031-05-05T17:00",
            "2031-04-29T10:00, 7, DAYS, 2031-05-06T17:00",
            "2031-04-29T16:00, 7, DAYS, 2031-05-09T17:00",
            "2031-04-29T10:00, 0, DAYS, 2031-04-29T17:00",
            "2031-01-20T09:00, 5, WORKING_DAYS, 2031-02-03T09:00",
        })
        void dueMoment(String received, String amount, TimeUnit unit, String due) {
            Deadline d = calendar().deadline(at(received), new ProcessingTime(new BigDecimal(amount), unit),
                    Channel.COUNTER);
            assertThat(d.dueAt()).isEqualTo(at(due));
            assertThat(d.dueAt().getOffset()).isEqualTo(ZoneOffset.ofHours(7));
        }

        @Test
        void swappedSaturdaysCountAndAnnouncedDaysOffDoNot() {
            CalendarService calendar = calendar(CalendarFixtures.schedules2025());
            assertThat(calendar.deadline(at("2025-04-25T10:00"), ProcessingTime.workingDays(1), Channel.COUNTER).dueAt())
                    .isEqualTo(at("2025-04-26T10:00"));
            assertThat(calendar.deadline(at("2025-04-29T10:00"), ProcessingTime.workingDays(2), Channel.COUNTER).dueAt())
                    .isEqualTo(at("2025-05-06T10:00"));
        }

        @Test
        void theExplanationListsEveryStep() {
            List<String> steps = calendar().explain(at("2031-04-29T15:30"), ProcessingTime.workingDays(3),
                    Channel.COUNTER, VI);
            assertThat(steps).containsExactly(
                    "Thời điểm tiếp nhận: 15:30 thứ Ba 29/04/2031.",
                    "Tiếp nhận sau 15:00: thời hạn tính từ đầu ngày làm việc tiếp theo, 07:00 thứ Sáu 02/05/2031.",
                    "Thời hạn 3 ngày làm việc = 24 giờ làm việc (mỗi ngày 8 giờ: 07:00–11:30, 13:30–17:00).",
                    "Không tính các ngày nghỉ: 03/05/2031 (Thứ Bảy), 04/05/2031 (Chủ nhật).",
                    "Hạn trả kết quả: 17:00 thứ Ba 06/05/2031.");
            List<String> english = calendar().explain(at("2031-04-30T08:00"), ProcessingTime.days(1), Channel.ONLINE,
                    Locale.ENGLISH);
            assertThat(english.get(1)).isEqualTo("Wednesday 30/04/2031 is not a working day (Reunification Day (30 April)):"
                    + " the clock starts at 07:00 Friday 02/05/2031.");
            assertThat(english.getLast()).isEqualTo("Due: 17:00 Monday 05/05/2031.");
            List<String> days = calendar().explain(at("2031-04-29T10:00"), ProcessingTime.days(4), Channel.COUNTER, VI);
            assertThat(days).containsExactly(
                    "Thời điểm tiếp nhận: 10:00 thứ Ba 29/04/2031.",
                    "Tiếp nhận trong giờ làm việc, không sau 15:00: thời hạn tính ngay từ lúc tiếp nhận"
                            + " (10:00 thứ Ba 29/04/2031).",
                    "Thời hạn 4 ngày, tính cả ngày nghỉ: đến hết giờ làm việc thứ Bảy 03/05/2031.",
                    "Thứ Bảy 03/05/2031 không phải ngày làm việc (Thứ Bảy) nên hạn chuyển sang cuối ngày làm việc"
                            + " tiếp theo.",
                    "Hạn trả kết quả: 17:00 thứ Hai 05/05/2031.");
        }

        @Test
        void dueMomentsAreDescribedAsProcedurePagesPrintThem() {
            CalendarService calendar = calendar();
            OffsetDateTime due = calendar.deadline(at("2031-04-29T10:00"), ProcessingTime.workingDays(3),
                    Channel.COUNTER).dueAt();
            assertThat(calendar.describe(due, VI)).isEqualTo("10:00 thứ Ba 06/05/2031");
            assertThat(calendar.describe(due, Locale.ENGLISH)).isEqualTo("10:00 Tuesday 06/05/2031");
            assertThat(calendar.describe(due.withOffsetSameInstant(ZoneOffset.UTC), VI)).isEqualTo("10:00 thứ Ba 06/05/2031");
            assertThat(calendar.describe(at("2031-05-04T08:05"), VI)).isEqualTo("08:05 Chủ nhật 04/05/2031");
        }
    }

    @Nested
    class Rule8ClockStops {

        @Test
        void workingMinutesBetweenTwoMoments() {
            CalendarService calendar = calendar();
            assertThat(calendar.workingMinutesBetween(at("2031-04-29T10:00"), at("2031-05-02T10:00"))).isEqualTo(480);
            assertThat(calendar.workingMinutesBetween(at("2031-05-05T11:00"), at("2031-05-05T14:00"))).isEqualTo(60);
            assertThat(calendar.workingMinutesBetween(at("2031-05-05T12:00"), at("2031-05-05T13:00"))).isZero();
            assertThat(calendar.workingMinutesBetween(at("2031-05-05T14:00"), at("2031-05-05T11:00"))).isZero();
            assertThat(calendar.workingMinutesBetween(at("2031-05-09T16:00"), at("2031-05-12T08:00"))).isEqualTo(120);
        }

        @Test
        void remainingIsNegativeOnceOverdue() {
            CalendarService calendar = calendar();
            OffsetDateTime due = at("2031-05-06T10:00");
            assertThat(calendar.remainingWorkingMinutes(at("2031-04-29T10:00"), due)).isEqualTo(1440);
            assertThat(calendar.remainingWorkingMinutes(due, due)).isZero();
            assertThat(calendar.remainingWorkingMinutes(at("2031-05-06T11:00"), due)).isEqualTo(-60);
        }

        @Test
        void aPausedClockResumesWithWhatWasLeft() {
            CalendarService calendar = calendar();
            Deadline d = calendar.deadline(at("2031-04-29T10:00"), ProcessingTime.workingDays(3), Channel.COUNTER);
            OffsetDateTime paused = at("2031-05-02T10:00"); // supplement requested
            long elapsed = calendar.workingMinutesBetween(d.startsAt(), paused);
            long remaining = calendar.remainingWorkingMinutes(paused, d.dueAt());
            assertThat(elapsed).isEqualTo(480);
            assertThat(remaining).isEqualTo(960);
            OffsetDateTime resumed = calendar.clockStart(at("2031-05-09T16:00"), Channel.COUNTER);
            assertThat(calendar.addWorkingMinutes(resumed, remaining)).isEqualTo(at("2031-05-13T17:00"));
            assertThat(calendar.addWorkingTime(at("2031-05-05T07:00"), Duration.ofSeconds(90)))
                    .isEqualTo(at("2031-05-05T07:01:30"));
        }
    }
}
