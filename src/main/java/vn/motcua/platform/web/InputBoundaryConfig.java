package vn.motcua.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadConstraints;
import vn.motcua.platform.ProblemException;

/**
 * Installs the input boundary: the servlet filter (before Spring Security, right after the character encoding),
 * the JSON checks in the application's mapper with a bound on the nesting of JSON documents (text length is each
 * field's rule: a module words it for the field), the same parameter check once more
 * inside the dispatcher for multipart form fields, and the message of a refused page request on the error page.
 */
@Configuration(proxyBeanMethods = false)
class InputBoundaryConfig implements WebMvcConfigurer {

    /** Deepest nesting of a JSON document (eForm schemas are a handful of levels deep). */
    static final int MAX_JSON_DEPTH = 64;

    @Bean
    FilterRegistrationBean<InputBoundary> inputBoundary(MessageSource messages, LocaleResolver locales) {
        FilterRegistrationBean<InputBoundary> r = new FilterRegistrationBean<>(new InputBoundary(messages, locales));
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        r.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        r.addUrlPatterns("/*");
        return r;
    }

    @Bean
    JsonMapperBuilderCustomizer inputBoundaryJson() {
        // no number with a fraction taken as a whole number ({"version": 1E-400} was version 0), nothing after the
        // document ({"a":1}} was {"a":1})
        return b -> b.addModule(JsonInputBoundary.module())
                .disable(tools.jackson.databind.DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Bean
    JsonFactoryBuilderCustomizer inputBoundaryJsonLimits() {
        return b -> b.streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_JSON_DEPTH).build());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (request.getDispatcherType() != DispatcherType.REQUEST
                        || !(handler instanceof org.springframework.web.method.HandlerMethod method)
                        || !org.springframework.core.annotation.AnnotatedElementUtils.hasAnnotation(
                                method.getBeanType(), org.springframework.stereotype.Controller.class)) {
                    // the error page of a refused request (its parameters were judged already), a static
                    // resource, or Spring's own answer to OPTIONS (the Allow header): they read no parameter, and
                    // no problem handler answers for them (fuzz: OPTIONS with a truncated multipart body was a 500)
                    return true;
                }
                Map<String, String[]> params;
                try {
                    params = request.getParameterMap();
                } catch (RuntimeException e) {
                    // the firewall (a name it refuses) or the container (a part it cannot read)
                    throw ProblemException.invalid("query", "error.input.query");
                }
                if (request.getAttribute(InputBoundary.UNREADABLE) != null) {
                    throw ProblemException.invalid("body", "error.body.unreadable");
                }
                String bad = InputBoundary.firstBadParameter(params);
                if (bad != null) {
                    throw ProblemException.invalid(bad, "error.input.control");
                }
                return true;
            }
        });
    }

    /**
     * Spring Security's firewall refuses some requests before any handler (a parameter name it does not allow,
     * an encoded slash, a header value with control characters): a 400, not the container's 500.
     */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler() {
        return new org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler(400);
    }

    /** The error page of a request refused by the filter shows why (the field and the problem). */
    @Bean
    ErrorAttributes errorAttributes() {
        return new DefaultErrorAttributes() {
            @Override
            public Map<String, Object> getErrorAttributes(WebRequest request,
                                                          org.springframework.boot.web.error.ErrorAttributeOptions options) {
                Map<String, Object> attrs = super.getErrorAttributes(request, options);
                Object message = request.getAttribute(InputBoundary.PAGE_MESSAGE, RequestAttributes.SCOPE_REQUEST);
                if (message != null) {
                    attrs.put("message", message);
                }
                return attrs;
            }
        };
    }
}
