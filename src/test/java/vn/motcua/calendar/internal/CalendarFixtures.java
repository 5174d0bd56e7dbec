package vn.motcua.calendar.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.motcua.calendar.Holiday;

/** Builds calendars without Spring for the unit tests: the real messages, schedules given in code. */
final class CalendarFixtures {

    static final ZoneOffset VN = ZoneOffset.ofHours(7);

    private CalendarFixtures() {
    }

    static CalendarTexts texts() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/calendar", "messages/common");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new CalendarTexts(messages);
    }

    static CalendarService calendar(Schedule... schedules) {
        return calendar(CalendarProperties.defaults(), schedules);
    }

    static CalendarService calendar(CalendarProperties settings, Schedule... schedules) {
        return new CalendarService(settings, texts(), ScheduleSource.of(List.of(schedules)),
                java.time.Clock.systemUTC());
    }

    static Schedule schedule(int year, Holiday holiday, String name, ScheduleDay... days) {
        return new Schedule(null, year, holiday, name, null, "test notice " + year, "confirmed", null, List.of(days),
                "test", null);
    }

    static ScheduleDay off(String date) {
        return new ScheduleDay(LocalDate.parse(date), ScheduleDayKind.DAY_OFF, null);
    }

    static ScheduleDay compensatory(String date) {
        return new ScheduleDay(LocalDate.parse(date), ScheduleDayKind.COMPENSATORY, null);
    }

    static ScheduleDay swapped(String date) {
        return new ScheduleDay(LocalDate.parse(date), ScheduleDayKind.SWAPPED_WORKDAY, null);
    }

    /** A local time in Việt Nam: "2031-04-29T10:00". */
    static OffsetDateTime at(String local) {
        return LocalDateTime.parse(local).atOffset(VN);
    }

    /** The civil-servant schedules of 2025 as in demo-data/holidays-vn.json. */
    static Schedule[] schedules2025() {
        return new Schedule[] {
            schedule(2025, Holiday.NEW_YEAR, "Tết Dương lịch", off("2025-01-01")),
            schedule(2025, Holiday.TET, "Tết Âm lịch Ất Tỵ", off("2025-01-27"), off("2025-01-28"), off("2025-01-29"),
                    off("2025-01-30"), off("2025-01-31")),
            schedule(2025, Holiday.HUNG_KINGS, "Giỗ Tổ Hùng Vương", off("2025-04-07")),
            schedule(2025, Holiday.REUNIFICATION_LABOUR, "Ngày Chiến thắng + Quốc tế Lao động", off("2025-04-30"),
                    off("2025-05-01"), off("2025-05-02"), swapped("2025-04-26")),
            schedule(2025, Holiday.NATIONAL_DAY, "Quốc khánh", off("2025-09-01"), off("2025-09-02")),
        };
    }
}
