package vn.motcua.dossier.rules;

import java.util.Set;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierStatus;

/** During processing a dossier moves on to the next step of its process, or to another agency (liên thông). */
public final class ForwardToAnotherStep implements Policy {

    static final String BASIS = "Decree 61/2018 Art. 19: chuyển bước xử lý / liên thông";

    @Override
    public Set<DossierAction> actions() {
        return Set.of(DossierAction.FORWARD);
    }

    @Override
    public Verdict check(Ask ask) {
        DossierFacts d = ask.dossier();
        if (d.status() == DossierStatus.PROCESSING && !d.hasNextStep() && !ask.input().agency()) {
            return Rejection.conflict(BASIS, "dossier.rule.noNextStep");
        }
        return Verdict.ALLOWED;
    }
}
