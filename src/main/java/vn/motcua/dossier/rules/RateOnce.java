package vn.motcua.dossier.rules;

import java.util.Set;
import vn.motcua.dossier.DossierAction;

/** The applicant rates the handling of a dossier once. */
public final class RateOnce implements Policy {

    static final String BASIS = "Circular 01/2018 Art. 12: đánh giá việc giải quyết hồ sơ";

    @Override
    public Set<DossierAction> actions() {
        return Set.of(DossierAction.RATE);
    }

    @Override
    public Verdict check(Ask ask) {
        return ask.dossier().rated() ? Rejection.conflict(BASIS, "dossier.rating.once") : Verdict.ALLOWED;
    }
}
