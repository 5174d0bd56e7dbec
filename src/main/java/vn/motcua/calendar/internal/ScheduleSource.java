package vn.motcua.calendar.internal;

import java.util.List;

/** Where the configured schedules come from (the database; a list in unit tests). */
public interface ScheduleSource {

    /** Every schedule with the version they were read at. */
    record Loaded(long version, List<Schedule> schedules) {
    }

    /** The calendar version: bumped by every edit of a schedule. */
    long version();

    /** Every schedule and the version, read consistently. */
    Loaded load();

    /** A fixed list, version 0: no schedules can change. */
    static ScheduleSource of(List<Schedule> schedules) {
        Loaded loaded = new Loaded(0, List.copyOf(schedules));
        return new ScheduleSource() {
            @Override
            public long version() {
                return 0;
            }

            @Override
            public Loaded load() {
                return loaded;
            }
        };
    }
}
