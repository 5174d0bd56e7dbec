package vn.motcua.dossier.rules;

import java.util.List;

/** Every legal rule beyond the table, in the order they are asked. */
public final class Policies {

    private Policies() {
    }

    private static final List<Policy> ALL = List.of(
            new PaperDossierActedForAtCounter(),
            new OnlyAfterAcceptance(),
            new OnlyBeforeAcceptance(),
            new GuideOnceCompletely(),
            new AppraisalSupplementInTime(),
            new ApologyOnce(),
            new ApologyInGoodTime(),
            new NewDueMomentValid(),
            new CompleteAtLastStep(),
            new ForwardToAnotherStep(),
            new RateOnce());

    /** The policies in force. */
    public static List<Policy> allCurrentPolicies() {
        return ALL;
    }
}
