package vn.motcua.dossier.rules;

import java.util.Set;
import vn.motcua.dossier.DossierAction;

/**
 * The new appointment of an apology is later than the one in force and than now, and is a working moment of the
 * calendar (a working day, inside office hours): the applicant is not asked to come when the office is closed.
 */
public final class NewDueMomentValid implements Policy {

    static final String BASIS = "Decree 61/2018 Art. 19(9), Circular 01/2018 form 04: hẹn lại ngày trả kết quả";

    @Override
    public Set<DossierAction> actions() {
        return Set.of(DossierAction.APOLOGIZE);
    }

    @Override
    public Verdict check(Ask ask) {
        var newDue = ask.input().newDueAt();
        if (newDue == null) {
            return Verdict.ALLOWED; // a probe: the value comes with the request (the table requires it)
        }
        var due = ask.dossier().dueAt();
        if ((due != null && !newDue.isAfter(due)) || !newDue.isAfter(ask.input().now())) {
            return Rejection.invalid(BASIS, "newDueAt", "dossier.rule.newDueAfterCurrent");
        }
        if (!ask.context().calendar().isWorkingMoment(newDue)) {
            return Rejection.invalid(BASIS, "newDueAt", "dossier.rule.newDueWorkingMoment");
        }
        return Verdict.ALLOWED;
    }
}
