package vn.motcua.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * The VNeID log-in in the pages' security chain: Spring Security's OpenID Connect client (authorization code with
 * PKCE, state and nonce checked by it), then {@link VneidLogin} decides which account the person is. The session
 * holds an ordinary {@link AccountPrincipal} afterwards, with the level of assurance of this log-in.
 */
@Component
class VneidSecurity {

    private static final Log log = LogFactory.getLog(VneidSecurity.class);
    static final String AUTHORIZATION_BASE = "/oauth2/authorization";
    static final String START = AUTHORIZATION_BASE + "/" + VneidClients.REGISTRATION_ID;
    static final String PENDING = VneidSecurity.class.getName() + ".PENDING";
    /** Where the pages' chain keeps the security context (the session): the VNeID pages write to the same place. */
    static final SecurityContextRepository CONTEXTS = new org.springframework.security.web.context.DelegatingSecurityContextRepository(
            new org.springframework.security.web.context.RequestAttributeSecurityContextRepository(),
            new org.springframework.security.web.context.HttpSessionSecurityContextRepository());

    private final VneidClients clients;
    private final VneidProperties properties;
    private final VneidLogin login;
    private final VneidLogout logout;

    VneidSecurity(VneidClients clients, VneidProperties properties, VneidLogin login, VneidLogout logout) {
        this.logout = logout;
        this.clients = clients;
        this.properties = properties;
        this.login = login;
    }

    VneidLogout logout() {
        return logout;
    }

    void configure(HttpSecurity http) {
        SecurityContextRepository contexts = CONTEXTS;
        http.securityContext(s -> s.securityContextRepository(contexts));
        http.oauth2Login(o -> o.loginPage("/dang-nhap")
                .clientRegistrationRepository(clients)
                .authorizedClientRepository(KEEP_NO_TOKENS)
                .authorizationEndpoint(a -> a.baseUri(AUTHORIZATION_BASE).authorizationRequestResolver(resolver()))
                .tokenEndpoint(t -> t.accessTokenResponseClient(tokenClient()))
                .userInfoEndpoint(u -> u.oidcUserService(userService()))
                .successHandler((req, res, auth) -> succeeded(req, res, auth, contexts))
                .failureHandler(this::failed));
    }

    /**
     * The provider's access and refresh tokens are not kept (the portal calls nothing on the person's behalf after
     * the log-in), so they never reach the sessions table.
     */
    private static final org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository KEEP_NO_TOKENS =
            new org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository() {
                @Override
                public <T extends org.springframework.security.oauth2.client.OAuth2AuthorizedClient> T loadAuthorizedClient(
                        String registrationId, Authentication principal, HttpServletRequest request) {
                    return null;
                }

                @Override
                public void saveAuthorizedClient(org.springframework.security.oauth2.client.OAuth2AuthorizedClient client,
                                                 Authentication principal, HttpServletRequest request,
                                                 HttpServletResponse response) {
                }

                @Override
                public void removeAuthorizedClient(String registrationId, Authentication principal,
                                                   HttpServletRequest request, HttpServletResponse response) {
                }
            };

