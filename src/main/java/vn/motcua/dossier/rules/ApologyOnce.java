package vn.motcua.dossier.rules;

import java.util.Set;
import vn.motcua.dossier.DossierAction;

/** The new appointment after an apology is set at most once. */
public final class ApologyOnce implements Policy {

    static final String BASIS = "Decree 61/2018 Art. 19(9): hẹn lại ngày trả kết quả không quá một lần";

    @Override
    public Set<DossierAction> actions() {
        return Set.of(DossierAction.APOLOGIZE);
    }

    @Override
    public Verdict check(Ask ask) {
        return ask.dossier().apologies() > 0 ? Rejection.conflict(BASIS, "dossier.rule.apologyOnce") : Verdict.ALLOWED;
    }
}
