package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import java.time.LocalDate;

/**
 * Issue 17, coverage-guided: any lunar date a caller names either does not exist (a typed reason the API words for
 * the field at fault) or converts to the solar day that converts back to it; any solar day of the calendar's range
 * converts to a lunar date and back.
 */
@Tag("jazzer")
class LunarCalendarFuzzTest {

    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "120s")
    void aLunarDateExistsAndRoundTripsOrIsRefusedWithAReason(FuzzedDataProvider data) {
        int day = data.consumeInt(-2, 33);
        int month = data.consumeInt(-1, 14);
        int year = data.consumeBoolean() ? data.consumeInt() : data.consumeInt(LunarCalendar.MIN_YEAR - 2,
                LunarCalendar.MAX_YEAR + 2);
        boolean leap = data.consumeBoolean();
        try {
            LocalDate solar = LunarCalendar.toSolar(day, month, year, leap);
            assertThat(LunarCalendar.toLunar(solar)).isEqualTo(new LunarDate(day, month, year, leap));
        } catch (InvalidLunarDateException e) {
            assertThat(e.reason()).isNotNull();
        }
        // and every solar day of the range has one lunar date, which converts back to it
        LocalDate first = LocalDate.of(LunarCalendar.MIN_YEAR, 3, 1);
        LocalDate last = LunarCalendar.lastDayOfYear(LunarCalendar.MAX_YEAR - 1);
        LocalDate solar = first.plusDays(data.consumeLong(0, last.toEpochDay() - first.toEpochDay()));
        LunarDate lunar = LunarCalendar.toLunar(solar);
        assertThat(LunarCalendar.toSolar(lunar)).isEqualTo(solar);
        assertThat(lunar.day()).isBetween(1, LunarCalendar.monthLength(lunar.month(), lunar.year(), lunar.leap()));
    }
}
