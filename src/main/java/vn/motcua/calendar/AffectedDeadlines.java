package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * Extension point for modules that store deadlines computed by the calendar (the dossier module). After an
 * administrator changes a schedule, the calendar asks every implementation which deadlines already given
 * run over the changed days; they are listed for review, never moved silently. No implementation is
 * needed: with none, the list is empty.
 */
public interface AffectedDeadlines {

    /** Open deadlines whose counting period (from the clock start to the due moment) overlaps {@code from..to}. */
    List<AffectedDeadline> affectedBy(LocalDate from, LocalDate to);
}
