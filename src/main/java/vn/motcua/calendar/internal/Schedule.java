package vn.motcua.calendar.internal;

import java.time.OffsetDateTime;
import java.util.List;
import vn.motcua.calendar.Holiday;

/**
 * A holiday schedule announced for one year (lịch nghỉ lễ, tết của cán bộ, công chức): it replaces the default
 * rule of its {@link Holiday} in that year.
 *
 * @param confidence confirmed / high / medium / unconfirmed, as in the demo data
 */
public record Schedule(Long id, int year, Holiday holiday, String name, String nameEn, String source,
                       String confidence, String note, List<ScheduleDay> days, String updatedBy,
                       OffsetDateTime updatedAt) {

    public Schedule {
        days = days == null ? List.of() : List.copyOf(days);
    }

    public List<ScheduleDay> days(ScheduleDayKind kind) {
        return days.stream().filter(d -> d.kind() == kind).toList();
    }
}
