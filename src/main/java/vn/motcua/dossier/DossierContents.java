package vn.motcua.dossier;

import java.util.Optional;
import vn.motcua.platform.Actor;

/** Reads a dossier's {@link DossierContent} (read-only). */
public interface DossierContents {

    /** Without an access check: for system modules (the national sync), never for a caller's request. */
    Optional<DossierContent> of(String code);

    /** For an officer's request: empty unless the officer sees the dossier (its agency, its step's, or consulted). */
    Optional<DossierContent> forOfficer(String code, Actor officer);

    /**
     * The codes among {@code codes} that the officer may open on the officer's dossier page (the same check as
     * {@link #forOfficer}, without reading the contents): the 766 drill-down links only those (issue 18).
     */
    default java.util.Set<String> visibleToOfficer(java.util.Collection<String> codes, Actor officer) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String code : codes) {
            forOfficer(code, officer).ifPresent(c -> out.add(code));
        }
        return out;
    }

    /** How the applicant receives the result (without an access check: for system modules, e.g. notifications). */
    default Optional<ResultDelivery> resultDelivery(String code) {
        return Optional.empty();
    }
}
