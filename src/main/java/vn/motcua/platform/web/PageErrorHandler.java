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
    ModelAndView problem(ProblemException e) {
        return page(e.status().value(), messages.getMessage(e.detailKey(), e.args(), e.detailKey(),
                LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(AccessDeniedException e) throws AccessDeniedException {
        throw e; // the security filter turns it into a log-in redirect or a 403 page
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) {
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