    /** PKCE and acr_values; nothing (the page explains) when the provider does not answer. */
    private OAuth2AuthorizationRequestResolver resolver() {
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(clients, AUTHORIZATION_BASE);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
                .andThen(b -> {
                    if (properties.acrValues() != null) {
                        b.additionalParameters(p -> p.put("acr_values", properties.acrValues()));
                    }
                }));
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
                if (!request.getServletPath().startsWith(AUTHORIZATION_BASE + "/")) {
                    return null;
                }
                // unavailable: no redirect; VneidPages answers the same path with the log-in page's message
                return clients.available() ? resolver.resolve(request) : null;
            }

            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
                return clients.available() ? resolver.resolve(request, registrationId) : null;
            }
        };
    }

    private HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    private JdkClientHttpRequestFactory requestFactory() {
        var factory = new JdkClientHttpRequestFactory(http());
        factory.setReadTimeout(properties.timeout());
        return factory;
    }

    private RestClientAuthorizationCodeTokenResponseClient tokenClient() {
        var client = new RestClientAuthorizationCodeTokenResponseClient();
        client.setRestClient(RestClient.builder()
                .requestFactory(requestFactory())
                .configureMessageConverters(c -> {
                    c.addCustomConverter(new FormHttpMessageConverter());
                    c.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        return client;
    }

    private OidcUserService userService() {
        var rest = new RestTemplate(requestFactory());
        rest.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
        var oauth2 = new DefaultOAuth2UserService();
        oauth2.setRestOperations(rest);
        var oidc = new OidcUserService();
        oidc.setOauth2UserService(oauth2);
        // VNeID's claims may come from user info only: ask whenever the provider has the endpoint
        oidc.setRetrieveUserInfo(r -> r.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUri() != null);
        return oidc;
    }

    private void succeeded(HttpServletRequest req, HttpServletResponse res, Authentication auth,
                           SecurityContextRepository contexts) throws IOException {
        var empty = SecurityContextHolder.createEmptyContext();
        if (!(auth.getPrincipal() instanceof OidcUser user)) {
            SecurityContextHolder.setContext(empty);
            contexts.saveContext(empty, req, res);
            redirect(req, res, "/dang-nhap?vneid=" + VneidOutcome.FAILED.code);
            return;
        }
        VneidLogin.Result result;
        try {
            result = login.loggedIn(VneidClaims.read(user.getSubject(), user.getClaims(), properties));
        } catch (VneidClaims.Unusable e) {
            log.warn("VNeID log-in refused: " + e.getMessage());
            result = new VneidLogin.Refused(e.outcome);
        }
        if (result instanceof VneidLogin.Refused) {
            req.getSession().removeAttribute(VneidLogout.ID_TOKEN);
        } else {
            // only for logging out at the provider later (id_token_hint); kept no longer than the session
            req.getSession().setAttribute(VneidLogout.ID_TOKEN, user.getIdToken().getTokenValue());
        }
        switch (result) {
            case VneidLogin.LoggedIn in -> {
                logIn(in.principal(), req, res, contexts);
                var saved = new HttpSessionRequestCache().getRequest(req, res);
                redirect(req, res, saved != null ? null : "/ho-so", saved == null ? null : saved.getRedirectUrl());
            }
            case VneidLogin.NeedsConfirmation n -> {
                SecurityContextHolder.setContext(empty);
                contexts.saveContext(empty, req, res);
                req.getSession().setAttribute(PENDING, n.pending());
                redirect(req, res, "/dang-nhap/vneid/lien-ket");
            }
            case VneidLogin.Refused r -> {
                SecurityContextHolder.setContext(empty);
                contexts.saveContext(empty, req, res);
                redirect(req, res, "/dang-nhap?vneid=" + r.outcome().code);
            }
        }
    }

    /** The session now holds the account (with this log-in's level of assurance), as after a password log-in. */
    static void logIn(AccountPrincipal principal, HttpServletRequest req, HttpServletResponse res,
                      SecurityContextRepository contexts) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, req, res);
    }

    private void failed(HttpServletRequest req, HttpServletResponse res, AuthenticationException e) throws IOException {
        String code = e instanceof OAuth2AuthenticationException o ? o.getError().getErrorCode() : "";
        VneidOutcome outcome = switch (code) {
            case "access_denied" -> VneidOutcome.DENIED;
            case "authorization_request_not_found" -> VneidOutcome.STATE;
            case "invalid_token_response", "invalid_user_info_response", "client_registration_not_found",
                 "temporarily_unavailable", "server_error" -> VneidOutcome.UNAVAILABLE;
            default -> VneidOutcome.FAILED;
        };
        if (outcome == VneidOutcome.UNAVAILABLE) {
            clients.unavailableNow();
        }
        log.warn("VNeID log-in failed: " + code + " " + e.getMessage());
        redirect(req, res, "/dang-nhap?vneid=" + outcome.code);
    }

    private static void redirect(HttpServletRequest req, HttpServletResponse res, String path) throws IOException {
        res.sendRedirect(req.getContextPath() + path);
    }

    private static void redirect(HttpServletRequest req, HttpServletResponse res, String path, String absolute)
            throws IOException {
        if (absolute != null) {
            res.sendRedirect(absolute);
        } else {
            redirect(req, res, path);
        }
    }
}
