package vn.motcua.calendar.internal;

/** A day of an announced holiday schedule. */
public enum ScheduleDayKind {
    /** ngày nghỉ: a weekday off (the holiday itself, or a day off given in exchange for a swapped Saturday) */
    DAY_OFF,
    /** nghỉ bù: a weekday off because a holiday fell on a weekly rest day */
    COMPENSATORY,
    /** làm bù: a Saturday or Sunday worked */
    SWAPPED_WORKDAY
}
