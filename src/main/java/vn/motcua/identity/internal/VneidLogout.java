package vn.motcua.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Logging out of a VNeID session at the identity provider too (OpenID Connect RP-initiated logout, issue 14): after
 * the portal's own log-out, the browser goes to the provider's end-session endpoint
 * ({@code motcua.vneid.end-session-uri}) with {@code id_token_hint} (the ID token of this session's log-in),
 * {@code client_id} and {@code post_logout_redirect_uri} (the portal's "logged out" page), so that the next VNeID
 * log-in on that browser asks again. Without the setting (the default) the log-out is local only: how the national
 * provider's log-out is reached (a URL template with the access token and a callback, or VNeID's token-bound
 * {@code logoutUri}, DOMAIN-2.md §6.2) is UNCONFIRMED. A password session always logs out locally only.
 *
 * <p>The ID token is the only thing of the provider the session keeps (not the access or refresh token): a signed
 * statement of who logged in, usable for nothing but this hint; it leaves with the session.
 */
@Component
class VneidLogout {

    /** The session attribute holding the ID token of the session's VNeID log-in. */
    static final String ID_TOKEN = VneidLogout.class.getName() + ".ID_TOKEN";
    private static final String GO_TO = VneidLogout.class.getName() + ".GO_TO";
    /** The portal's page after a log-out (also the post-logout redirect the provider is given). */
    static final String LOGGED_OUT = "/?da-dang-xuat";

    private final String endSessionUri;
    private final VneidProperties properties;

    VneidLogout(@Value("${motcua.vneid.end-session-uri:}") String endSessionUri, VneidProperties properties) {
        this.endSessionUri = endSessionUri == null || endSessionUri.isBlank() ? null : endSessionUri.strip();
        this.properties = properties;
    }

    /** Before the session ends: a VNeID session with its ID token kept notes where the browser goes next. */
    LogoutHandler beforeSessionEnds() {
        return (req, res, auth) -> {
            HttpSession session = req.getSession(false);
            if (endSessionUri == null || session == null || !vneidSession(auth)
                    || !(session.getAttribute(ID_TOKEN) instanceof String idToken)) {
                return;
            }
            req.setAttribute(GO_TO, endSessionUrl(req, idToken));
        };
    }

    /** After the log-out: the provider's end-session endpoint, or the portal's page. */
    LogoutSuccessHandler afterLogout() {
        return (req, res, auth) -> res.sendRedirect(req.getAttribute(GO_TO) instanceof String url ? url
                : req.getContextPath() + LOGGED_OUT);
    }

    private static boolean vneidSession(Authentication auth) {
        return auth != null && auth.getPrincipal() instanceof AccountPrincipal p && p.vneidLevel().isPresent();
    }

    /** The end-session URL; a path (no host) is this application (the demo's sandbox), as for the other endpoints. */
    String endSessionUrl(HttpServletRequest req, String idToken) {
        String base = UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(req))
                .replacePath(req.getContextPath()).replaceQuery(null).fragment(null).build().toUriString();
        String endpoint = endSessionUri.startsWith("/") ? base + endSessionUri : endSessionUri;
        return UriComponentsBuilder.fromUriString(endpoint)
                .queryParam("id_token_hint", idToken)
                .queryParam("client_id", properties.clientId())
                .queryParam("post_logout_redirect_uri", base + LOGGED_OUT)
                .encode().build().toUriString();
    }
}
