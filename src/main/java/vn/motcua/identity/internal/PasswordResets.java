package vn.motcua.identity.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.identity.PasswordResetRequested;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.limits.LimitKind;
import vn.motcua.platform.limits.RateLimits;

/**
 * Self-service password reset by a one-time code. The owner names the account (user name, e-mail or phone); if it
 * exists and has an e-mail address or a phone number, a six-digit code is sent there ({@link PasswordResetRequested})
 * and only its bcrypt hash kept. The code is valid {@link #VALIDITY}, takes {@link #MAX_ATTEMPTS} wrong tries, and is
 * used once; a new request replaces the open ones. The answer is the same whether or not the account exists, and
 * requests are limited per address ({@link LimitKind#PASSWORD_RESET_SOURCE}) and per account named
 * ({@link LimitKind#PASSWORD_RESET_TARGET}).
 */
@Service
public class PasswordResets {

    public static final Duration VALIDITY = Duration.ofMinutes(10);
    public static final int MAX_ATTEMPTS = 5;
    static final int PASSWORD_MIN = 8;

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final RateLimits limits;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;

    PasswordResets(JdbcClient jdbc, PasswordEncoder encoder, RateLimits limits, ApplicationEventPublisher events,
                   Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.limits = limits;
        this.events = events;
        this.clock = clock;
        this.dummyHash = encoder.encode("not-a-code");
    }

    /**
     * Sends a code to the account named, if there is one that can receive it; says nothing either way.
     *
     * @throws ProblemException 400 naming {@code resetAccount} when it is empty or too long; 429 past the limits
     */
    @Transactional
    public void request(String identifier, String sourceAddress) {
        String key = normalise(identifier);
        if (key == null) {
            throw ProblemException.invalid(List.of(FieldProblem.of("resetAccount", "error.passwordReset.identifier")));
        }
        limits.check(LimitKind.PASSWORD_RESET_SOURCE, sourceAddress == null ? "unknown" : sourceAddress);
        limits.check(LimitKind.PASSWORD_RESET_TARGET, key);
        Optional<Long> account = find(key);
        if (account.isEmpty()) {
            // the same work as for an account, so the time taken does not tell whether it exists
            encoder.encode("000000");
            return;
        }
        long id = account.get();
        Instant now = clock.instant();
        jdbc.sql("update password_reset_code set used_at = :now where account_id = :id and used_at is null")
                .param("now", Timestamp.from(now)).param("id", id).update();
        String code = "%06d".formatted(random.nextInt(1_000_000));
        jdbc.sql("""
                insert into password_reset_code (account_id, code_hash, created_at, expires_at)
                values (:id, :h, :now, :exp)""")
                .param("id", id).param("h", encoder.encode(code)).param("now", Timestamp.from(now))
                .param("exp", Timestamp.from(now.plus(VALIDITY))).update();
        events.publishEvent(new PasswordResetRequested(id, code, (int) VALIDITY.toMinutes()));
    }

    /**
     * Sets a new password with a code sent by {@link #request}. A wrong, expired or used code is refused with one
     * message naming the code field (which of the three is not told); the new password is checked like any other.
     *
     * @return the account whose password was set
     * @throws ProblemException 400 naming the field, nothing changed but the count of wrong tries
     */
    @Transactional(noRollbackFor = ProblemException.class)
    public long reset(String identifier, String code, String newPassword) {
        List<FieldProblem> errors = new ArrayList<>();
        String key = normalise(identifier);
        if (key == null) {
            errors.add(FieldProblem.of("resetAccount", "error.passwordReset.identifier"));
        }
        String digits = code == null ? "" : code.replaceAll("\\s", "");
        if (!digits.matches("\\d{6}")) {
            errors.add(FieldProblem.of("resetCode", "error.passwordReset.codeFormat"));
        }
        if (newPassword == null || newPassword.length() < PASSWORD_MIN || newPassword.length() > 128) {
            errors.add(FieldProblem.of("newPassword", "error.password.length", PASSWORD_MIN));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Long account = find(key).orElse(null);
        Instant now = clock.instant();
        var open = account == null ? Optional.<OpenCode>empty() : jdbc.sql("""
                select id, code_hash from password_reset_code
                 where account_id = :a and used_at is null and expires_at > :now and attempts < :max
                 order by created_at desc limit 1 for update""")
                .param("a", account).param("now", Timestamp.from(now)).param("max", MAX_ATTEMPTS)
                .query((rs, i) -> new OpenCode(rs.getLong("id"), rs.getString("code_hash"))).optional();
        if (open.isEmpty() || !encoder.matches(digits, open.get().hash())) {
            open.ifPresent(c -> jdbc.sql("update password_reset_code set attempts = attempts + 1 where id = :id")
                    .param("id", c.id()).update());
            if (open.isEmpty()) {
                encoder.matches(digits, dummyHash);
            }
            throw ProblemException.invalid(List.of(FieldProblem.of("resetCode", "error.passwordReset.code")));
        }
        jdbc.sql("update password_reset_code set used_at = :now where account_id = :a and used_at is null")
                .param("now", Timestamp.from(now)).param("a", account).update();
        jdbc.sql("""
                update account set password_hash = :h, must_change_password = false, version = version + 1,
                       updated_at = :now where id = :id""")
                .param("h", encoder.encode(newPassword)).param("now", Timestamp.from(now)).param("id", account)
                .update();
        // API tokens issued with the old password stop working
        jdbc.sql("delete from api_token where account_id = :id").param("id", account).update();
        limits.reset(LimitKind.PASSWORD_RESET_TARGET, key);
        return account;
    }

    private record OpenCode(long id, String hash) {
    }

    /**
     * The enabled account a user name, an e-mail address or a phone number names, when it names exactly one that
     * can receive a code (it has an e-mail address or a phone number).
     */
    private Optional<Long> find(String key) {
        List<Long> ids = jdbc.sql("""
                select a.id from account a left join citizen_profile p on p.account_id = a.id
                 where a.enabled
                   and (coalesce(p.email, a.email) is not null or coalesce(p.phone, a.phone) is not null)
                   and (a.username = :k or lower(a.email) = :k or lower(p.email) = :k
                        or regexp_replace(coalesce(a.phone, ''), '[ .]', '', 'g') = :k
                        or regexp_replace(coalesce(p.phone, ''), '[ .]', '', 'g') = :k)
                 order by (a.username = :k) desc, a.id limit 2""")
                .param("k", key).query(Long.class).list();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        boolean byName = jdbc.sql("select count(*) from account where id = :id and username = :k")
                .param("id", ids.getFirst()).param("k", key).query(Long.class).single() > 0;
        return byName || ids.size() == 1 ? Optional.of(ids.getFirst()) : Optional.empty();
    }

    /** Lower case, spaces and dots out of a phone number; null when empty or longer than an e-mail address. */
    static String normalise(String identifier) {
        if (identifier == null) {
            return null;
        }
        String s = identifier.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.length() > 254 || s.indexOf('\0') >= 0) {
            return null;
        }
        String phone = s.replaceAll("[ .]", "");
        return phone.matches("\\+?\\d{9,12}") ? phone : s;
    }
}
