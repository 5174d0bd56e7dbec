package vn.motcua.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import vn.motcua.platform.Role;

/**
 * Two doors. {@code /api/**}: stateless, bearer tokens, errors as problem JSON. Everything else (pages):
 * session login with CSRF protection; sessions live in PostgreSQL so any node serves any request.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.context.properties.EnableConfigurationProperties(VneidProperties.class)
class SecurityConfig {

    /** Public reads of the API: reference data, calendar, public tracking, the index and statistics. */
    static final String[] PUBLIC_API_READS = {
        "/api/v1/units/**", "/api/v1/units", "/api/v1/agencies/**", "/api/v1/agencies", "/api/v1/procedures/**",
        "/api/v1/procedures", "/api/v1/fields", "/api/v1/calendar/**", "/api/v1/tracking/**",
        "/api/v1/index766/**", "/api/v1/index766", "/api/v1/stats/**", "/api/v1/public/**"
    };

    /** payment (issue 13): the gateways' server-to-server callbacks and the built-in sandbox's merchant API. */
    static final String[] PAYMENT_CALLBACKS = {
        "/api/v1/payments/vnpay/ipn", "/api/v1/payments/platform/callback", "/api/v1/sandbox/vnpay/**"
    };

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /** Hardening (issue 17): no page needs these browser features. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), bluetooth=(), interest-cohort=()";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Hardening (issue 17): actuator endpoints other than health tell an attacker too much (endpoint usage,
     * exception names, pool sizes). They take a bearer token of a MONITORING or ADMIN account; health stays open
     * for load balancers. docs/OPERATIONS.md.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http, TokenService tokens, MessageSource messages,
                                      LocaleResolver locales) throws Exception {
        http.securityMatcher("/actuator/**", "/actuator")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasAnyRole(Role.MONITORING.name(), Role.ADMIN.name()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) ->
                                problem(req, res, 401, "error.unauthorized", messages, locales))
                        .accessDeniedHandler((req, res, ex) ->
                                problem(req, res, 403, "error.forbidden", messages, locales)));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, TokenService tokens, MessageSource messages,
                                 LocaleResolver locales) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .headers(h -> h.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/accounts").permitAll()
                        // hardening (issue 17): the 766 drill-down lists dossier codes: officers, admins, monitoring
                        .requestMatchers(HttpMethod.GET, "/api/v1/index766/*/dossiers")
                        .hasAnyRole("OFFICER", Role.ADMIN.name(), Role.MONITORING.name())
                        .requestMatchers(HttpMethod.GET, PUBLIC_API_READS).permitAll()
                        // signing (issue 12): the public verification of signed PDFs (rate-limited)
                        .requestMatchers(HttpMethod.POST, "/api/v1/verify").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/verify/**").permitAll()
                        .requestMatchers(PAYMENT_CALLBACKS).permitAll()
                        .requestMatchers("/api/v1/office/**").hasRole("OFFICER")
                        // administration (issue 11): agency administrators manage their own agency's staff
                        .requestMatchers("/api/v1/admin/accounts", "/api/v1/admin/accounts/**", "/api/v1/admin/audit")
                        .hasAnyRole(Role.ADMIN.name(), Role.AGENCY_ADMIN.name())
                        .requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .addFilterAfter(passwordChangeGate(true, messages, locales), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) ->
                                problem(req, res, 401, "error.unauthorized", messages, locales))
                        .accessDeniedHandler((req, res, ex) ->
                                problem(req, res, 403, "error.forbidden", messages, locales)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, LoginThrottle throttle, MessageSource messages,
                                  LocaleResolver locales, TokenService tokens, VneidSecurity vneid) throws Exception {
        // VNeID login (issue 14): OpenID Connect next to the password form, one session and security context
        vneid.configure(http);
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response) {
                var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
                if (auth != null && auth.getPrincipal() instanceof AccountPrincipal p) {
                    throttle.succeeded(p.getUsername(), request.getRemoteAddr());
                    if (p.mustChangePassword()) {
                        return "/doi-mat-khau";
                    }
                    if (p.roles().contains(Role.AGENCY_ADMIN) && !p.roles().contains(Role.ADMIN)
                            && p.roles().stream().noneMatch(Role::isOfficer)) {
                        return "/quan-tri/tai-khoan";
                    }
                    if (p.roles().stream().anyMatch(Role::isOfficer)) {
                        return "/can-bo";
                    }
                    // payments (issue 13): the accountant's transactions
                    if (p.roles().contains(Role.ACCOUNTANT)) {
                        return "/ke-toan";
                    }
                    // certification (issue 12): the certifier's queue
                    if (p.roles().contains(Role.CERTIFIER)) {
                        return "/chung-thuc/xu-ly";
                    }
                    if (p.roles().contains(Role.ADMIN)) {
                        return "/quan-tri";
                    }
                    return "/ho-so";
                }
                return "/";
            }
        };
        RequestMatcher notSwagger = req -> !req.getRequestURI().startsWith("/swagger-ui")
                && !req.getRequestURI().startsWith("/api-docs");
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/can-bo/**", "/can-bo").hasRole("OFFICER")
                        // administration (issue 11)
                        .requestMatchers("/quan-tri/tai-khoan", "/quan-tri/tai-khoan/**", "/quan-tri/nhat-ky")
                        .hasAnyRole(Role.ADMIN.name(), Role.AGENCY_ADMIN.name())
                        .requestMatchers("/doi-mat-khau").authenticated()
                        // certification (issue 12): citizens' requests and the certifier's queue
                        .requestMatchers("/chung-thuc", "/chung-thuc/**").authenticated()
                        // payments (issue 13): the accountant's pages
                        // the collections report (issue 13, docs/REPORTS.md "Payments"): an agency's leaders too
                        .requestMatchers("/ke-toan/bao-cao-thu", "/ke-toan/bao-cao-thu.xlsx")
                        .hasAnyRole(Role.ACCOUNTANT.name(), Role.LEADER.name(), Role.ADMIN.name())
                        .requestMatchers("/ke-toan/**", "/ke-toan").hasAnyRole(Role.ACCOUNTANT.name(), Role.ADMIN.name())
                        .requestMatchers("/quan-tri/**", "/quan-tri").hasRole(Role.ADMIN.name())
                        .requestMatchers("/bao-cao/**", "/bao-cao").hasAnyRole("OFFICER", Role.ADMIN.name())
                        .requestMatchers("/chi-so-766/**", "/chi-so-766").hasAnyRole("OFFICER", Role.ADMIN.name())
                        .requestMatchers("/ho-so/**", "/ho-so", "/nop-ho-so/**", "/tai-khoan/**", "/tai-khoan",
                                "/tai-len", "/thong-bao", "/thong-bao/**")
                        .authenticated()
                        .anyRequest().permitAll())
                .formLogin(f -> f.loginPage("/dang-nhap").loginProcessingUrl("/dang-nhap")
                        .failureHandler((req, res, ex) -> {
                            throttle.failed(req.getParameter("username"), req.getRemoteAddr());
                            res.sendRedirect(req.getContextPath() + "/dang-nhap?loi");
                        })
                        .successHandler(success).permitAll())
                .addFilterBefore((request, response, chain) -> {
                    var req = (HttpServletRequest) request;
                    if ("POST".equals(req.getMethod()) && "/dang-nhap".equals(req.getServletPath())
                            && throttle.blocked(req.getParameter("username"), req.getRemoteAddr())) {
                        ((HttpServletResponse) response).sendRedirect(req.getContextPath() + "/dang-nhap?khoa");
                        return;
                    }
                    chain.doFilter(request, response);
                }, UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(passwordChangeGate(false, messages, locales), UsernamePasswordAuthenticationFilter.class)
                // hardening (issue 17): "log out everywhere" also revokes the account's API tokens
                .logout(l -> l.logoutUrl("/dang-xuat")
                        .addLogoutHandler((req, res, auth) -> {
                            if ("true".equals(req.getParameter("revokeTokens")) && auth != null
                                    && auth.getPrincipal() instanceof AccountPrincipal p) {
                                tokens.revokeAll(p.accountId());
                            }
                        })
                        // a VNeID session also logs out at the provider when its end-session endpoint is configured
                        .addLogoutHandler(vneid.logout().beforeSessionEnds())
                        .logoutSuccessHandler(vneid.logout().afterLogout()))
                .headers(h -> h
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(notSwagger,
                                new StaticHeadersWriter("Content-Security-Policy", CSP)))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Paths an account whose password was reset may still use (pages): the change form, log-out, assets. */
    private static final String[] PASSWORD_CHANGE_PAGES = {"/doi-mat-khau", "/dang-xuat", "/css/", "/js/", "/img/",
        "/webjars/", "/favicon", "/error"};

    /**
     * After an administrator's reset nothing but the password change is allowed: pages redirect to
     * {@code /doi-mat-khau}, the API answers 403 except {@code /api/v1/me} and {@code /api/v1/me/password}.
     */
    private static jakarta.servlet.Filter passwordChangeGate(boolean api, MessageSource messages,
                                                            LocaleResolver locales) {
        return (request, response, chain) -> {
            var req = (HttpServletRequest) request;
            var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof AccountPrincipal p && p.mustChangePassword()) {
                String path = req.getServletPath();
                if (api && !path.equals("/api/v1/me") && !path.equals("/api/v1/me/password")) {
                    problem(req, (HttpServletResponse) response, 403, "error.password.mustChange", messages, locales);
                    return;
                }
                if (!api && java.util.Arrays.stream(PASSWORD_CHANGE_PAGES).noneMatch(path::startsWith)) {
                    ((HttpServletResponse) response).sendRedirect(req.getContextPath() + "/doi-mat-khau");
                    return;
                }
            }
            chain.doFilter(request, response);
        };
    }

    private static void problem(HttpServletRequest req, HttpServletResponse res, int status, String key,
                                MessageSource messages, LocaleResolver locales) throws IOException {
        Locale locale = locales.resolveLocale(req);
        String title = messages.getMessage("error.title." + status, null, "", locale);
        String detail = messages.getMessage(key, null, key, locale);
        res.setStatus(status);
        res.setCharacterEncoding("UTF-8");
        res.setContentType("application/problem+json");
        if (status == 401) {
            res.setHeader("WWW-Authenticate", "Bearer");
        }
        res.getWriter().write("{\"type\":\"https://motcua.vn/problems/" + status + "\",\"title\":" + quote(title)
                + ",\"status\":" + status + ",\"detail\":" + quote(detail) + "}");
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
