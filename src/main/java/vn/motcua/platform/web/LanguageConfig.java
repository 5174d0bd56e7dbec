package vn.motcua.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Vietnamese by default, English second. The language comes from {@code ?lang=}, then the {@code lang}
 * cookie, then Accept-Language; anything else means Vietnamese.
 */
@Configuration(proxyBeanMethods = false)
public class LanguageConfig implements WebMvcConfigurer {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);

    @Bean
    public LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                if (request.getAttribute(LanguageConfig.class.getName()) instanceof Locale chosen) {
                    return chosen;
                }
                if (request.getCookies() != null) {
                    for (var c : request.getCookies()) {
                        if ("lang".equals(c.getName())) {
                            return supported(c.getValue());
                        }
                    }
                }
                String header = request.getHeader("Accept-Language");
                if (header != null && !header.isBlank()) {
                    try {
                        Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                        if (best != null) {
                            return best;
                        }
                    } catch (IllegalArgumentException ignored) {
                        // a malformed header means the default language
                    }
                }
                return VIETNAMESE;
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                Locale chosen = supported(locale == null ? "vi" : locale.getLanguage());
                ResponseCookie cookie = ResponseCookie.from("lang", chosen.getLanguage()).path("/")
                        .maxAge(Duration.ofDays(365)).sameSite("Lax").httpOnly(true).build();
                response.addHeader("Set-Cookie", cookie.toString());
                request.setAttribute(LanguageConfig.class.getName(), chosen);
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    static Locale supported(String tag) {
        return "en".equalsIgnoreCase(tag) ? Locale.ENGLISH : VIETNAMESE;
    }
}
