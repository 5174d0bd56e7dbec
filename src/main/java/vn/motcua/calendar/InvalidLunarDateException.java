package vn.motcua.calendar;

/**
 * A lunar date that does not exist: a day 30 in a month of 29 days, a leap month the year does not have, a
 * month outside 1..12 or a year outside the computed range. {@link #reason()} and the fields let callers
 * explain it in the user's language.
 */
public final class InvalidLunarDateException extends IllegalArgumentException {

    /** Why the date does not exist. */
    public enum Reason {
        /** năm ngoài phạm vi tính được */
        YEAR_OUT_OF_RANGE,
        /** tháng không thuộc 1..12 */
        MONTH_OUT_OF_RANGE,
        /** ngày không thuộc 1..30 */
        DAY_OUT_OF_RANGE,
        /** tháng này chỉ có 29 ngày */
        DAY_TOO_LARGE,
        /** năm này không có tháng nhuận */
        NO_LEAP_MONTH,
        /** năm này nhuận một tháng khác */
        OTHER_LEAP_MONTH
    }

    private final Reason reason;
    private final int day;
    private final int month;
    private final int year;
    private final int monthLength;
    private final int leapMonth;

    public InvalidLunarDateException(Reason reason, int day, int month, int year, int monthLength, int leapMonth) {
        super(describe(reason, day, month, year, monthLength, leapMonth));
        this.reason = reason;
        this.day = day;
        this.month = month;
        this.year = year;
        this.monthLength = monthLength;
        this.leapMonth = leapMonth;
    }

    private static String describe(Reason reason, int day, int month, int year, int monthLength, int leapMonth) {
        return switch (reason) {
            case YEAR_OUT_OF_RANGE -> "lunar year " + year + " is outside " + LunarCalendar.MIN_YEAR + ".."
                    + LunarCalendar.MAX_YEAR;
            case MONTH_OUT_OF_RANGE -> "lunar month " + month + " is not in 1..12";
            case DAY_OUT_OF_RANGE -> "lunar day " + day + " is not in 1..30";
            case DAY_TOO_LARGE -> "lunar month " + month + "/" + year + " has only " + monthLength + " days, not " + day;
            case NO_LEAP_MONTH -> "lunar year " + year + " has no leap month";
            case OTHER_LEAP_MONTH -> "lunar year " + year + " has leap month " + leapMonth + ", not " + month;
        };
    }

    public Reason reason() {
        return reason;
    }

    public int day() {
        return day;
    }

    public int month() {
        return month;
    }

    public int year() {
        return year;
    }

    /** The real length of the month asked for (29 or 30), when known, else 0. */
    public int monthLength() {
        return monthLength;
    }

    /** The year's leap month (0 if none), for {@link Reason#NO_LEAP_MONTH} and {@link Reason#OTHER_LEAP_MONTH}. */
    public int leapMonth() {
        return leapMonth;
    }
}
