package vn.motcua.calendar;

/** Unit of a statutory processing time (thời hạn giải quyết). */
public enum TimeUnit {
    /** ngày làm việc: 8 working hours each */
    WORKING_DAYS,
    /** giờ làm việc */
    WORKING_HOURS,
    /** ngày (calendar days, as some laws write "ngày") */
    DAYS,
    /** trong ngày: result the same working day; next working day when received after 15:00 */
    SAME_DAY
}
