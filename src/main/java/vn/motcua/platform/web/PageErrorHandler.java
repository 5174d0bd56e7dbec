package vn.motcua.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import vn.motcua.platform.ProblemException;

/** Errors of server-rendered pages: a page in the visitor's language with the right status, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
public class PageErrorHandler {

    private static final Log log = LogFactory.getLog(PageErrorHandler.class);
    private final MessageSource messages;

    public PageErrorHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ProblemException.class)
    ModelAndView problem(ProblemException e, jakarta.servlet.http.HttpServletResponse response) {
        if (e instanceof vn.motcua.platform.limits.TooManyRequests t) {
            response.setHeader("Retry-After", String.valueOf(t.retryAfterSeconds()));
        }
        String detail = messages.getMessage(e.detailKey(), e.args(), e.detailKey(), LocaleContextHolder.getLocale());
        return page(e.status().value(), e.errors().isEmpty() ? detail : fields(e.errors()));
    }

    /** A malformed request (a parameter of the wrong type, a missing one): 400 with the field and the problem. */
    @ExceptionHandler({org.springframework.beans.TypeMismatchException.class,
        org.springframework.web.bind.MissingServletRequestParameterException.class,
        org.springframework.web.multipart.support.MissingServletRequestPartException.class,
        org.springframework.web.bind.ServletRequestBindingException.class,
        org.springframework.validation.BindException.class,
        org.springframework.core.convert.ConversionFailedException.class,
        org.springframework.http.converter.HttpMessageNotReadableException.class,
        org.springframework.web.multipart.MultipartException.class})
    ModelAndView malformed(Exception e) {
        java.util.List<vn.motcua.platform.FieldProblem> errors = BadRequests.problems(e);
        return page(400, errors == null ? messages.getMessage("page.error.400", null, LocaleContextHolder.getLocale())
                : fields(errors));
    }

    /** A header value the firewall refuses when it is read (a control character, e.g. a UTF-8 {@code ệ}). */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ModelAndView rejected(RuntimeException e) {
        return page(400, fields(java.util.List.of(vn.motcua.platform.FieldProblem.of(BadRequests.rejectedField(e),
                "error.input.control"))));
    }

    @ExceptionHandler(org.springframework.web.HttpRequestMethodNotSupportedException.class)
    ModelAndView method(Exception e) {
        return page(405, messages.getMessage("error.method", null, LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(org.springframework.web.servlet.resource.NoResourceFoundException.class)
    ModelAndView noResource(Exception e) {
        return page(404, messages.getMessage("page.error.404", null, LocaleContextHolder.getLocale()));
    }

    /** "Field «x»: problem" for each problem, one sentence after the other. */
    private String fields(java.util.List<vn.motcua.platform.FieldProblem> errors) {
        var locale = LocaleContextHolder.getLocale();
        StringBuilder b = new StringBuilder();
        for (var f : errors) {
            String text = f.message() != null ? f.message()
                    : messages.getMessage(f.messageKey(), f.args(), f.messageKey(), locale);
            b.append(b.isEmpty() ? "" : " ").append(messages.getMessage("error.input.field",
                    new Object[] {f.field(), text}, locale));
        }
        return b.toString();
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(AccessDeniedException e) throws AccessDeniedException {
        throw e; // the security filter turns it into a log-in redirect or a 403 page
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof org.springframework.web.ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            // a refusal of the framework (a media type, a method, a part) with no handler of its own: its status
            int status = framework.getStatusCode().value();
            String key = status == 415 || status == 406 ? "error.mediaType" : status == 405 ? "error.method"
                    : "page.error." + (status == 404 ? 404 : 400);
            return page(status, messages.getMessage(key, null, LocaleContextHolder.getLocale()));
        }
        log.error("Unexpected error on page " + request.getRequestURI(), e);
        return page(500, messages.getMessage("page.error.500", null, LocaleContextHolder.getLocale()));
    }

    private static ModelAndView page(int status, String message) {
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
        mav.addObject("status", status);
        mav.addObject("message", message);
        return mav;
    }
}
