package vn.motcua.platform;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal that the caller must see as an RFC 9457 problem. Titles and details are message keys, resolved
 * in the caller's language; field problems list every bad input at once. Throwing it inside a transaction
 * rolls everything back: bad input changes nothing.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String detailKey;
    private final transient Object[] args;
    private final List<FieldProblem> errors;

    public ProblemException(HttpStatus status, String detailKey, Object[] args, List<FieldProblem> errors) {
        super(detailKey);
        this.status = status;
        this.detailKey = detailKey;
        this.args = args == null ? new Object[0] : args;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String detailKey() {
        return detailKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** The problems as a page shows them: each field's, or the whole refusal as one problem on {@code form}. */
    public List<FieldProblem> problems() {
        return errors.isEmpty() ? List.of(FieldProblem.of("form", detailKey, args)) : errors;
    }

    /** 404: the thing does not exist, or the caller may not know that it exists. */
    public static ProblemException notFound(String detailKey, Object... args) {
        return new ProblemException(HttpStatus.NOT_FOUND, detailKey, args, List.of());
    }

    /** 409: the action is not allowed in the current state, or the caller's copy is stale. */
    public static ProblemException conflict(String detailKey, Object... args) {
        return new ProblemException(HttpStatus.CONFLICT, detailKey, args, List.of());
    }

    /** 401: the caller must log in. */
    public static ProblemException unauthorized() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "error.unauthorized", new Object[0], List.of());
    }

    /** 403: authenticated, but not allowed. */
    public static ProblemException forbidden(String detailKey, Object... args) {
        return new ProblemException(HttpStatus.FORBIDDEN, detailKey, args, List.of());
    }

    /** 400 with one field problem. */
    public static ProblemException invalid(String field, String messageKey, Object... args) {
        return invalid(List.of(FieldProblem.of(field, messageKey, args)));
    }

    /** 400 listing every problem found. */
    public static ProblemException invalid(List<FieldProblem> errors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "error.invalid.detail", new Object[0], errors);
    }
}
