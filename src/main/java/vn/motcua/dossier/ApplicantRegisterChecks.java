package vn.motcua.dossier;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The checks of a dossier's applicant against the national population database, shown on the officer's dossier page
 * (issue 14: what was checked, when, by whom, the answer). Supplied by the module that makes and records them (the
 * integration module), so that the dossier module does not depend on it; none when no module supplies them.
 */
public interface ApplicantRegisterChecks {

    /**
     * A check as recorded.
     *
     * @param by         the officer, or the system for a VNeID-verified filing
     * @param result     MATCH, MISMATCH, NOT_FOUND or NOT_DONE
     * @param mismatches the fields given that differ from the register (fullName, dateOfBirth)
     * @param message    why the check was not done
     */
    record Line(OffsetDateTime at, String idNumber, String by, String result, List<String> mismatches,
                String message) {
    }

    /** The checks recorded with the dossier, oldest first (the caller has checked that the officer may see it). */
    List<Line> of(String dossierCode);
}
