package vn.motcua.calendar;

/**
 * A date of the Vietnamese lunar calendar (âm lịch).
 *
 * @param day   day of the month, 1..30 (ngày âm lịch)
 * @param month month, 1..12 (tháng âm lịch)
 * @param year  lunar year, numbered as the solar year in which its first month starts (năm âm lịch)
 * @param leap  the leap month that repeats {@code month} (tháng nhuận)
 */
public record LunarDate(int day, int month, int year, boolean leap) {

    @Override
    public String toString() {
        return day + "/" + month + (leap ? " nhuận" : "") + "/" + year;
    }
}
