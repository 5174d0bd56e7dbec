package vn.motcua.dossier;

import java.util.Optional;

/** Reads a dossier's {@link DossierContent} (read-only, no access check: for system modules, not for pages). */
public interface DossierContents {

    Optional<DossierContent> of(String code);
}
