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
    private final vn.motcua.identity.Accounts accounts;

    PopulationEvidence(PopulationChecks checks, vn.motcua.identity.Accounts accounts) {
        this.checks = checks;
        this.accounts = accounts;
    }

    /** The applicant's account as the national systems know it. */
    record ApplicantIdentity(boolean vneidVerified, String nationalAccount) {
        static final ApplicantIdentity NONE = new ApplicantIdentity(false, null);
    }

    /**
     * Whether the applicant's account was verified with VNeID when the dossier was filed, and its national account id
     * (the provider's subject): the account is linked to a VNeID identity (issue 14: created by a VNeID log-in or
     * merged after the person confirmed) since before the dossier was submitted. A counter dossier has no account.
     */
    ApplicantIdentity applicant(vn.motcua.dossier.DossierSnapshot d) {
        if (d.applicantAccountId() == null) {
            return ApplicantIdentity.NONE;
        }
        return accounts.nationalIdentity(d.applicantAccountId())
                .filter(n -> n.verifiedWhenFiled(d.submittedAt(), d.receivedAt()))
                .map(n -> new ApplicantIdentity(true, n.subject()))
                .orElse(ApplicantIdentity.NONE);
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
            // filed by an account verified with VNeID for its own person: the system checks it (a job does)
            if (d.applicantAccountId() != null && d.applicantIdNumber() != null && accounts
                    .nationalIdentity(d.applicantAccountId())
                    .filter(n -> n.idNumber().equals(d.applicantIdNumber()) && n.verifiedWhenFiled(created.at(), null))
                    .isPresent()) {
                checks.systemCheckDue(d.code(), d.applicantIdNumber(), d.applicantAccountId(), d.applicantName(),
                        created.at());
            }
        }
    }
}
