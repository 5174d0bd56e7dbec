package vn.motcua.integration.vneid;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serial;
import java.io.Serializable;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.integration.population.RegistryPerson;

/**
 * The demo's VNeID sandbox (issue 14, docs/VNEID.md): a Spring Authorization Server inside the application under
 * {@value #PREFIX}, with its own security chain ordered before the application's, its own security context and saved
 * request in the session (logging in at the sandbox logs nobody into the portal), and a log-in page listing citizens of
 * the simulated population registry. It issues ID tokens with the claim names of DOMAIN-2.md §6.3 (SoDinhDanh,
 * HoVaTen, NgayThangNamSinh yyyyMMdd, GioiTinh, ThuongTru, NoiOHienNay, LoaiTaiKhoan, acr, loAs) and asks the person's
 * consent, which they may refuse. On with {@code motcua.vneid.sandbox.enabled=true} (the demo profile only); it is
 * not VNeID and protects nothing: its keys live in memory and its client secret is a documented demo value.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "motcua.vneid.sandbox.enabled", havingValue = "true")
class VneidSandbox {

    static final String PREFIX = "/vneid-sandbox";
    static final String LOGIN = PREFIX + "/dang-nhap";
    static final String CONSENT = PREFIX + "/dong-y";
    static final String OUTAGE = PREFIX + "/su-co";
    /** Where the portal receives the answer (Spring Security's default for registration {@code vneid}). */
    static final String CALLBACK = "/login/oauth2/code/vneid";

    /** The sandbox's own places in the session: a sandbox log-in is not a portal log-in. */
    static final HttpSessionSecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();
    static final HttpSessionRequestCache REQUESTS = new HttpSessionRequestCache();

    static {
        CONTEXTS.setSpringSecurityContextKey("MOTCUA_VNEID_SANDBOX_CONTEXT");
        REQUESTS.setSessionAttrName("MOTCUA_VNEID_SANDBOX_REQUEST");
    }

    /** A citizen logged in at the sandbox, with the level of assurance they chose. */
    record SandboxCitizen(String subject, String idNumber, int level) implements Principal, Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        RegistryPerson person() {
            return vn.motcua.integration.population.SimulatedCitizens.byIdNumber(idNumber).orElseThrow();
        }

        @Override
        public String getName() {
            return subject;
        }

        /** A stable national account id per person, like VNeID's subject. */
        static String subjectOf(String idNumber) {
            return UUID.nameUUIDFromBytes(("vneid-sandbox:" + idNumber).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .toString();
        }
    }

    /** The simulated outage switch (the sandbox page's "Giả lập sự cố"). */
    @Bean
    Outage vneidSandboxOutage() {
        return new Outage();
    }

    static final class Outage {
        private final AtomicBoolean down = new AtomicBoolean();

        boolean down() {
            return down.get();
        }

        void set(boolean value) {
            down.set(value);
        }
    }

    @Bean
    @Order(-10)
    SecurityFilterChain vneidSandboxChain(HttpSecurity http, Environment env, Outage outage,
                                          JWKSource<SecurityContext> keys) throws Exception {
        http.securityMatcher(PREFIX + "/**")
                .oauth2AuthorizationServer(as -> as
                        .registeredClientRepository(new InMemoryRegisteredClientRepository(client(env)))
                        .authorizationService(new InMemoryOAuth2AuthorizationService())
                        .authorizationConsentService(new InMemoryOAuth2AuthorizationConsentService())
                        .authorizationServerSettings(settings())
                        .tokenGenerator(tokenGenerator(keys))
                        .authorizationEndpoint(e -> e.consentPage(CONSENT)
                                .authenticationProviders(providers -> providers.forEach(p -> {
                                    if (p instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider code) {
                                        code.setAuthenticationValidator(SAME_SITE_REDIRECT);
                                    }
                                })))
                        .oidc(o -> o.userInfoEndpoint(u -> u.userInfoMapper(c -> userInfo(
                                        c.getAuthorization().getToken(OidcIdToken.class).getToken())))
                                // RP-initiated logout (the portal's log-out of a VNeID session): back to the portal
                                .logoutEndpoint(l -> l.authenticationProviders(providers -> providers.forEach(p -> {
                                    if (p instanceof OidcLogoutAuthenticationProvider logout) {
                                        logout.setAuthenticationValidator(SAME_SITE_POST_LOGOUT);
                                    }
                                })))))
                .securityContext(s -> s.securityContextRepository(CONTEXTS))
                .requestCache(r -> r.requestCache(REQUESTS))
                .authorizeHttpRequests(a -> a.requestMatchers(LOGIN, OUTAGE).permitAll().anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(r -> r.jwt(j -> j.decoder(OAuth2AuthorizationServerConfiguration.jwtDecoder(keys))))
                .addFilterBefore((request, response, chain) -> {
                    var req = (HttpServletRequest) request;
                    String path = req.getServletPath();
                    if (outage.down() && !path.equals(LOGIN) && !path.equals(OUTAGE)) {
                        ((jakarta.servlet.http.HttpServletResponse) response).sendError(503);
                        return;
                    }
                    chain.doFilter(request, response);
                }, SecurityContextHolderFilter.class);
        return http.build();
    }

    /** The keys the sandbox signs with: made at start, in memory. */
    @Bean
    JWKSource<SecurityContext> vneidSandboxKeys() throws NoSuchAlgorithmException {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder vneidSandboxJwtDecoder(JWKSource<SecurityContext> keys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    private static org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator<?> tokenGenerator(
            JWKSource<SecurityContext> keys) {
        var jwt = new org.springframework.security.oauth2.server.authorization.token.JwtGenerator(
                new org.springframework.security.oauth2.jwt.NimbusJwtEncoder(keys));
        jwt.setJwtCustomizer(CLAIMS);
        return new org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator(jwt,
                new org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator(),
                new org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator());
    }

    /** Every endpoint under the prefix; the issuer is this application's address as the caller reaches it. */
    private static AuthorizationServerSettings settings() {
        return AuthorizationServerSettings.builder()
                .authorizationEndpoint(PREFIX + "/oauth2/authorize")
                .pushedAuthorizationRequestEndpoint(PREFIX + "/oauth2/par")
                .deviceAuthorizationEndpoint(PREFIX + "/oauth2/device_authorization")
                .deviceVerificationEndpoint(PREFIX + "/oauth2/device_verification")
                .tokenEndpoint(PREFIX + "/oauth2/token")
                .tokenIntrospectionEndpoint(PREFIX + "/oauth2/introspect")
                .tokenRevocationEndpoint(PREFIX + "/oauth2/revoke")
                .jwkSetEndpoint(PREFIX + "/oauth2/jwks")
                .oidcLogoutEndpoint(PREFIX + "/connect/logout")
                .oidcUserInfoEndpoint(PREFIX + "/userinfo")
                .oidcClientRegistrationEndpoint(PREFIX + "/connect/register")
                .build();
    }

    /** The portal as the sandbox's one client: consent required, PKCE required, secret from configuration. */
    private static RegisteredClient client(Environment env) {
        String id = env.getProperty("motcua.vneid.client-id", "motcua-demo");
        String secret = env.getProperty("motcua.vneid.client-secret", "");
        return RegisteredClient.withId("motcua-portal")
                .clientId(id)
                .clientSecret("{noop}" + secret)
                .clientName("Cổng dịch vụ công (MotCua)")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                // checked against the host the browser uses (SAME_SITE_REDIRECT), not this placeholder
                .redirectUri("http://127.0.0.1" + CALLBACK)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(true).requireProofKey(true).build())
                .build();
    }

    /**
     * The answer goes back only to the portal on the host the browser is using ({@value #CALLBACK} there): the demo
     * runs on localhost, 127.0.0.1 or any host name, so no fixed list; nowhere else.
     */
    static final Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> SAME_SITE_REDIRECT = context -> {
        org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken auth = context.getAuthentication();
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        String expected = UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(request))
                .replacePath(request.getContextPath() + CALLBACK).replaceQuery(null).fragment(null).build().toUriString();
        if (!expected.equals(auth.getRedirectUri())) {
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, "redirect_uri must be " + expected, null), auth);
        }
        OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR.accept(context);
    };

    /** Where the portal shows "logged out" ({@code /?da-dang-xuat}), the one post-logout redirect allowed. */
    static final String LOGGED_OUT = "/?da-dang-xuat";

    /**
     * After logging out the browser goes back only to the portal's "logged out" page on the host it is using (as for
     * the log-in's answer: no fixed host in the demo); without a {@code post_logout_redirect_uri} the sandbox's
     * default page.
     */
    static final Consumer<OidcLogoutAuthenticationContext> SAME_SITE_POST_LOGOUT = context -> {
        OidcLogoutAuthenticationToken auth = context.getAuthentication();
        if (auth.getPostLogoutRedirectUri() == null) {
            return;
        }
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        String expected = UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(request))
                .replacePath(request.getContextPath()).replaceQuery(null).fragment(null).build().toUriString()
                + LOGGED_OUT;
        if (!expected.equals(auth.getPostLogoutRedirectUri())) {
            throw new org.springframework.security.oauth2.core.OAuth2AuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_REQUEST, "post_logout_redirect_uri must be " + expected, null));
        }
    };

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** The claims of VNeID's ID token (DOMAIN-2.md §6.3 names) for the citizen logged in at the sandbox. */
    static final OAuth2TokenCustomizer<JwtEncodingContext> CLAIMS = context -> {
        if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
                || !(context.getPrincipal().getPrincipal() instanceof SandboxCitizen c)) {
            return;
        }
        claims(c).forEach((k, v) -> context.getClaims().claim(k, v));
    };

    static Map<String, Object> claims(SandboxCitizen c) {
        RegistryPerson p = c.person();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("SoDinhDanh", p.idNumber());
        m.put("HoVaTen", p.fullName());
        m.put("NgayThangNamSinh", p.dateOfBirth().format(YYYYMMDD));
        m.put("GioiTinh", p.gender());
        m.put("ThuongTru", p.permanentAddress());
        m.put("NoiOHienNay", p.currentAddress());
        m.put("LoaiTaiKhoan", "1");
        m.put("TechID", c.subject());
        m.put("loginIdp", "BCA");
        m.put("acr", String.valueOf(c.level()));
        m.put("loAs", c.level() == 2 ? List.of("LoA1", "LoA2") : List.of("LoA1"));
        return m;
    }

    private static final Set<String> NOT_USER_INFO = Set.of("iss", "aud", "exp", "iat", "nbf", "nonce", "azp",
            "auth_time", "sid", "at_hash", "jti");

    /** User info: the ID token's claims about the person. */
    private static OidcUserInfo userInfo(org.springframework.security.oauth2.core.oidc.OidcIdToken idToken) {
        Map<String, Object> m = new LinkedHashMap<>();
        idToken.getClaims().forEach((k, v) -> {
            if (!NOT_USER_INFO.contains(k)) {
                m.put(k, v);
            }
        });
        return new OidcUserInfo(m);
    }
}
