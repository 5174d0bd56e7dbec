package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule 1: the lunar calendar, Hồ Ngọc Đức's method at UTC+7, against published Vietnamese calendars. */
class LunarCalendarTest {

    @ParameterizedTest(name = "Tết {0} = {1}, Giỗ Tổ = {2}, leap month {3}")
    @CsvSource({
        "2023, 2023-01-22, 2023-04-29, 2",
        "2024, 2024-02-10, 2024-04-18, 0",
        "2025, 2025-01-29, 2025-04-07, 6",
        "2026, 2026-02-17, 2026-04-26, 0",
        "2027, 2027-02-06, 2027-04-16, 0",
        "2028, 2028-01-26, 2028-04-04, 5",
        "2033, 2033-01-31, 2033-04-09, 11",
    })
    void publishedTetHungKingsAndLeapMonths(int year, LocalDate tet, LocalDate hungKings, int leapMonth) {
        assertThat(LunarCalendar.newYear(year)).isEqualTo(tet);
        assertThat(LunarCalendar.toLunar(tet)).isEqualTo(new LunarDate(1, 1, year, false));
        assertThat(LunarCalendar.toSolar(10, 3, year, false)).isEqualTo(hungKings);
        assertThat(LunarCalendar.leapMonth(year)).isEqualTo(leapMonth);
    }

    @ParameterizedTest(name = "Tết {0} = {1} at UTC+7 (China, UTC+8: {2})")
    @CsvSource({
        "1968, 1968-01-29, 1968-01-30",
        "1985, 1985-01-21, 1985-02-20",
        "2007, 2007-02-17, 2007-02-18",
    })
    void vietnamAndChinaDifferWhereTheTimeZoneMatters(int year, LocalDate vietnam, LocalDate china) {
        assertThat(LunarCalendar.newYear(year)).isEqualTo(vietnam).isNotEqualTo(china);
        assertThat(LunarCalendar.toLunar(vietnam)).isEqualTo(new LunarDate(1, 1, year, false));
    }

    @Test
    void theContractExamples() {
        assertThat(LunarCalendar.toLunar(LocalDate.of(2025, 1, 29))).isEqualTo(new LunarDate(1, 1, 2025, false));
        assertThat(LunarCalendar.toSolar(10, 3, 2026, false)).isEqualTo(LocalDate.of(2026, 4, 26));
        assertThat(LunarCalendar.newYear(1985)).isEqualTo(LocalDate.of(1985, 1, 21));
    }

    @Test
    void theEveOfTetIsTheLastDayOfTheTwelfthMonth() {
        // holidays-vn.json: 28/01/2025 = 29 tháng Chạp (a 29-day month); 16/02/2026 = 29 tháng Chạp
        assertThat(LunarCalendar.toLunar(LocalDate.of(2025, 1, 28))).isEqualTo(new LunarDate(29, 12, 2024, false));
        assertThat(LunarCalendar.monthLength(12, 2024, false)).isEqualTo(29);
        assertThat(LunarCalendar.lastDayOfYear(2025)).isEqualTo(LocalDate.of(2026, 2, 16));
        assertThat(LunarCalendar.toLunar(LocalDate.of(2026, 2, 14))).isEqualTo(new LunarDate(27, 12, 2025, false));
        assertThat(LunarCalendar.lastDayOfYear(2022)).isEqualTo(LocalDate.of(2023, 1, 21));
        assertThat(LunarCalendar.monthLength(12, 2022, false)).isEqualTo(30);
    }

    @Test
    void leapMonthsCarryTheLeapFlag() {
        // 2025 repeats the 6th month: 6/2025 starts 25/06, leap 6 starts 25/07
        assertThat(LunarCalendar.toLunar(LocalDate.of(2025, 6, 25))).isEqualTo(new LunarDate(1, 6, 2025, false));
        assertThat(LunarCalendar.toLunar(LocalDate.of(2025, 7, 25))).isEqualTo(new LunarDate(1, 6, 2025, true));
        assertThat(LunarCalendar.toSolar(1, 6, 2025, true)).isEqualTo(LocalDate.of(2025, 7, 25));
        // 2033: leap 11th month, which belongs to lunar year 2033 although it starts in solar 2033/2034
        LocalDate leap11 = LunarCalendar.toSolar(1, 11, 2033, true);
        assertThat(LunarCalendar.toLunar(leap11)).isEqualTo(new LunarDate(1, 11, 2033, true));
        assertThat(LunarCalendar.toSolar(1, 11, 2033, false)).isBefore(leap11);
        assertThat(LunarCalendar.toSolar(1, 12, 2033, false)).isAfter(leap11);
    }

