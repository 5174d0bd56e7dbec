package vn.motcua.dossier.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.AffectedDeadline;
import vn.motcua.calendar.AffectedDeadlines;
import vn.motcua.calendar.WorkingCalendar;

/**
 * When an administrator changes the holiday schedule, deadlines already given are not moved silently: the
 * open dossiers whose running clock spans a changed day are listed for review.
 */
@Component
class DossierAffectedDeadlines implements AffectedDeadlines {

    private final DossierRepository dossiers;
    private final WorkingCalendar calendar;

    DossierAffectedDeadlines(DossierRepository dossiers, WorkingCalendar calendar) {
        this.dossiers = dossiers;
        this.calendar = calendar;
    }

    @Override
    public List<AffectedDeadline> affectedBy(LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay(calendar.zone()).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(calendar.zone()).toOffsetDateTime();
        return dossiers.openSpanning(start, end).stream()
                .map(d -> new AffectedDeadline(d.code(), d.procedureName() + " — " + d.agencyCode(),
                        d.dueAt().atZoneSameInstant(calendar.zone()).toOffsetDateTime()))
                .toList();
    }
}
