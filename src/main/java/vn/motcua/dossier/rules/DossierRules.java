package vn.motcua.dossier.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.motcua.dossier.DossierAction;

/**
 * Decides an action: the {@link LifecycleTable} first (the status, who, what the action needs), then every
 * {@linkplain Policies#allCurrentPolicies() policy} about the action. The first rejection wins; nothing is changed
 * by a rejected action. Pure: the same question always gets the same answer.
 */
public final class DossierRules {

    static final String TABLE = "Decree 61/2018 Art. 15–20, DOMAIN.md §2.9 (lifecycle table)";

    private DossierRules() {
    }

    public static Decision decide(Ask ask) {
        List<Transition> lines = LifecycleTable.lines(ask.action(), ask.dossier().status());
        if (lines.isEmpty()) {
            return Decision.reject(Rejection.conflict(TABLE, "dossier.rule.notInStatus"));
        }
        Transition line = lines.stream().filter(t -> t.by().stream().anyMatch(ask.parties()::contains)).findFirst()
                .orElse(null);
        if (line == null) {
            return Decision.reject(Rejection.conflict(line(lines.getFirst()), "dossier.rule.notYourRole"));
        }
        for (Needs need : Needs.values()) {
            if (line.needs().contains(need) && !ask.input().has(need)) {
                return Decision.reject(Rejection.invalid(line(line), need.field(), need.messageKey()));
            }
        }
        boolean markLate = false;
        for (Policy policy : Policies.allCurrentPolicies()) {
            if (!policy.actions().contains(ask.action())) {
                continue;
            }
            switch (policy.check(ask)) {
                case Rejection r -> {
                    return Decision.reject(r);
                }
                case Verdict.AllowedMarkedLate late -> markLate = true;
                case Verdict.Allowed ok -> { }
            }
        }
        return Decision.allow(line.to().after(ask.dossier()), markLate);
    }

    /**
     * Decides an intake (SUBMIT online, RECEIVE at the counter): the table's creating line for the action, taken by
     * one of its parties; the dossier's first status.
     */
    public static Decision create(DossierAction action, Set<Party> parties) {
        Transition line = LifecycleTable.creating(action);
        if (line.by().stream().noneMatch(parties::contains)) {
            return Decision.reject(Rejection.conflict(line.basis(), "dossier.rule.notYourRole"));
        }
        return Decision.allow(line.to().after(null), false);
    }

    /** The same as {@link #decide(Ask)}. */
    public static Decision decide(DossierAction action, Set<Party> parties, DossierFacts dossier, ActionInput input,
                                  RuleContext context) {
        return decide(new Ask(action, parties, dossier, input, context));
    }

    /**
     * The actions the parties could take now (each with the inputs it needs): what a page or the officers' API
     * offers, in the table's order.
     */
    public static List<DossierAction> allowedNow(Set<Party> parties, DossierFacts dossier, RuleContext context,
                                                 java.time.OffsetDateTime now) {
        List<DossierAction> out = new ArrayList<>();
        for (Transition t : LifecycleTable.TRANSITIONS) {
            if (t.creates() || out.contains(t.action()) || !t.from().contains(dossier.status())) {
                continue;
            }
            if (decide(new Ask(t.action(), parties, dossier, ActionInput.probe(now), context)).allowed()) {
                out.add(t.action());
            }
        }
        return out;
    }

    private static String line(Transition t) {
        return t.basis();
    }
}
