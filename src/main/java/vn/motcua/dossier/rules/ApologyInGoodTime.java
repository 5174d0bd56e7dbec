package vn.motcua.dossier.rules;

import java.util.Set;
import vn.motcua.dossier.DossierAction;

/**
 * The apology (form 04) is sent no later than {@link RuleSettings#apologyLeadWorkingDays()} working days (1 by
 * default) before the due moment, counted by the calendar: at least that much working time must be left.
 */
public final class ApologyInGoodTime implements Policy {

    static final String BASIS = "Decree 61/2018 Art. 19(9): chậm nhất 01 ngày trước ngày hẹn trả kết quả";

    @Override
    public Set<DossierAction> actions() {
        return Set.of(DossierAction.APOLOGIZE);
    }

    @Override
    public Verdict check(Ask ask) {
        var due = ask.dossier().dueAt();
        var calendar = ask.context().calendar();
        int days = ask.context().settings().apologyLeadWorkingDays();
        if (due == null || !ask.input().now().isBefore(due)
                || calendar.remainingWorkingMinutes(ask.input().now(), due) < days * calendar.workingMinutesPerDay()) {
            return Rejection.conflict(BASIS, "dossier.rule.apologyTooLate", days);
        }
        return Verdict.ALLOWED;
    }
}
