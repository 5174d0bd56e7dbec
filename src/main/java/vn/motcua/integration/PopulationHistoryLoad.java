package vn.motcua.integration;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Loads past checks against the national population database in bulk (the demo's history, issue 14): the
 * {@code population_check} rows the live checks would have left with their dossiers — an officer's check of a
 * dossier's applicant, or the system's check of a dossier filed online by an account verified with VNeID — with the
 * question asked, the moment, who checked, the answer and why a check was not done. Nothing goes to the outbox: the
 * caller has the {@link vn.motcua.platform.BulkLoadListener}s told afterwards, and the 766 index recounts the answered
 * checks from {@link PopulationFacts}, the same facts a live check gives.
 */
public interface PopulationHistoryLoad {

    /**
     * Writes the checks, in the caller's transaction (required). Nothing when no registry is configured (no check
     * could have been made); a dossier that already has checks is left alone.
     *
     * @return the checks written
     */
    int loadChecks(List<PastCheck> checks);

    /**
     * One check made for a dossier.
     *
     * @param accountId     the filer's account (a system check), else null
     * @param fullName      the name given by the applicant (asked with the number)
     * @param dateOfBirth   the date of birth given (an officer's check; the system asks without it)
     * @param checkedByName the officer who checked; null: the system's check for a VNeID-verified account
     * @param result        MATCH, MISMATCH, NOT_FOUND or NOT_DONE (the registry away)
     * @param mismatches    the fields given that differ from the registry (fullName, dateOfBirth), MISMATCH only
     * @param message       why the check was not done (NOT_DONE only)
     */
    record PastCheck(String dossierCode, Long accountId, String idNumber, String fullName, LocalDate dateOfBirth,
                     OffsetDateTime checkedAt, String checkedByName, String result, List<String> mismatches,
                     String message) {

        public PastCheck {
            mismatches = List.copyOf(mismatches);
        }
    }
}
