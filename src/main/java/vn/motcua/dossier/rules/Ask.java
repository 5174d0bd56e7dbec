package vn.motcua.dossier.rules;

import java.util.Set;
import vn.motcua.dossier.DossierAction;

/** One question to the rules: may these parties take this action on this dossier, with this input, now? */
public record Ask(DossierAction action, Set<Party> parties, DossierFacts dossier, ActionInput input,
                  RuleContext context) {

    /** The actor holds this party for the dossier. */
    public boolean by(Party party) {
        return parties.contains(party);
    }
}
