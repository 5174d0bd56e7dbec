package vn.motcua.calendar.internal;

import java.time.OffsetDateTime;
import java.util.List;
import vn.motcua.calendar.Holiday;

/**
 * A holiday schedule announced for one year (lịch nghỉ lễ, tết của cán bộ, công chức): it replaces the default
 * rule of its {@link Holiday} in that year.
 *
 * @param confidence confirmed / high / medium / unconfirmed, as in the demo data
 * @param version    the stored schedule's version (1 when created, + 1 at each replacement); 0 before it is stored.
 *                   A replacement or deletion names the version read: an older one is refused (issue 11)
 */
public record Schedule(Long id, int year, Holiday holiday, String name, String nameEn, String source,
                       String confidence, String note, List<ScheduleDay> days, String updatedBy,
                       OffsetDateTime updatedAt, long version) {

    public Schedule {
        days = days == null ? List.of() : List.copyOf(days);
    }

    /** A schedule not stored yet (version 0). */
    public Schedule(Long id, int year, Holiday holiday, String name, String nameEn, String source, String confidence,
                    String note, List<ScheduleDay> days, String updatedBy, OffsetDateTime updatedAt) {
        this(id, year, holiday, name, nameEn, source, confidence, note, days, updatedBy, updatedAt, 0);
    }

    public List<ScheduleDay> days(ScheduleDayKind kind) {
        return days.stream().filter(d -> d.kind() == kind).toList();
    }
}
