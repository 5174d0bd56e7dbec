package vn.motcua.dossier.rules;

import static vn.motcua.dossier.DossierAction.SUPPLY;
import static vn.motcua.dossier.DossierAction.WITHDRAW;

import java.util.Set;
import vn.motcua.dossier.DossierAction;

/**
 * The one-stop records a supplement or a written withdrawal on the applicant's behalf only for a dossier received
 * on paper (at the counter or by post): an online applicant acts from their own account.
 */
public final class PaperDossierActedForAtCounter implements Policy {

    static final String BASIS = "Decree 61/2018 Art. 15(1), 16: paper dossiers are handled at the one-stop";

    @Override
    public Set<DossierAction> actions() {
        return Set.of(SUPPLY, WITHDRAW);
    }

    @Override
    public Verdict check(Ask ask) {
        if (ask.by(Party.APPLICANT) || ask.dossier().onPaper()) {
            return Verdict.ALLOWED;
        }
        return Rejection.conflict(BASIS, "dossier.rule.onlineActsItself");
    }
}
