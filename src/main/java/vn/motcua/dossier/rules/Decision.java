package vn.motcua.dossier.rules;

import vn.motcua.dossier.DossierStatus;

/**
 * The answer of {@link DossierRules#decide}: allowed (the status after, and whether the dossier is to be counted
 * late), or the rejection.
 */
public record Decision(DossierStatus to, boolean markLate, Rejection rejection) {

    public static Decision allow(DossierStatus to, boolean markLate) {
        return new Decision(to, markLate, null);
    }

    public static Decision reject(Rejection r) {
        return new Decision(null, false, r);
    }

    public boolean allowed() {
        return rejection == null;
    }
}
