package vn.motcua.signing.internal;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** How the documents print moments, in the province's time (the calendar's zone, {@code motcua.calendar.zone}). */
final class VietnameseDates {

    private final ZoneId zone;

    VietnameseDates(ZoneId zone) {
        this.zone = zone;
    }

    ZonedDateTime local(OffsetDateTime t) {
        return t.atZoneSameInstant(zone);
    }

    /** "10 giờ 00 phút, thứ Ba, ngày 06/05/2031". */
    String moment(OffsetDateTime t) {
        ZonedDateTime z = local(t);
        return "%d giờ %02d phút, %s, ngày %s".formatted(z.getHour(), z.getMinute(), weekday(z.getDayOfWeek()),
                date(t));
    }

    /** "06/05/2031". */
    String date(OffsetDateTime t) {
        ZonedDateTime z = local(t);
        return "%02d/%02d/%04d".formatted(z.getDayOfMonth(), z.getMonthValue(), z.getYear());
    }

    /**
     * The place and date line (địa danh, ngày tháng năm): "Đồng Xoài, ngày 23 tháng 11 năm 2026". Days below 10
     * and the months 1 and 2 take a leading zero (Decree 30/2020/NĐ-CP, Appendix I).
     */
    String placeAndDate(String place, OffsetDateTime t) {
        ZonedDateTime z = local(t);
        int month = z.getMonthValue();
        String date = "ngày %02d tháng %s năm %d".formatted(z.getDayOfMonth(),
                month <= 2 ? "%02d".formatted(month) : Integer.toString(month), z.getYear());
        return place == null || place.isBlank() ? date.substring(0, 1).toUpperCase() + date.substring(1)
                : place.strip() + ", " + date;
    }

    // thứ Hai ... Chủ nhật
    static String weekday(DayOfWeek d) {
        return switch (d) {
            case MONDAY -> "thứ Hai";
            case TUESDAY -> "thứ Ba";
            case WEDNESDAY -> "thứ Tư";
            case THURSDAY -> "thứ Năm";
            case FRIDAY -> "thứ Sáu";
            case SATURDAY -> "thứ Bảy";
            case SUNDAY -> "Chủ nhật";
        };
    }
}
