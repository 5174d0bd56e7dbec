package vn.motcua.calendar;

import java.time.LocalDate;

/**
 * A day that is not an ordinary working day (weekend, holiday, compensatory day) or a weekend day that is
 * worked (swapped working day).
 *
 * @param date   the day
 * @param kind   why it is listed
 * @param name   what it is, e.g. "Tết Âm lịch (mùng 1)"
 * @param source the legal basis or the announcement, e.g. "Bộ luật Lao động 2019, Điều 112"
 */
public record CalendarDay(LocalDate date, DayKind kind, String name, String source) {

    /** Whether work is done on this day. */
    public boolean working() {
        return kind == DayKind.SWAPPED_WORKDAY;
    }
}
