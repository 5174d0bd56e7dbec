package vn.motcua.platform.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;
import vn.motcua.platform.FieldProblem;

/**
 * The framework's exceptions that mean "the request is malformed", as field problems: the same 400 for the
 * API (problem JSON) and for pages (the error page with the message). Null for anything else.
 */
final class BadRequests {

    private BadRequests() {
    }

    static List<FieldProblem> problems(Throwable e) {
        if (e instanceof MethodArgumentTypeMismatchException m) {
            return List.of(FieldProblem.of(m.getName(), "error.param.invalid", shown(m.getValue())));
        }
        if (e instanceof TypeMismatchException m) {
            String name = m.getPropertyName() != null ? m.getPropertyName() : "param";
            return List.of(FieldProblem.of(name, "error.param.invalid", shown(m.getValue())));
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return List.of(FieldProblem.of(m.getParameterName(), "error.param.required"));
        }
        if (e instanceof MissingPathVariableException m) {
            return List.of(FieldProblem.of(m.getVariableName(), "error.param.required"));
        }
        if (e instanceof MissingServletRequestPartException m) {
            return List.of(FieldProblem.of(m.getRequestPartName(), "error.param.required"));
        }
        if (e instanceof ServletRequestBindingException) {
            return List.of(FieldProblem.of("request", "error.invalid.detail"));
        }
        if (e instanceof BindException b) {
            List<FieldProblem> out = new ArrayList<>();
            for (FieldError f : b.getFieldErrors()) {
                out.add(f.isBindingFailure()
                        ? FieldProblem.of(f.getField(), "error.param.invalid", shown(f.getRejectedValue()))
                        : FieldProblem.of(f.getField(), "error.param.invalid", shown(f.getRejectedValue())));
            }
            if (out.isEmpty()) {
                out.add(FieldProblem.of(b.getObjectName(), "error.invalid.detail"));
            }
            return out;
        }
        if (e instanceof ConversionFailedException c) {
            return List.of(FieldProblem.of("param", "error.param.invalid", shown(c.getValue())));
        }
        if (e instanceof HttpMessageNotReadableException r) {
            return List.of(json(r));
        }
        if (e instanceof MultipartException) {
            return List.of(FieldProblem.of("file", "error.body.unreadable"));
        }
        return null;
    }

    /** The field of a JSON body that could not be read, with what was wrong when we know it. */
    static FieldProblem json(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JacksonException)) {
            cause = cause.getCause();
        }
        if (!(cause instanceof JacksonException j) || j.getPath().isEmpty()
                && !(j instanceof JsonInputBoundary.BadText)) {
            return FieldProblem.of("body", "error.body.unreadable");
        }
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference r : j.getPath()) {
            if (r.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                field.append('[').append(r.getIndex()).append(']');
            }
        }
        String key = "error.input.type";
        if (j instanceof JsonInputBoundary.BadText b) {
            key = b.messageKey();
            if (b.inside() != null && !b.inside().isEmpty()) {
                field.append(field.isEmpty() || b.inside().startsWith("[") ? "" : ".").append(b.inside());
            }
        }
        return FieldProblem.of(field.isEmpty() ? "body" : field.toString(), key);
    }

    private static final java.util.regex.Pattern REJECTED = java.util.regex.Pattern.compile(
            "(header|parameter name|parameter value)[^\"]*\"([^\"]*)\"");

    /** The header or parameter named in the firewall's refusal ("the header: \"Idempotency-Key \" has ..."). */
    static String rejectedField(Throwable e) {
        java.util.regex.Matcher m = REJECTED.matcher(String.valueOf(e.getMessage()));
        if (m.find() && !m.group(2).isBlank() && !m.group(1).equals("parameter value")) {
            return shown(m.group(2).strip());
        }
        return "request";
    }

    private static String shown(Object value) {
        String s = String.valueOf(value);
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(InputBoundary.isControl(c) || Character.isSurrogate(c) ? '?' : c);
            if (b.length() >= 50) {
                b.append('…');
                break;
            }
        }
        return b.toString();
    }
}
