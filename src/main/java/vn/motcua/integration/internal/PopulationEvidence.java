package vn.motcua.integration.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierChanged;
import vn.motcua.integration.population.PopulationChecks;

/**
 * What the national portal's population-data flags say of a dossier (766 indicators 4.5a/4.5b):
 * TaiKhoanDuocXacThucVoiVNeID (the applicant's account verified with VNeID) and DSKetNoiCSDL (the national databases
 * actually consulted for it). Only real facts count: nothing is inferred from the shape of an identification number.
 */
@Component
class PopulationEvidence {

    private final PopulationChecks checks;

    PopulationEvidence(PopulationChecks checks) {
        this.checks = checks;
    }

    /** The applicant's account as the national systems know it. */
    record ApplicantIdentity(boolean vneidVerified, String nationalAccount) {
        static final ApplicantIdentity NONE = new ApplicantIdentity(false, null);
    }

    /** Whether the applicant's account was verified with VNeID, and its national account id (no VNeID login yet). */
    ApplicantIdentity applicant(String dossierCode, Long accountId) {
        return ApplicantIdentity.NONE;
    }

    /** MaCSDL of the national databases consulted for the dossier. */
    List<String> databases(String dossierCode) {
        return checks.databases(dossierCode);
    }

    /** A new dossier takes the checks of its applicant made just before by the citizen or the receiving officer. */
    void filed(DossierChanged created) {
        var d = created.dossier();
        if (created.at() != null) {
            checks.link(d.code(), d.applicantIdNumber(), d.applicantAccountId(), created.actorId(), created.at());
        }
    }
}
