package vn.motcua.dossier.rules;

import static vn.motcua.dossier.DossierAction.ACCEPT;
import static vn.motcua.dossier.DossierAction.REFUSE;

import java.util.Set;
import vn.motcua.dossier.DossierAction;

/** Reception refuses (form 03) or accepts (form 01) a dossier once, before it was accepted. */
public final class OnlyBeforeAcceptance implements Policy {

    static final String BASIS = "Decree 61/2018 Art. 15(2): refusal or acceptance at reception";

    @Override
    public Set<DossierAction> actions() {
        return Set.of(ACCEPT, REFUSE);
    }

    @Override
    public Verdict check(Ask ask) {
        return ask.dossier().accepted() ? Rejection.conflict(BASIS, "dossier.rule.alreadyAccepted") : Verdict.ALLOWED;
    }
}
