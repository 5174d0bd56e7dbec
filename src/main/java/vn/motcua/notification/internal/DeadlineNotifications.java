package vn.motcua.notification.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DeadlineAlerts;
import vn.motcua.notification.Notifier;
import vn.motcua.platform.Role;

/**
 * Tells people about deadlines: the assignee (or, with none, the officers of the step's role) when a dossier
 * is due within a working day or overdue, and the leaders of the agency when it is overdue; a late consultation to
 * the leaders of the agency that asked.
 */
@Component
class DeadlineNotifications implements DeadlineAlerts {

    private final Notifier notifier;

    DeadlineNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void dueSoon(List<Deadline> dossiers) {
        dossiers.forEach(d -> toHandler(d, "DUE_SOON"));
    }

    @Override
    public void overdue(List<Deadline> dossiers) {
        for (Deadline d : dossiers) {
            toHandler(d, "OVERDUE");
            notifier.notifyOfficers(agency(d), Role.LEADER, "OVERDUE_LEADER", params(d), d.code());
        }
    }

    /**
     * A consultation not answered in time is escalated to the head of the one-stop that asked (Decree 61/2018 Art.
     * 19(4): late answers go to the one-stop's head), not to the agency that was asked.
     */
    @Override
    public void lateConsultations(List<vn.motcua.workflow.Consultation> consultations) {
        for (var c : consultations) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("code", c.dossierCode());
            p.put("procedureName", c.question());
            p.put("dueAt", c.dueAt());
            p.put("agencyCode", c.toAgency());
            notifier.notifyOfficers(c.fromAgency(), Role.LEADER, "CONSULTATION_OVERDUE", p, c.dossierCode());
        }
    }

    private void toHandler(Deadline d, String template) {
        if (d.assigneeId() != null) {
            notifier.notifyAccount(d.assigneeId(), template, params(d), d.code());
        } else {
            Role role = d.stepRole() == null ? Role.RECEPTION : Role.valueOf(d.stepRole());
            notifier.notifyOfficers(agency(d), role, template, params(d), d.code());
        }
    }

    private static String agency(Deadline d) {
        return d.stepAgency() != null ? d.stepAgency() : d.agencyCode();
    }

    private Map<String, Object> params(Deadline d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", d.code());
        p.put("procedureName", d.procedureName());
        p.put("dueAt", d.dueAt());
        p.put("agencyCode", agency(d));
        return p;
    }
}
