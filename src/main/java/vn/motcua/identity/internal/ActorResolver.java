package vn.motcua.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.motcua.platform.Actor;
import vn.motcua.platform.ProblemException;

/**
 * Lets any controller take an {@link Actor} parameter: the logged-in account with the request's origin.
 * Anonymous callers get 401. Business modules never see Spring Security types.
 */
@Configuration(proxyBeanMethods = false)
class ActorResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal p) {
            HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
            return p.toActor(http == null ? "unknown" : http.getRemoteAddr());
        }
        if (parameter.isOptional() || parameter.hasParameterAnnotation(org.springframework.lang.Nullable.class)) {
            return null;
        }
        throw ProblemException.unauthorized();
    }
}
