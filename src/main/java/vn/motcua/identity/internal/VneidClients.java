package vn.motcua.identity.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The VNeID client registration, built from {@code motcua.vneid.*} when first needed (never at start-up: the
 * provider being away must not stop the application), and whether the provider answers now. Endpoints given as a
 * path are this application (the demo's sandbox): the browser is sent to the path on the host it uses, server calls
 * go to the local port.
 */
@Component
public class VneidClients implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "vneid";
    private static final Log log = LogFactory.getLog(VneidClients.class);

    private final VneidProperties properties;
    private final Environment environment;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private volatile ClientRegistration registration;
    private volatile Availability availability;

    private record Availability(boolean up, Instant at) {
    }

    /** What discovery tells ({@code /.well-known/openid-configuration}). */
    private record Metadata(String issuer, String authorization, String token, String userInfo, String jwks) {
    }

    VneidClients(VneidProperties properties, Environment environment, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.environment = environment;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public boolean configured() {
        return properties.configured();
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId) || !configured()) {
            return null;
        }
        try {
            return registration();
        } catch (IllegalStateException e) {
            log.warn("VNeID provider not usable: " + e.getMessage());
            return null;
        }
    }

    /**
     * Whether the provider answers: its signing keys can be fetched (after discovery when endpoints are not all
     * configured). The answer is reused for {@code availability-cache-for}.
     */
    boolean available() {
        if (!configured()) {
            return false;
        }
        Availability a = availability;
        Instant now = clock.instant();
        if (a != null && a.at().plus(properties.availabilityCacheFor()).isAfter(now)) {
            return a.up();
        }
        boolean up;
        try {
            ClientRegistration r = registration();
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(r.getProviderDetails().getJwkSetUri()))
                    .timeout(properties.timeout()).GET().build(), HttpResponse.BodyHandlers.discarding());
            up = answer.statusCode() == 200;
            if (!up) {
                log.warn("VNeID provider's keys answered HTTP " + answer.statusCode());
            }
        } catch (IllegalStateException | IOException | IllegalArgumentException e) {
            log.warn("VNeID provider unreachable: " + e.getMessage());
            up = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            up = false;
        }
        availability = new Availability(up, now);
        return up;
    }

    /** Forgets the last availability answer (the provider just failed during a log-in). */
    void unavailableNow() {
        availability = new Availability(false, clock.instant());
    }

    private ClientRegistration registration() {
        ClientRegistration r = registration;
        if (r != null) {
            return r;
        }
        Metadata m = new Metadata(properties.issuerUri(), properties.authorizationUri(), properties.tokenUri(),
                properties.userInfoUri(), properties.jwkSetUri());
        if (m.authorization() == null || m.token() == null || m.jwks() == null) {
            m = discover();
        }
        r = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(properties.clientSecret() == null || properties.clientSecret().isBlank()
                        ? ClientAuthenticationMethod.NONE : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(properties.scopes())
                .authorizationUri(browser(m.authorization()))
                .tokenUri(server(m.token()))
                .userInfoUri(m.userInfo() == null ? null : server(m.userInfo()))
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .jwkSetUri(server(m.jwks()))
                .issuerUri(m.issuer() == null ? null : server(m.issuer()))
                .clientName("VNeID")
                .build();
        registration = r;
        return r;
    }

    private Metadata discover() {
        if (properties.issuerUri() == null || properties.issuerUri().isBlank()) {
            throw new IllegalStateException("motcua.vneid: give issuer-uri, or authorization-uri, token-uri and jwk-set-uri");
        }
        String issuer = server(properties.issuerUri());
        String url = issuer + "/.well-known/openid-configuration";
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(properties.timeout())
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(url + " answered HTTP " + answer.statusCode());
            }
            JsonNode d = json.readTree(answer.body());
            Metadata m = new Metadata(d.path("issuer").asString(null),
                    or(properties.authorizationUri(), d.path("authorization_endpoint").asString(null)),
                    or(properties.tokenUri(), d.path("token_endpoint").asString(null)),
                    or(properties.userInfoUri(), d.path("userinfo_endpoint").asString(null)),
                    or(properties.jwkSetUri(), d.path("jwks_uri").asString(null)));
            if (m.issuer() == null || !m.issuer().equals(issuer) || m.authorization() == null || m.token() == null
                    || m.jwks() == null) {
                throw new IllegalStateException(url + " is not the configuration of issuer " + issuer);
            }
            return m;
        } catch (IOException | IllegalArgumentException | tools.jackson.core.JacksonException e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }

    /** A server-to-server address: a path is this application on its local port. */
    private String server(String uri) {
        if (!uri.startsWith("/")) {
            return uri;
        }
        String base = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080")
                + environment.getProperty("server.servlet.context-path", "");
        return uri.equals("/") ? base : base + uri;
    }

    /** Where the browser goes: a path stays on the host the browser uses. */
    private String browser(String uri) {
        return uri.startsWith("/") ? environment.getProperty("server.servlet.context-path", "") + uri : uri;
    }
}
