package vn.motcua.dossier;

import java.util.Optional;
import vn.motcua.platform.Actor;

/** Reads a dossier's {@link DossierContent} (read-only). */
public interface DossierContents {

    /** Without an access check: for system modules (the national sync), never for a caller's request. */
    Optional<DossierContent> of(String code);

    /** For an officer's request: empty unless the officer sees the dossier (its agency, its step's, or consulted). */
    Optional<DossierContent> forOfficer(String code, Actor officer);

    /** How the applicant receives the result (without an access check: for system modules, e.g. notifications). */
    default Optional<ResultDelivery> resultDelivery(String code) {
        return Optional.empty();
    }
}
