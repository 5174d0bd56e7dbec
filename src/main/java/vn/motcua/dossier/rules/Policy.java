package vn.motcua.dossier.rules;

import java.util.Set;
import vn.motcua.dossier.DossierAction;

/** A legal rule beyond the table: small, named, with its basis; listed in {@link Policies#allCurrentPolicies()}. */
public interface Policy {

    /** The actions the rule is about. */
    Set<DossierAction> actions();

    /** Allowed, allowed and counted late, or a rejection naming the legal basis. */
    Verdict check(Ask ask);
}
