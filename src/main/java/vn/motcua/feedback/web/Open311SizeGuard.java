package vn.motcua.feedback.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.feedback.internal.FeedbackService;

/**
 * Refuses a form-encoded Open311 POST far beyond any field's limit (10 MB of text) with the spec's error, before
 * anything reads its parameters (the container would otherwise drop them, or the connection): the body is read and
 * dropped (up to 32 MB) so that the client gets the answer.
 */
@Configuration(proxyBeanMethods = false)
class Open311SizeGuard {

    static final long MAX_FORM_BYTES = 64 * 1024;
    static final long MAX_DRAIN_BYTES = 32L * 1024 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> open311SizeGuardFilter() {
        var bean = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
                if ("POST".equals(request.getMethod()) && type.startsWith("application/x-www-form-urlencoded")
                        && request.getContentLengthLong() > MAX_FORM_BYTES) {
                    if (request.getContentLengthLong() <= MAX_DRAIN_BYTES) {
                        try (var in = request.getInputStream()) {
                            in.transferTo(OutputStream.nullOutputStream());
                        }
                    }
                    String format = request.getRequestURI().endsWith(".json") ? "json" : "xml";
                    var body = Open311Writer.list(400, format, "errors", new Open311Writer.Items("error",
                            List.of(Open311Api.error("400", "description: at most " + FeedbackService.MAX_CONTENT
                                    + " characters (request too large)"))));
                    response.setStatus(400);
                    response.setContentType(String.valueOf(body.getHeaders().getContentType()));
                    response.setCharacterEncoding("UTF-8");
                    response.getWriter().write(body.getBody());
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        bean.addUrlPatterns("/open311/*");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        bean.setName("open311SizeGuard");
        return bean;
    }
}
