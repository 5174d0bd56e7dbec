package vn.motcua.dossier.rules;

import java.util.Set;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierStatus;

/**
 * One line of the lifecycle table: in which statuses an action may be taken, by whom, what it must carry, where it
 * leads, and the legal basis behind the line. An empty {@code from} means the action creates the dossier.
 */
public record Transition(DossierAction action, Set<DossierStatus> from, Target to, Set<Party> by, Set<Needs> needs,
                         String basis) {

    /** The action creates the dossier. */
    public boolean creates() {
        return from.isEmpty();
    }
}
