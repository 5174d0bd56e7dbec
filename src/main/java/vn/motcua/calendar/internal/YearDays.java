package vn.motcua.calendar.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import vn.motcua.calendar.DayKind;
import vn.motcua.calendar.Holiday;

/**
 * The computed special days of one solar year: holidays, compensatory days and swapped working days (weekly
 * rest days are implied by the configured weekend and not stored). Immutable.
 */
public record YearDays(int year, NavigableMap<LocalDate, Entry> days) {

    /** One special day; {@code holiday} is the group it belongs to (null for none). */
    public record Entry(LocalDate date, DayKind kind, Holiday holiday, Text name, Text source, boolean configured) {
    }

    public YearDays {
        days = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(days));
    }

    public Entry get(LocalDate date) {
        return days.get(date);
    }

    public Map<LocalDate, Entry> between(LocalDate from, LocalDate to) {
        return days.subMap(from, true, to, true);
    }
}
