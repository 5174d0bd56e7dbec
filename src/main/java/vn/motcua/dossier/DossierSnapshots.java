package vn.motcua.dossier;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams the current state of every dossier, in the shape of the {@code dossier.changed} event payload
 * (without the fields that describe the action: {@code action}, {@code at}, {@code actor*}, {@code reason}).
 * For modules that rebuild what they normally follow from the outbox (the 766 index recount).
 */
public interface DossierSnapshots {

    /** Calls {@code each} once per dossier, in id order, from one consistent read-only snapshot of the database. */
    void forEach(Consumer<Map<String, Object>> each);
}
