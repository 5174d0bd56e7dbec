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
        return dossiers.jdbc().sql("""
                select code, procedure_name, agency_code, due_at from dossier
                where status in ('RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'AWAITING_PAYMENT')
                  and due_at >= :start and coalesce(clock_started_at, received_at) < :end
                order by due_at limit 500""")
                .param("start", start).param("end", end)
                .query((rs, i) -> new AffectedDeadline(rs.getString("code"),
                        rs.getString("procedure_name") + " — " + rs.getString("agency_code"),
                        rs.getObject("due_at", OffsetDateTime.class).atZoneSameInstant(calendar.zone()).toOffsetDateTime()))
                .list();
    }
}
