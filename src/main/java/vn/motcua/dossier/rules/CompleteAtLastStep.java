package vn.motcua.dossier.rules;

import java.util.Set;
import vn.motcua.dossier.DossierAction;

/** The result is approved and signed at the last step of the process (the leader's), not before. */
public final class CompleteAtLastStep implements Policy {

    static final String BASIS = "Decree 61/2018 Art. 19(5): trình phê duyệt kết quả";

    @Override
    public Set<DossierAction> actions() {
        return Set.of(DossierAction.COMPLETE);
    }

    @Override
    public Verdict check(Ask ask) {
        return ask.dossier().lastStep() ? Verdict.ALLOWED : Rejection.conflict(BASIS, "dossier.rule.completeAtLastStep");
    }
}
