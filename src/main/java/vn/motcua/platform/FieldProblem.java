package vn.motcua.platform;

/**
 * One bad input: the field (JSON path style, e.g. {@code applicant.idNumber} or {@code form.child.birthDate}),
 * a message key with arguments, or an already localised message (from a validator that localises itself).
 * Serializable, because pages carry it across a redirect in the (JDBC) session as a flash attribute: its
 * arguments are kept as strings, numbers and serialisable message references (a nested message, e.g. "nhuận").
 */
public record FieldProblem(String field, String messageKey, Object[] args, String message)
        implements java.io.Serializable {

    public FieldProblem {
        args = args == null ? new Object[0] : serializable(args);
    }

    private static Object[] serializable(Object[] args) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            out[i] = a == null || a instanceof Number || a instanceof String
                    || a instanceof org.springframework.context.support.DefaultMessageSourceResolvable ? a : String.valueOf(a);
        }
        return out;
    }

    public static FieldProblem of(String field, String messageKey, Object... args) {
        return new FieldProblem(field, messageKey, args, null);
    }

    public static FieldProblem localized(String field, String message) {
        return new FieldProblem(field, null, new Object[0], message);
    }
}
