package vn.motcua.identity.internal;

import java.io.Serial;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.identity.CitizenProfile;
import vn.motcua.identity.NationalIdentityLinked;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;
import vn.motcua.platform.outbox.Outbox;

/**
 * What a VNeID log-in does to accounts (issue 14). The identification number is the account key: an account linked
 * to it is logged in (its profile refreshed from the claims, the level of assurance recorded); otherwise a local
 * citizen account whose profile carries the same number is merged <em>only</em> after the person confirms with that
 * account's password, and refusing makes a separate VNeID account; with no such account a citizen account is made.
 * Officers' and administrators' accounts are never linked.
 */
@Service
class VneidLogin {

    private static final Log log = LogFactory.getLog(VneidLogin.class);
    /** How long the merge confirmation waits for the person. */
    static final java.time.Duration CONFIRM_WITHIN = java.time.Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final AccountService accounts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean demoActive;
    private final SecureRandom random = new SecureRandom();
    private final Outbox outbox;

    VneidLogin(JdbcClient jdbc, AccountService accounts, TransactionTemplate tx, Clock clock, Environment env,
               Outbox outbox) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.tx = tx;
        this.clock = clock;
        this.demoActive = env.acceptsProfiles(Profiles.of("demo"));
    }

    /** What a log-in leads to. */
    sealed interface Result permits LoggedIn, NeedsConfirmation, Refused {
    }

    /** The person is logged in as this account. */
    record LoggedIn(AccountPrincipal principal) implements Result {
    }

    /** Local accounts carry the same number: the person decides on the confirmation page. */
    record NeedsConfirmation(PendingMerge pending) implements Result {
    }

    /** The account linked to the number is disabled. */
    record Refused(VneidOutcome outcome) implements Result {
    }

    /**
     * A merge waiting for the person's decision, kept in their session (nothing is written before they decide).
     *
     * @param candidates the local citizen accounts whose profile carries the number, as they were when shown
     */
    record PendingMerge(VneidClaims claims, List<Candidate> candidates, Instant expires) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        Optional<Candidate> candidate(long accountId) {
            return candidates.stream().filter(c -> c.accountId() == accountId).findFirst();
        }
    }

    /** A local account that could be merged: its id, its name partly hidden, and its version when shown. */
    record Candidate(long accountId, String username, String maskedUsername, int version) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    Result loggedIn(VneidClaims claims) {
        for (int attempt = 0; ; attempt++) {
            try {
                return tx.execute(s -> decide(claims));
            } catch (DuplicateKeyException e) {
                // two first log-ins of one person at once: the other one linked the number; log in to it
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    private Result decide(VneidClaims claims) {
        Optional<Long> linked = jdbc.sql("select account_id from vneid_identity where id_number = :n")
                .param("n", claims.idNumber()).query(Long.class).optional();
        if (linked.isPresent()) {
            return logInLinked(linked.get(), claims);
        }
        List<Candidate> candidates = jdbc.sql("""
                select a.id, a.username, a.version from account a join citizen_profile p on p.account_id = a.id
                where a.kind = 'CITIZEN' and p.id_number = :n and a.enabled and (:demo or not a.demo)
                  and not exists (select 1 from vneid_identity v where v.account_id = a.id)
                order by a.id""")
                .param("n", claims.idNumber()).param("demo", demoActive)
                .query((rs, i) -> new Candidate(rs.getLong("id"), rs.getString("username"), mask(rs.getString("username")),
                        rs.getInt("version")))
                .list();
        if (!candidates.isEmpty()) {
            return new NeedsConfirmation(new PendingMerge(claims, candidates, clock.instant().plus(CONFIRM_WITHIN)));
        }
        return createAccount(claims);
    }

    /** The person refused the merge: a separate VNeID account (the local account stays as it is). */
    Result separate(PendingMerge pending) {
        expired(pending);
        for (int attempt = 0; ; attempt++) {
            try {
                return tx.execute(s -> {
                    Optional<Long> linked = jdbc.sql("select account_id from vneid_identity where id_number = :n")
                            .param("n", pending.claims().idNumber()).query(Long.class).optional();
                    return linked.isPresent() ? logInLinked(linked.get(), pending.claims())
                            : createAccount(pending.claims());
                });
            } catch (DuplicateKeyException e) {
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    /**
     * The person confirmed the merge with the local account's password: the account is linked to the number. A wrong
     * password is a 400 naming the field (counted by the log-in throttle by the caller); an account changed since the
     * page was shown, or linked meanwhile, is a 409.
     */
    LoggedIn merge(PendingMerge pending, long accountId, String password) {
        expired(pending);
        Candidate c = pending.candidate(accountId)
                .orElseThrow(() -> ProblemException.invalid("account", "vneid.merge.account"));
        if (accounts.authenticate(c.username(), password).isEmpty()) {
            throw ProblemException.invalid("password", "vneid.merge.password");
        }
        try {
            return tx.execute(s -> {
                int changed = jdbc.sql("""
                        update account set version = version + 1, updated_at = :now
                        where id = :id and version = :v and kind = 'CITIZEN' and enabled""")
                        .param("id", accountId).param("v", c.version()).param("now", now()).update();
                if (changed == 0) {
                    throw ProblemException.conflict("vneid.merge.changed");
                }
                insertIdentity(accountId, pending.claims(), "MERGED");
                refreshProfile(accountId, pending.claims());
                log.info("VNeID identity merged into local account " + accountId + " after confirmation");
                return new LoggedIn(principal(accountId, pending.claims()));
            });
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("vneid.merge.changed");
        }
    }

    private void expired(PendingMerge pending) {
        if (pending.expires().isBefore(clock.instant())) {
            throw ProblemException.conflict("vneid.merge.expired");
        }
    }

    private Result logInLinked(long accountId, VneidClaims claims) {
        AccountPrincipal p = accounts.findById(accountId).orElseThrow();
        if (!p.isEnabled()) {
            return new Refused(VneidOutcome.DISABLED);
        }
        jdbc.sql("""
                update vneid_identity set subject = :sub, assurance_level = :level, acr = :acr, account_type = :type,
                  full_name = :name, date_of_birth = coalesce(:dob, date_of_birth), gender = coalesce(:gender, gender),
                  last_login_at = :now, version = version + 1
                where account_id = :id""")
                .param("sub", claims.subject()).param("level", claims.assuranceLevel()).param("acr", claims.acr())
                .param("type", claims.accountType()).param("name", claims.fullName()).param("dob", claims.dateOfBirth())
                .param("gender", claims.gender()).param("now", now()).param("id", accountId).update();
        refreshProfile(accountId, claims);
        return new LoggedIn(principal(accountId, claims));
    }

    private LoggedIn createAccount(VneidClaims claims) {
        String base = "vneid." + claims.idNumber();
        // an unusable password: the account logs in with VNeID (a password can be set through "Quên mật khẩu")
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String hash = accounts.hash(Base64.getEncoder().encodeToString(secret));
        java.util.OptionalLong id = java.util.OptionalLong.empty();
        for (int n = 0; id.isEmpty() && n < 20; n++) {
            id = accounts.createIfFree(n == 0 ? base : base + "." + n, hash, claims.fullName(), claims.email(),
                    claims.phone(), "CITIZEN", Set.of(Role.CITIZEN));
        }
        long accountId = id.orElseThrow(() -> new IllegalStateException("no free user name for " + base));
        insertIdentity(accountId, claims, "CREATED");
        refreshProfile(accountId, claims);
        log.info("citizen account " + accountId + " created by a VNeID log-in");
        return new LoggedIn(principal(accountId, claims));
    }

    private void insertIdentity(long accountId, VneidClaims claims, String how) {
        OffsetDateTime now = now();
        jdbc.sql("""
                insert into vneid_identity (account_id, id_number, subject, assurance_level, acr, account_type, full_name,
                                            date_of_birth, gender, linked_how, linked_at, last_login_at)
                values (:id, :n, :sub, :level, :acr, :type, :name, :dob, :gender, :how, :now, :now)""")
                .param("id", accountId).param("n", claims.idNumber()).param("sub", claims.subject())
                .param("level", claims.assuranceLevel()).param("acr", claims.acr()).param("type", claims.accountType())
                .param("name", claims.fullName()).param("dob", claims.dateOfBirth()).param("gender", claims.gender())
                .param("how", how).param("now", now).update();
        // in the same transaction: the 766 index counts dossiers filed by accounts linked before filing (4.5a/4.5b)
        outbox.append("account", String.valueOf(accountId), NationalIdentityLinked.TYPE,
                new NationalIdentityLinked(accountId, how, now).toPayload());
    }

    /**
     * The profile from the claims: name, number and date of birth are VNeID's (they are verified); phone, e-mail and
     * address fill what the person left empty (their own choices are kept).
     */
    private void refreshProfile(long accountId, VneidClaims c) {
        CitizenProfile old = accounts.profile(accountId).orElse(new CitizenProfile(null, null, null, null, null, null, null));
        accounts.saveProfile(accountId, new CitizenProfile(c.fullName(), c.idNumber(),
                c.dateOfBirth() != null ? c.dateOfBirth() : old.dateOfBirth(), or(old.phone(), c.phone()),
                or(old.email(), c.email()), or(old.address(), c.address()), old.communeCode()));
        jdbc.sql("update account set display_name = :n, version = version + 1, updated_at = :now where id = :id")
                .param("n", c.fullName()).param("now", now()).param("id", accountId).update();
    }

    private AccountPrincipal principal(long accountId, VneidClaims claims) {
        return accounts.findById(accountId).orElseThrow().withoutPassword().withVneid(claims.assuranceLevel());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static String or(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    /** congdan1 → con*****; the person sees which of their accounts it is without learning someone else's name. */
    static String mask(String username) {
        int keep = Math.min(3, Math.max(1, username.length() / 3));
        return username.substring(0, keep) + "*".repeat(Math.max(3, username.length() - keep));
    }
}
