package vn.motcua.catalog;

import java.util.List;

/**
 * What the procedure page tells a citizen besides the rules, as the national portal shows it. Text only: the fee,
 * the processing time, the dossier components and the form template come from the procedure itself, where the rules
 * read them, and are never repeated here.
 *
 * @param steps       trình tự thực hiện, in order
 * @param eligibility đối tượng thực hiện: who may apply
 * @param conditions  yêu cầu, điều kiện thực hiện; empty: none beyond the dossier
 */
public record ProcedureGuide(List<String> steps, List<String> eligibility, List<String> conditions) {

    public static final ProcedureGuide EMPTY = new ProcedureGuide(List.of(), List.of(), List.of());

    public ProcedureGuide {
        steps = steps == null ? List.of() : List.copyOf(steps);
        eligibility = eligibility == null ? List.of() : List.copyOf(eligibility);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    public boolean isEmpty() {
        return steps.isEmpty() && eligibility.isEmpty() && conditions.isEmpty();
    }
}
