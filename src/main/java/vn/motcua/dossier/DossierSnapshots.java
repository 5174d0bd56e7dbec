package vn.motcua.dossier;

import java.util.function.Consumer;

/**
 * Streams the current state of every dossier, for modules that rebuild what they normally follow from the
 * {@link DossierChanged} events (the 766 index recount).
 */
public interface DossierSnapshots {

    /** Calls {@code each} once per dossier, in id order, from one consistent read-only snapshot of the database. */
    void forEach(Consumer<DossierSnapshot> each);
}