    @Test
    void impossibleDatesAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> LunarCalendar.toSolar(30, 12, 2024, false))
                .isInstanceOfSatisfying(InvalidLunarDateException.class, e -> {
                    assertThat(e.reason()).isEqualTo(InvalidLunarDateException.Reason.DAY_TOO_LARGE);
                    assertThat(e.monthLength()).isEqualTo(29);
                });
        assertThatThrownBy(() -> LunarCalendar.toSolar(1, 3, 2026, true))
                .isInstanceOfSatisfying(InvalidLunarDateException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidLunarDateException.Reason.NO_LEAP_MONTH));
        assertThatThrownBy(() -> LunarCalendar.toSolar(1, 2, 2025, true))
                .isInstanceOfSatisfying(InvalidLunarDateException.class, e -> {
                    assertThat(e.reason()).isEqualTo(InvalidLunarDateException.Reason.OTHER_LEAP_MONTH);
                    assertThat(e.leapMonth()).isEqualTo(6);
                });
        assertThatThrownBy(() -> LunarCalendar.toSolar(1, 13, 2025, false))
                .isInstanceOfSatisfying(InvalidLunarDateException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidLunarDateException.Reason.MONTH_OUT_OF_RANGE));
        assertThatThrownBy(() -> LunarCalendar.toSolar(31, 1, 2025, false))
                .isInstanceOfSatisfying(InvalidLunarDateException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidLunarDateException.Reason.DAY_OUT_OF_RANGE));
        assertThatThrownBy(() -> LunarCalendar.toSolar(1, 1, 2500, false))
                .isInstanceOfSatisfying(InvalidLunarDateException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidLunarDateException.Reason.YEAR_OUT_OF_RANGE));
    }

    @Test
    void yearNamesFollowTheSexagenaryCycle() {
        assertThat(LunarCalendar.yearName(2025)).isEqualTo("Ất Tỵ");
        assertThat(LunarCalendar.yearName(2026)).isEqualTo("Bính Ngọ");
        assertThat(LunarCalendar.yearName(2024)).isEqualTo("Giáp Thìn");
        assertThat(LunarCalendar.yearName(2023)).isEqualTo("Quý Mão");
    }

    /** Property: solar → lunar → solar is the identity for every day of 1900-01-31..2100-12-31. */
    @Test
    void roundTripOverEveryDayOfTwoCenturies() {
        LocalDate end = LocalDate.of(2100, 12, 31);
        LunarDate previous = null;
        for (LocalDate d = LocalDate.of(1900, 1, 31); !d.isAfter(end); d = d.plusDays(1)) {
            LunarDate lunar = LunarCalendar.toLunar(d);
            LocalDate back = LunarCalendar.toSolar(lunar);
            if (!back.equals(d)) {
                throw new AssertionError(d + " → " + lunar + " → " + back);
            }
            if (previous != null && lunar.day() != previous.day() + 1) {
                // a new month: the previous one had 29 or 30 days and this one starts at 1
                if (lunar.day() != 1 || previous.day() < 29) {
                    throw new AssertionError("month break at " + d + ": " + previous + " → " + lunar);
                }
            }
            previous = lunar;
        }
        assertThat(LunarCalendar.toLunar(LocalDate.of(1900, 1, 31))).isEqualTo(new LunarDate(1, 1, 1900, false));
    }

    /** Property: every month has 29 or 30 days, a year has 12 months plus at most one leap month, in 1900–2100. */
    @Test
    void monthLengthsAndYearLengths() {
        for (int year = 1900; year <= 2100; year++) {
            int leap = LunarCalendar.leapMonth(year);
            int days = 0;
            for (int month = 1; month <= 12; month++) {
                int length = LunarCalendar.monthLength(month, year, false);
                assertThat(length).as("%d/%d", month, year).isBetween(29, 30);
                days += length;
                if (month == leap) {
                    int leapLength = LunarCalendar.monthLength(month, year, true);
                    assertThat(leapLength).as("leap %d/%d", month, year).isBetween(29, 30);
                    days += leapLength;
                }
            }
            long span = LunarCalendar.newYear(year + 1).toEpochDay() - LunarCalendar.newYear(year).toEpochDay();
            assertThat(days).as("days of lunar year %d", year).isEqualTo((int) span);
            assertThat(span).as("length of lunar year %d", year).isIn(353L, 354L, 355L, 383L, 384L, 385L);
            assertThat(leap == 0).as("12 months iff not leap, %d", year).isEqualTo(span < 360);
        }
    }

    /** Property (seeded random): lunar → solar → lunar is the identity for every valid lunar date. */
    @Test
    void randomLunarDatesRoundTrip() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int n = 0; n < 20_000; n++) {
            int year = 1901 + random.nextInt(199);
            int month = 1 + random.nextInt(12);
            boolean leap = random.nextInt(10) == 0 && LunarCalendar.leapMonth(year) == month;
            int day = 1 + random.nextInt(LunarCalendar.monthLength(month, year, leap));
            LunarDate lunar = new LunarDate(day, month, year, leap);
            assertThat(LunarCalendar.toLunar(LunarCalendar.toSolar(lunar))).as("seed %d: %s", seed, lunar)
                    .isEqualTo(lunar);
        }
    }

    @Test
    void theLastLunarMonthsBeyondTheSolarRangeAreRefusedNotReturnedUnreadable() {
        // Jazzer (LunarCalendarFuzzTest): lunar 2199's last months fall in solar 2200, which toLunar does not compute
        int refused = 0;
        for (int month = 1; month <= 12; month++) {
            for (int day = 1; day <= 29; day++) {
                try {
                    LocalDate solar = LunarCalendar.toSolar(day, month, LunarCalendar.MAX_YEAR, false);
                    assertThat(LunarCalendar.toLunar(solar)).isEqualTo(new LunarDate(day, month, LunarCalendar.MAX_YEAR,
                            false));
                } catch (InvalidLunarDateException e) {
                    assertThat(e.reason()).isEqualTo(InvalidLunarDateException.Reason.YEAR_OUT_OF_RANGE);
                    refused++;
                }
            }
        }
        assertThat(refused).isPositive();
    }
}
