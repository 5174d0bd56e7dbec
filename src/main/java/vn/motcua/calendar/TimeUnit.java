package vn.motcua.calendar;

/** The unit of a statutory processing time (đơn vị thời hạn giải quyết). */
public enum TimeUnit {
    /** ngày làm việc: 8 working hours each */
    WORKING_DAYS,
    /** giờ làm việc */
    WORKING_HOURS,
    /** ngày (ngày lịch), due at the end of the last day, moved to the next working day if it is not one */
    DAYS,
    /** trong ngày: by the end of the day the clock starts */
    SAME_DAY
}
