package vn.motcua.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.identity.Accounts;
import vn.motcua.identity.CitizenProfile;
import vn.motcua.platform.Actor;
import vn.motcua.platform.Role;

/** Accounts in the database. Demo accounts can only log in while the {@code demo} profile is on. */
@Service
public class AccountService implements Accounts, UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final boolean demoActive;
    private final String dummyHash;

    AccountService(JdbcClient jdbc, PasswordEncoder encoder, Environment env) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.demoActive = env.acceptsProfiles(Profiles.of("demo"));
        this.dummyHash = encoder.encode("not-a-password");
    }

    private static final String SELECT = """
            select a.id, a.username, a.password_hash, a.display_name, a.kind, a.agency_code, a.enabled, a.demo,
                   a.must_change_password,
                   coalesce(array(select r.role from account_role r where r.account_id = a.id), '{}') as roles
            from account a
            """;

    private AccountPrincipal map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : (String[]) rs.getArray("roles").getArray()) {
            roles.add(Role.valueOf(r));
        }
        boolean usable = rs.getBoolean("enabled") && (demoActive || !rs.getBoolean("demo"));
        return new AccountPrincipal(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("display_name"), rs.getString("kind"), rs.getString("agency_code"), roles, usable,
                rs.getBoolean("must_change_password"));
    }

    @Override
    public AccountPrincipal loadUserByUsername(String username) {
        return findByUsername(username).filter(AccountPrincipal::isEnabled)
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    Optional<AccountPrincipal> findByUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where a.username = :u").param("u", username.trim().toLowerCase(Locale.ROOT))
                .query(this::map).optional();
    }

    /** The account of a valid bearer token, in one query. */
    Optional<AccountPrincipal> findByTokenHash(String tokenHash) {
        return jdbc.sql(SELECT + " join api_token t on t.account_id = a.id where t.token_hash = :h and t.expires_at > now()")
                .param("h", tokenHash).query(this::map).optional();
    }

    Optional<AccountPrincipal> findById(long id) {
        return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(this::map).optional();
    }

    /** Checks a password; an unknown user costs the same time as a wrong password. */
    Optional<AccountPrincipal> authenticate(String username, String password) {
        Optional<AccountPrincipal> p = findByUsername(username);
        if (p.isEmpty()) {
            encoder.matches(password == null ? "" : password, dummyHash);
            return Optional.empty();
        }
        if (password == null || !encoder.matches(password, p.get().getPassword()) || !p.get().isEnabled()) {
            return Optional.empty();
        }
        return p;
    }

    /** Creates an account (and its roles); returns its id. */
    @Transactional
    public long create(String username, String rawPassword, String displayName, String email, String phone,
                       String kind, String agencyCode, Set<Role> roles, boolean demo) {
        return createHashed(username, encoder.encode(rawPassword), displayName, email, phone, kind, agencyCode, roles,
                demo);
    }

    /** Hashes a password once (the demo accounts share one password). */
    String hash(String rawPassword) {
        return encoder.encode(rawPassword);
    }

    @Transactional
    long createHashed(String username, String passwordHash, String displayName, String email, String phone,
                      String kind, String agencyCode, Set<Role> roles, boolean demo) {
        long id = jdbc.sql("""
                insert into account (username, password_hash, display_name, email, phone, kind, agency_code, demo)
                values (:u, :p, :d, :e, :ph, :k, :a, :demo) returning id""")
                .param("u", username.trim().toLowerCase(Locale.ROOT)).param("p", passwordHash)
                .param("d", displayName).param("e", email).param("ph", phone).param("k", kind)
                .param("a", agencyCode).param("demo", demo)
                .query(Long.class).single();
        for (Role r : roles) {
            jdbc.sql("insert into account_role (account_id, role) values (:id, :r)").param("id", id)
                    .param("r", r.name()).update();
        }
        return id;
    }

    /**
     * Creates an account with its roles unless the name is taken (then nothing, and no error: two sign-ups of one
     * name at once are one account and one silent refusal, never a 500).
     */
    @Transactional
    java.util.OptionalLong createIfFree(String username, String passwordHash, String displayName, String email,
                                        String phone, String kind, Set<Role> roles) {
        java.util.Optional<Long> id = jdbc.sql("""
                insert into account (username, password_hash, display_name, email, phone, kind, agency_code, demo)
                values (:u, :p, :d, :e, :ph, :k, null, false)
                on conflict (username) do nothing returning id""")
                .param("u", username.trim().toLowerCase(Locale.ROOT)).param("p", passwordHash)
                .param("d", displayName).param("e", email).param("ph", phone).param("k", kind)
                .query(Long.class).optional();
        if (id.isEmpty()) {
            return java.util.OptionalLong.empty();
        }
        for (Role r : roles) {
            jdbc.sql("insert into account_role (account_id, role) values (:id, :r)").param("id", id.get())
                    .param("r", r.name()).update();
        }
        return java.util.OptionalLong.of(id.get());
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from account where username = :u")
                .param("u", username.trim().toLowerCase(Locale.ROOT)).query(Integer.class).single() > 0;
    }

    @Override
    public Optional<CitizenProfile> profile(long accountId) {
        return jdbc.sql("""
                select full_name, id_number, date_of_birth, phone, email, address, commune_code
                from citizen_profile where account_id = :id""")
                .param("id", accountId)
                .query((rs, i) -> new CitizenProfile(rs.getString("full_name"), rs.getString("id_number"),
                        rs.getObject("date_of_birth", LocalDate.class), rs.getString("phone"),
                        rs.getString("email"), rs.getString("address"), rs.getString("commune_code")))
                .optional();
    }

    @Transactional
    public void saveProfile(long accountId, CitizenProfile p) {
        jdbc.sql("""
                insert into citizen_profile (account_id, full_name, id_number, date_of_birth, phone, email, address,
                                             commune_code, updated_at)
                values (:id, :n, :idn, :dob, :ph, :e, :a, :c, now())
                on conflict (account_id) do update set full_name = excluded.full_name,
                  id_number = excluded.id_number, date_of_birth = excluded.date_of_birth, phone = excluded.phone,
                  email = excluded.email, address = excluded.address, commune_code = excluded.commune_code,
                  updated_at = now()""")
                .param("id", accountId).param("n", p.fullName()).param("idn", p.idNumber())
                .param("dob", p.dateOfBirth()).param("ph", p.phone()).param("e", p.email())
                .param("a", p.address()).param("c", p.communeCode())
                .update();
    }

    @Override
    public List<Actor> officers(String agencyCode, Role role) {
        return jdbc.sql(SELECT + " " + """
                 where a.agency_code = :ag and a.enabled
                   and exists (select 1 from account_role r where r.account_id = a.id and r.role = :role)
                 order by a.display_name""")
                .param("ag", agencyCode).param("role", role.name())
                .query(this::map).list().stream().filter(AccountPrincipal::isEnabled)
                .map(p -> p.toActor("system")).toList();
    }

    @Override
    public Optional<Actor> byId(long accountId) {
        return findById(accountId).map(p -> p.toActor("system"));
    }

    @Override
    public Optional<Actor> byUsername(String username) {
        return findByUsername(username).map(p -> p.toActor("system"));
    }

    @Override
    public Optional<String> position(long accountId) {
        return jdbc.sql("select position from account where id = :id and position is not null").param("id", accountId)
                .query(String.class).optional();
    }

    /**
     * Moves a demo account to another agency (the demo on today's structure: its agency's successor); an account
     * that is not a demo account is never moved this way.
     */
    public int moveDemoAccount(String username, String agencyCode) {
        return jdbc.sql("""
                update account set agency_code = :a, version = version + 1
                where username = :u and demo and agency_code is distinct from :a""")
                .param("a", agencyCode).param("u", username).update();
    }

    /** Records an officer's position (chức vụ); null clears it. */
    @Transactional
    public void setPosition(long accountId, String position) {
        jdbc.sql("update account set position = :p where id = :id").param("p", position).param("id", accountId)
                .update();
    }

    @Override
    public Optional<Contact> contact(long accountId) {
        return jdbc.sql("""
                select a.display_name, coalesce(p.email, a.email) as email, coalesce(p.phone, a.phone) as phone
                from account a left join citizen_profile p on p.account_id = a.id where a.id = :id""")
                .param("id", accountId)
                .query((rs, i) -> new Contact(rs.getString("display_name"), rs.getString("email"), rs.getString("phone")))
                .optional();
    }

    @Override
    public Optional<vn.motcua.identity.NationalIdentity> nationalIdentity(long accountId) {
        return jdbc.sql("""
                select id_number, subject, assurance_level, linked_at, last_login_at
                from vneid_identity where account_id = :id""").param("id", accountId)
                .query((rs, i) -> new vn.motcua.identity.NationalIdentity(rs.getString("id_number"),
                        rs.getString("subject"), rs.getInt("assurance_level"),
                        rs.getObject("linked_at", java.time.OffsetDateTime.class),
                        rs.getObject("last_login_at", java.time.OffsetDateTime.class)))
                .optional();
    }

    /** The verified part of a VNeID-linked account's profile (name, number, date of birth), empty for others. */
    Optional<CitizenProfile> verifiedByVneid(long accountId) {
        return jdbc.sql("select full_name, id_number, date_of_birth from vneid_identity where account_id = :id")
                .param("id", accountId)
                .query((rs, i) -> new CitizenProfile(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), null, null, null, null))
                .optional();
    }

    @Override
    @Transactional
    public void fillFromRegistry(long accountId, LocalDate dateOfBirth, String address) {
        String a = address == null || address.isBlank() ? null : address.strip();
        if (a != null && a.length() > 500) {
            a = a.substring(0, 500);
        }
        jdbc.sql("""
                insert into citizen_profile (account_id, full_name, date_of_birth, address, updated_at)
                select a.id, a.display_name, :dob, :addr, now() from account a where a.id = :id
                on conflict (account_id) do update set date_of_birth = coalesce(citizen_profile.date_of_birth, :dob),
                  address = coalesce(:addr, citizen_profile.address), updated_at = now()""")
                .param("id", accountId).param("dob", dateOfBirth).param("addr", a).update();
        jdbc.sql("update account set version = version + 1, updated_at = now() where id = :id").param("id", accountId)
                .update();
    }
}
