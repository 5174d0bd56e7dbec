package vn.motcua.calendar.internal;

import vn.motcua.calendar.WorkingCalendar;

/** Working calendars without Spring for pure tests of other modules: the real rules, the 2025 schedules in code. */
public final class TestCalendars {

    private TestCalendars() {
    }

    /** Office hours 07:00–11:30 and 13:30–17:00, Monday to Friday, the civil servants' 2025 holidays. */
    public static WorkingCalendar vietnam2025() {
        return CalendarFixtures.calendar(CalendarFixtures.schedules2025());
    }
}
