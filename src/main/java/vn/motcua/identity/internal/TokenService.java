package vn.motcua.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Opaque bearer tokens: random 256-bit strings; the database keeps only their SHA-256. */
@Service
public class TokenService {

    private final JdbcClient jdbc;
    private final AccountService accounts;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final LoginThrottle throttle;

    TokenService(JdbcClient jdbc, AccountService accounts, LoginThrottle throttle,
                 @Value("${motcua.api.token-lifetime:8h}") Duration lifetime) {
        this.throttle = throttle;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.lifetime = lifetime;
    }

    public record Issued(String token, long expiresInSeconds) {
    }

    /** Checks the password and issues a token; repeated failures lock the name (and the address) for a while. */
    public Optional<Issued> login(String username, String password, String address) {
        throttle.check(username, address);
        Optional<AccountPrincipal> p = accounts.authenticate(username, password);
        if (p.isEmpty()) {
            throttle.failed(username, address);
            return Optional.empty();
        }
        throttle.succeeded(username, address);
        return Optional.of(issue(p.get().accountId()));
    }

    Issued issue(long accountId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                insert into api_token (token_hash, account_id, expires_at)
                values (:h, :a, now() + make_interval(secs => :s))""")
                .param("h", hash(token)).param("a", accountId).param("s", lifetime.toSeconds()).update();
        return new Issued(token, lifetime.toSeconds());
    }

    Optional<AccountPrincipal> resolve(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return accounts.findByTokenHash(hash(token)).filter(AccountPrincipal::isEnabled);
    }

    /** Revokes one token (the one a client presents): it stops working at once. True when it existed. */
    public boolean revoke(String token) {
        return token != null && jdbc.sql("delete from api_token where token_hash = :h")
                .param("h", hash(token)).update() > 0;
    }

    /** Revokes every token of an account (page log-out "everywhere", a disabled account). */
    public int revokeAll(long accountId) {
        return jdbc.sql("delete from api_token where account_id = :a").param("a", accountId).update();
    }

    int purgeExpired() {
        return jdbc.sql("delete from api_token where expires_at < now()").update();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
