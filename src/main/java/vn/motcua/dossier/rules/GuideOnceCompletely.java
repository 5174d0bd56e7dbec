package vn.motcua.dossier.rules;

import java.util.Set;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierStatus;

/**
 * At reception the applicant is told once, completely, what to add (form 02): a second supplement request before
 * acceptance is refused; what is still wrong then is a refusal (form 03) or an acceptance.
 */
public final class GuideOnceCompletely implements Policy {

    static final String BASIS = "Decree 61/2018 Art. 15(2)(a): hướng dẫn bổ sung, hoàn thiện hồ sơ một lần, đầy đủ";

    @Override
    public Set<DossierAction> actions() {
        return Set.of(DossierAction.REQUEST_SUPPLEMENT);
    }

    @Override
    public Verdict check(Ask ask) {
        if (ask.dossier().status() == DossierStatus.SUBMITTED && ask.dossier().receptionSupplements() > 0) {
            return Rejection.conflict(BASIS, "dossier.rule.guideOnce");
        }
        return Verdict.ALLOWED;
    }
}
