package vn.motcua.dossier;

import java.time.OffsetDateTime;
import java.util.List;
import vn.motcua.workflow.Consultation;

/**
 * Who is told about deadlines: the dossier module's overdue watch hands over, once each, the dossiers newly due
 * within a working day, those newly overdue, and the consultations not answered in time. The notification module
 * implements it (a module that listens, so the dossier module does not depend on it).
 */
public interface DeadlineAlerts {

    /** A dossier whose deadline matters to someone. */
    record Deadline(long id, String code, String procedureName, String agencyCode, String stepAgency, String stepRole,
                    Long assigneeId, OffsetDateTime dueAt) {
    }

    void dueSoon(List<Deadline> dossiers);

    void overdue(List<Deadline> dossiers);

    /** Opinions asked of other agencies and not given in time (each reminded once). */
    void lateConsultations(List<Consultation> consultations);
}
