package vn.motcua.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;

/**
 * Every error of the REST API as {@code application/problem+json}: {type, title, status, detail, errors:
 * [{field, message}]}, in the caller's language (Vietnamese unless Accept-Language asks for English).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ApiProblemHandler {

    private static final Log log = LogFactory.getLog(ApiProblemHandler.class);
    private final MessageSource messages;

    public ApiProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ProblemException.class)
    public ResponseEntity<ProblemDetail> problem(ProblemException e) {
        ResponseEntity<ProblemDetail> r = respond(e.status(), msg(e.detailKey(), e.args()), e.errors());
        if (e instanceof vn.motcua.platform.limits.TooManyRequests t) {
            return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(t.retryAfterSeconds())).body(r.getBody());
        }
        return r;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    public ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e) {
        return respond(HttpStatus.CONFLICT, msg("error.stale.detail"), List.of());
    }

    /** Malformed requests (a parameter of the wrong type, a missing one, an unreadable body): 400 naming the field. */
    @ExceptionHandler({org.springframework.beans.TypeMismatchException.class,
        MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
        org.springframework.web.bind.ServletRequestBindingException.class,
        org.springframework.validation.BindException.class,
        org.springframework.core.convert.ConversionFailedException.class,
        org.springframework.web.multipart.MultipartException.class})
    public ResponseEntity<ProblemDetail> malformed(Exception e) {
        if (e instanceof MaxUploadSizeExceededException big) {
            return tooLarge(big);
        }
        List<FieldProblem> errors = BadRequests.problems(e);
        return respond(HttpStatus.BAD_REQUEST, msg("error.invalid.detail"),
                errors == null ? List.of(FieldProblem.of("request", "error.invalid.detail")) : errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    public ResponseEntity<ProblemDetail> validation(HandlerMethodValidationException e) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                errors.add(FieldProblem.localized(r.getMethodParameter().getParameterName(),
                        messages.getMessage(err, LocaleContextHolder.getLocale())))));
        return respond(HttpStatus.BAD_REQUEST, msg("error.invalid.detail"), errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        FieldProblem field = BadRequests.json(e);
        return respond(HttpStatus.BAD_REQUEST, msg(field.field().equals("body") ? "error.body.unreadable"
                : "error.invalid.detail"), List.of(field));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return respond(HttpStatus.BAD_REQUEST, msg("error.invalid.detail"),
                List.of(FieldProblem.of("file", "error.file.tooLarge")));
    }

    /** Tomcat refuses an upload above the servlet limit while parsing the request. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    public ResponseEntity<ProblemDetail> badParameters(Exception e) {
        return respond(HttpStatus.BAD_REQUEST, msg("error.invalid.detail"),
                List.of(FieldProblem.of("file", "error.file.tooLarge")));
    }

    /** A header value the firewall refuses when it is read (a control character, e.g. a UTF-8 {@code ệ}). */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    public ResponseEntity<ProblemDetail> rejected(RuntimeException e) {
        return respond(HttpStatus.BAD_REQUEST, msg("error.invalid.detail"),
                List.of(FieldProblem.of(BadRequests.rejectedField(e), "error.input.control")));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, msg("error.method"), List.of());
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
    public ResponseEntity<ProblemDetail> notAcceptable(Exception e) {
        return respond(HttpStatus.NOT_ACCEPTABLE, msg("error.mediaType"), List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, msg("error.mediaType"), List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return respond(HttpStatus.NOT_FOUND, msg("error.notFound.path"), List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return respond(HttpStatus.FORBIDDEN, msg("error.forbidden"), List.of());
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof org.springframework.web.ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            // a refusal of the framework that has no handler of its own here: its status, never a 500
            return respond(framework.getStatusCode(), msg("error.invalid.detail"), List.of());
        }
        log.error("Unexpected error on " + request.getMethod() + " " + request.getRequestURI(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, msg("error.internal"), List.of());
    }

    private ResponseEntity<ProblemDetail> respond(HttpStatusCode status, String detail, List<FieldProblem> errors) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create("https://motcua.vn/problems/" + status.value()));
        pd.setTitle(messages.getMessage("error.title." + status.value(), null,
                messages.getMessage("error.title.default", null, "Lỗi", locale), locale));
        if (!errors.isEmpty() || status.value() == 400) {
            List<Map<String, String>> list = new ArrayList<>();
            for (FieldProblem f : errors) {
                String text = f.message() != null ? f.message()
                        : messages.getMessage(f.messageKey(), f.args(), f.messageKey(), locale);
                list.add(Map.of("field", f.field() == null ? "" : f.field(), "message", text));
            }
            pd.setProperty("errors", list);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(pd, headers, status);
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
