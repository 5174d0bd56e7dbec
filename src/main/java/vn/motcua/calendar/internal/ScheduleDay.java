package vn.motcua.calendar.internal;

import java.time.LocalDate;

/** One day of a holiday schedule; {@code name} is optional (the schedule's name is used when blank). */
public record ScheduleDay(LocalDate date, ScheduleDayKind kind, String name) {
}
