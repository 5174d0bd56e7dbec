package vn.motcua.platform;

/**
 * One bad input: the field (JSON path style, e.g. {@code applicant.idNumber} or {@code form.child.birthDate}),
 * a message key with arguments, or an already localised message (from a validator that localises itself).
 */
public record FieldProblem(String field, String messageKey, Object[] args, String message) {

    public static FieldProblem of(String field, String messageKey, Object... args) {
        return new FieldProblem(field, messageKey, args, null);
    }

    public static FieldProblem localized(String field, String message) {
        return new FieldProblem(field, null, new Object[0], message);
    }
}
