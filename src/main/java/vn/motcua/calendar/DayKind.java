package vn.motcua.calendar;

/** Why a day is listed by the calendar. */
public enum DayKind {
    /** nghỉ hằng tuần: Saturday or Sunday */
    WEEKEND,
    /** nghỉ lễ, tết (and weekdays off of an announced schedule) */
    HOLIDAY,
    /** nghỉ bù: a holiday fell on a weekly rest day */
    COMPENSATORY,
    /** làm bù: a Saturday or Sunday that is a working day */
    SWAPPED_WORKDAY
}
