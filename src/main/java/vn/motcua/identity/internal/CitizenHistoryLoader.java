package vn.motcua.identity.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.identity.IdentityHistoryLoad;
import vn.motcua.platform.Role;
import vn.motcua.platform.db.CopyIn;

/**
 * {@link IdentityHistoryLoad}: COPY (in the caller's transaction) into {@code account}, {@code account_role}, {@code citizen_profile} and
 * {@code vneid_identity}, with the columns {@link Registration} and {@link VneidLogin} write. Ids are taken from the
 * account table's own sequence in one call. User names as the live flow makes them: {@code vneid.<number>} for an
 * account made by a VNeID log-in ({@link VneidLogin}), the number itself for a local account (the person's choice; the
 * national portal's own accounts are named so). The password is a hash of a random secret thrown away (as for an
 * account made by VNeID): nobody logs in to a past account with a password. The accounts are marked {@code demo}
 * (synthetic people: refused outside the demo profile, as the other demo accounts).
 */
@Component
class CitizenHistoryLoader implements IdentityHistoryLoad {

    private final JdbcTemplate jdbc;
    private final AccountService accounts;
    private final DataSource dataSource;

    CitizenHistoryLoader(JdbcTemplate jdbc, AccountService accounts, DataSource dataSource) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.dataSource = dataSource;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Long> loadCitizens(List<PastCitizen> citizens) {
        Set<String> numbers = new HashSet<>(jdbc.queryForList(
                "select id_number from citizen_profile where id_number is not null union select id_number from vneid_identity",
                String.class));
        Set<String> names = new HashSet<>(jdbc.queryForList("select username from account", String.class));
        List<PastCitizen> made = new ArrayList<>();
        List<String> usernames = new ArrayList<>();
        for (PastCitizen c : citizens) {
            check(c);
            String username = c.link() != null && "CREATED".equals(c.link().how()) ? "vneid." + c.idNumber()
                    : c.idNumber();
            if (numbers.add(c.idNumber()) && names.add(username)) {
                made.add(c);
                usernames.add(username);
            }
        }
        Map<String, Long> ids = new LinkedHashMap<>();
        if (made.isEmpty()) {
            return ids;
        }
        List<Long> reserved = jdbc.queryForList("select nextval(pg_get_serial_sequence('account', 'id')) "
                + "from generate_series(1, ?)", Long.class, made.size());
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        String hash = accounts.hash(Base64.getEncoder().encodeToString(secret));
        List<Object[]> account = new ArrayList<>();
        List<Object[]> roles = new ArrayList<>();
        List<Object[]> profiles = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        for (int i = 0; i < made.size(); i++) {
            PastCitizen c = made.get(i);
            long id = reserved.get(i);
            ids.put(c.idNumber(), id);
            PastLink l = c.link();
            // each VNeID log-in refreshes the profile (VneidLogin.refreshProfile: one version a log-in; a merge one more)
            int version = l == null ? 0 : 1 + l.logins() + ("MERGED".equals(l.how()) ? 1 : 0);
            OffsetDateTime updated = l == null ? c.createdAt() : l.lastLoginAt();
            account.add(new Object[] {id, usernames.get(i), hash, c.fullName(), null, c.phone(), "CITIZEN", null, true,
                true, c.createdAt(), version, updated});
            roles.add(new Object[] {id, Role.CITIZEN.name()});
            profiles.add(new Object[] {id, c.fullName(), c.idNumber(), c.dateOfBirth(), c.phone(), null, c.address(),
                null, updated});
            if (l != null) {
                links.add(new Object[] {id, c.idNumber(), l.subject(), l.assuranceLevel(),
                        String.valueOf(l.assuranceLevel()), "1", c.fullName(), c.dateOfBirth(), c.female() ? "Nữ" : "Nam",
                        l.how(), l.linkedAt(), l.lastLoginAt(), l.logins()});
            }
        }
        CopyIn.rows(dataSource, "account", "id, username, password_hash, display_name, email, phone, kind, "
                + "agency_code, enabled, demo, created_at, version, updated_at", account);
        CopyIn.rows(dataSource, "account_role", "account_id, role", roles);
        CopyIn.rows(dataSource, "citizen_profile", "account_id, full_name, id_number, date_of_birth, phone, email, "
                + "address, commune_code, updated_at", profiles);
        CopyIn.rows(dataSource, "vneid_identity", "account_id, id_number, subject, assurance_level, acr, "
                + "account_type, full_name, date_of_birth, gender, linked_how, linked_at, last_login_at, version", links);
        return ids;
    }

    private static void check(PastCitizen c) {
        String where = "citizen " + c.idNumber() + ": ";
        if (c.idNumber() == null || !c.idNumber().matches("[0-9]{12}") || c.fullName() == null
                || c.createdAt() == null) {
            throw new IllegalArgumentException(where + "a number of 12 digits, a name and a creation moment");
        }
        PastLink l = c.link();
        if (l != null) {
            if (!"CREATED".equals(l.how()) && !"MERGED".equals(l.how()) || l.linkedAt() == null
                    || l.lastLoginAt() == null || l.lastLoginAt().isBefore(l.linkedAt()) || l.subject() == null
                    || l.assuranceLevel() < 0 || l.assuranceLevel() > 2 || l.logins() < 0) {
                throw new IllegalArgumentException(where + "the link does not fit (" + l + ")");
            }
            // a VNeID log-in makes the account when it is linked; a merged account existed before
            if ("CREATED".equals(l.how()) ? !l.linkedAt().equals(c.createdAt()) : l.linkedAt().isBefore(c.createdAt())) {
                throw new IllegalArgumentException(where + l.how() + " at " + l.linkedAt() + ", made " + c.createdAt());
            }
        }
    }

}
