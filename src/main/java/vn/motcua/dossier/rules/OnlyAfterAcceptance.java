package vn.motcua.dossier.rules;

import static vn.motcua.dossier.DossierAction.*;

import java.util.Set;
import vn.motcua.dossier.DossierAction;

/**
 * An apology, a stop, a refusal after appraisal and a result exist only for an accepted dossier (one whose clock
 * has started): not for an online dossier still waiting for reception, even when a supplement is pending.
 */
public final class OnlyAfterAcceptance implements Policy {

    static final String BASIS = "Decree 61/2018 Art. 19: processing follows acceptance (Art. 15(2)(c))";

    @Override
    public Set<DossierAction> actions() {
        return Set.of(APOLOGIZE, STOP, REJECT, COMPLETE);
    }

    @Override
    public Verdict check(Ask ask) {
        return ask.dossier().accepted() ? Verdict.ALLOWED : Rejection.conflict(BASIS, "dossier.rule.notAccepted");
    }
}
