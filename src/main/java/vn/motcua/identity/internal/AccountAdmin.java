package vn.motcua.identity.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.organization.Organization;
import vn.motcua.platform.Actor;
import vn.motcua.platform.Contacts;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;
import vn.motcua.platform.audit.AdminAudit;

/**
 * Administration of staff accounts (officers, agency and province administrators). A province administrator
 * ({@link Role#ADMIN}) manages every staff account; an agency administrator ({@link Role#AGENCY_ADMIN}) only the
 * staff of their own agency: another agency's accounts do not exist for them (404), and what only a province
 * administrator may do is refused (403). Accounts are never deleted, only deactivated (history keeps the name);
 * every change is written to the {@link AdminAudit} log in the same transaction. Citizens are not managed here.
 */
@Service
public class AccountAdmin {

    /** The roles an administrator can give; an agency administrator only the first five. */
    static final Set<Role> STAFF_ROLES = EnumSet.of(Role.RECEPTION, Role.SPECIALIST, Role.LEADER, Role.ACCOUNTANT,
            Role.CERTIFIER);
    static final Set<Role> GRANTABLE = EnumSet.of(Role.RECEPTION, Role.SPECIALIST, Role.LEADER, Role.ACCOUNTANT,
            Role.CERTIFIER, Role.AGENCY_ADMIN, Role.MONITORING, Role.ADMIN);

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int PASSWORD_MIN = 8;

    /** An account as administrators see it (never the password hash). */
    public record AccountView(String username, String fullName, String email, String phone, String kind,
                              String agencyCode, Set<Role> roles, boolean active, boolean mustChangePassword,
                              boolean demo, int version, String position) {
    }

    /**
     * What an administrator sends to create or update an account; {@code version} is required to update.
     * {@code position}: the officer's position printed under the signature of what they sign ("Phó Chủ tịch"); on an
     * update, null keeps it and blank clears it.
     */
    public record AccountInput(String username, String fullName, String email, String phone, String agencyCode,
                               List<String> roles, Boolean active, Integer version, String position) {

        public AccountInput(String username, String fullName, String email, String phone, String agencyCode,
                            List<String> roles, Boolean active, Integer version) {
            this(username, fullName, email, phone, agencyCode, roles, active, version, null);
        }
    }

    /** A created or reset account with the temporary password to hand over (shown once, never stored in clear). */
    public record WithPassword(AccountView account, String temporaryPassword) {
    }

    /** The audited state of an account. */
    record Audited(String username, String fullName, String email, String phone, String agencyCode, Set<Role> roles,
                   boolean active, String position) {
        static Audited of(AccountView v) {
            return new Audited(v.username(), v.fullName(), v.email(), v.phone(), v.agencyCode(), v.roles(), v.active(),
                    v.position());
        }
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Organization organization;
    private final AdminAudit audit;
    private final MessageSource messages;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccountAdmin(JdbcClient jdbc, PasswordEncoder encoder, Organization organization, AdminAudit audit,
                 MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.organization = organization;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    private static final String SELECT = """
            select a.username, a.display_name, a.email, a.phone, a.kind, a.agency_code, a.enabled,
                   a.must_change_password, a.demo, a.version, a.position,
                   coalesce(array(select r.role from account_role r where r.account_id = a.id order by r.role), '{}') as roles
            from account a
            """;

    private static AccountView map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : (String[]) rs.getArray("roles").getArray()) {
            roles.add(Role.valueOf(r));
        }
        return new AccountView(rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
                rs.getString("phone"), rs.getString("kind"), rs.getString("agency_code"), roles,
                rs.getBoolean("enabled"), rs.getBoolean("must_change_password"), rs.getBoolean("demo"),
                rs.getInt("version"), rs.getString("position"));
    }

    /** A position as stored: trimmed, blank as none; longer than 100 characters refused naming the field. */
    static String position(String position) {
        if (position == null || position.isBlank()) {
            return null;
        }
        String p = position.strip();
        if (p.length() > 100 || p.indexOf('\0') >= 0) {
            throw ProblemException.invalid("position", "error.account.position");
        }
        return p;
    }

    /** Whether the actor administers accounts at all. */
    static boolean administers(Actor actor) {
        return actor.has(Role.ADMIN) || (actor.has(Role.AGENCY_ADMIN) && actor.agencyCode() != null);
    }

    private static void requireAdministrator(Actor actor) {
        if (!administers(actor)) {
            throw ProblemException.forbidden("error.admin.forbidden");
        }
    }

    /** The agency an agency administrator is limited to; null for the province administrator. */
    private static String scope(Actor actor) {
        return actor.has(Role.ADMIN) ? null : actor.agencyCode();
    }

    /** Staff accounts in the actor's scope, optionally of one agency and matching a text (name or username). */
    @Transactional(readOnly = true)
    public List<AccountView> list(Actor actor, String agencyCode, String text, boolean includeInactive) {
        requireAdministrator(actor);
        String scope = scope(actor);
        if (scope != null && agencyCode != null && !agencyCode.isBlank() && !scope.equals(agencyCode)) {
            return List.of();
        }
        String agency = scope != null ? scope : blankToNull(agencyCode);
        String like = text == null || text.isBlank() ? null : "%" + text.trim().toLowerCase(Locale.ROOT) + "%";
        return jdbc.sql(SELECT + """
                 where a.kind <> 'CITIZEN'
                   and (cast(:agency as text) is null or a.agency_code = :agency)
                   and (cast(:like as text) is null or lower(a.display_name) like :like or a.username like :like)
                   and (:inactive or a.enabled)
                 order by a.agency_code nulls first, a.display_name, a.username limit 1000""")
                .param("agency", agency).param("like", like).param("inactive", includeInactive)
                .query(AccountAdmin::map).list();
    }

    /** One staff account; 404 when it does not exist or is outside the actor's scope. */
    @Transactional(readOnly = true)
    public AccountView get(Actor actor, String username) {
        requireAdministrator(actor);
        return find(username).filter(v -> inScope(actor, v))
                .orElseThrow(() -> ProblemException.notFound("error.account.notFound", username));
    }

    private Optional<AccountView> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where a.username = :u and a.kind <> 'CITIZEN'")
                .param("u", username.trim().toLowerCase(Locale.ROOT)).query(AccountAdmin::map).optional();
    }

    private static boolean inScope(Actor actor, AccountView v) {
        String scope = scope(actor);
        return scope == null || scope.equals(v.agencyCode());
    }

    /** Creates a staff account with a temporary password that must be changed at the first log-in. */
    @Transactional
    public WithPassword create(Actor actor, AccountInput in) {
        requireAdministrator(actor);
        Checked c = check(actor, in, true, "");
        if (!c.errors().isEmpty()) {
            throw ProblemException.invalid(c.errors());
        }
        authorise(actor, c.agencyCode(), c.roles());
        String password = temporaryPassword();
        insert(c, encoder.encode(password));
        String position = position(in.position());
        if (position != null) {
            jdbc.sql("update account set position = :p where username = :u").param("p", position)
                    .param("u", c.username()).update();
        }
        AccountView created = find(c.username()).orElseThrow();
        audit.record(actor, AdminAudit.Subject.ACCOUNT, created.username(), "CREATE", created.agencyCode(), null,
                Audited.of(created));
        return new WithPassword(created, password);
    }

    /** Updates name, contact, agency, roles and active flag; 409 when {@code version} is not the current one. */
    @Transactional
    public AccountView update(Actor actor, String username, AccountInput in) {
        AccountView before = get(actor, username);
        if (in.version() == null) {
            throw ProblemException.invalid("version", "error.version.required");
        }
        AccountInput merged = new AccountInput(before.username(), in.fullName(), in.email(), in.phone(),
                in.agencyCode(), in.roles(), in.active() == null ? before.active() : in.active(), in.version());
        Checked c = check(actor, merged, false, "");
        if (!c.errors().isEmpty()) {
            throw ProblemException.invalid(c.errors());
        }
        String position = in.position() == null ? before.position() : position(in.position());
        authorise(actor, before.agencyCode(), before.roles());
        authorise(actor, c.agencyCode(), c.roles());
        if (!c.active() && before.active() && before.username().equals(actor.username())) {
            throw ProblemException.invalid("active", "error.account.selfDeactivate");
        }
        int changed = jdbc.sql("""
                update account set display_name = :name, email = :email, phone = :phone, kind = :kind,
                       agency_code = :agency, enabled = :active, position = :position, version = version + 1,
                       updated_at = :now
                where username = :u and version = :v""")
                .param("position", position)
                .param("name", c.fullName()).param("email", c.email()).param("phone", c.phone())
                .param("kind", c.kind()).param("agency", c.agencyCode()).param("active", c.active())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("u", before.username()).param("v", in.version()).update();
        if (changed == 0) {
            throw ProblemException.conflict("error.admin.stale");
        }
        jdbc.sql("delete from account_role where account_id = (select id from account where username = :u)")
                .param("u", before.username()).update();
        insertRoles(before.username(), c.roles());
        if (!c.active() && before.active()) {
            revokeSessions(before.username());
        }
        AccountView after = find(before.username()).orElseThrow();
        String action = before.active() != after.active() ? (after.active() ? "ACTIVATE" : "DEACTIVATE") : "UPDATE";
        audit.record(actor, AdminAudit.Subject.ACCOUNT, after.username(), action, after.agencyCode(),
                Audited.of(before), Audited.of(after));
        return after;
    }

    /**
     * Deactivates an account (never deletes it): it can no longer log in, its tokens and sessions end.
     * {@code version} is the version read: required (400), 409 when the account changed since.
     */
    @Transactional
    public AccountView deactivate(Actor actor, String username, Integer version) {
        AccountView v = get(actor, username);
        if (version == null) {
            throw ProblemException.invalid("version", "error.version.required");
        }
        return update(actor, username, new AccountInput(v.username(), v.fullName(), v.email(), v.phone(),
                v.agencyCode(), v.roles().stream().map(Role::name).toList(), false, version, null));
    }

    /**
     * Sets a new temporary password; the owner must change it at the next log-in; tokens and sessions end.
     * {@code version} is the version read: required (400), 409 when the account changed since.
     */
    @Transactional
    public WithPassword resetPassword(Actor actor, String username, Integer version) {
        AccountView before = get(actor, username);
        authorise(actor, before.agencyCode(), before.roles());
        if (version == null) {
            throw ProblemException.invalid("version", "error.version.required");
        }
        String password = temporaryPassword();
        int changed = jdbc.sql("""
                update account set password_hash = :h, must_change_password = true, version = version + 1,
                       updated_at = :now
                where username = :u and version = :v""")
                .param("h", encoder.encode(password)).param("now", java.sql.Timestamp.from(clock.instant()))
                .param("u", before.username()).param("v", version).update();
        if (changed == 0) {
            throw ProblemException.conflict("error.admin.stale");
        }
        revokeSessions(before.username());
        AccountView after = find(before.username()).orElseThrow();
        audit.record(actor, AdminAudit.Subject.ACCOUNT, after.username(), "RESET_PASSWORD", after.agencyCode(),
                null, null);
        return new WithPassword(after, password);
    }

    /** The owner's own password change (also the forced one after a reset). */
    @Transactional
    public void changeOwnPassword(long accountId, String current, String next) {
        String hash = jdbc.sql("select password_hash from account where id = :id").param("id", accountId)
                .query(String.class).optional().orElseThrow(ProblemException::unauthorized);
        List<FieldProblem> errors = new ArrayList<>();
        if (current == null || !encoder.matches(current, hash)) {
            errors.add(FieldProblem.of("currentPassword", "error.password.current"));
        }
        if (next == null || next.length() < PASSWORD_MIN || next.length() > 128) {
            errors.add(FieldProblem.of("newPassword", "error.password.length", PASSWORD_MIN));
        } else if (current != null && current.equals(next)) {
            errors.add(FieldProblem.of("newPassword", "error.password.same"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        jdbc.sql("""
                update account set password_hash = :h, must_change_password = false, version = version + 1,
                       updated_at = :now where id = :id""")
                .param("h", encoder.encode(next)).param("now", java.sql.Timestamp.from(clock.instant()))
                .param("id", accountId).update();
    }

    // ---------------------------------------------------------------- CSV import

    /** One account line of an import, already checked. */
    public record ImportRow(int line, String username, String fullName, String agencyCode, Set<Role> roles,
                            String email, String phone) {
    }

    /** The result of an import: the rows, their problems (line numbers), and after applying the passwords. */
    public record ImportResult(boolean applied, List<ImportRow> rows, List<FieldProblem> errors,
                               List<WithPassword> created) {
    }

    /**
     * Imports staff accounts from CSV (header {@code username,fullName,agencyCode,roles,email,phone}; roles
     * separated by {@code |} or spaces; a {@code ;} separated file is accepted too). Every line is checked first;
     * with one bad line nothing is created. {@code apply=false} is the preview.
     */
    @Transactional
    public ImportResult importCsv(Actor actor, String csv, boolean apply) {
        return importTable(actor, vn.motcua.platform.text.Tables.csv(csv), apply);
    }

    /** The same from a spreadsheet: the first sheet, same header in the first row. */
    @Transactional
    public ImportResult importExcel(Actor actor, byte[] xlsx, boolean apply) {
        return importTable(actor, vn.motcua.platform.text.Tables.xlsx(xlsx), apply);
    }

    /** The same from an uploaded file: .xlsx as Excel, else CSV ({@link vn.motcua.platform.text.Tables#read}). */
    @Transactional
    public ImportResult importFile(Actor actor, String filename, byte[] bytes, boolean apply) {
        return importTable(actor, vn.motcua.platform.text.Tables.read(filename, bytes), apply);
    }

    private ImportResult importTable(Actor actor, List<List<String>> table, boolean apply) {
        requireAdministrator(actor);
        List<FieldProblem> errors = new ArrayList<>();
        List<ImportRow> rows = new ArrayList<>();
        if (table.isEmpty()) {
            throw ProblemException.invalid("file", "error.import.empty");
        }
        List<String> header = table.getFirst().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        int iUser = header.indexOf("username");
        int iName = header.indexOf("fullname");
        int iAgency = header.indexOf("agencycode");
        int iRoles = header.indexOf("roles");
        int iEmail = header.indexOf("email");
        int iPhone = header.indexOf("phone");
        if (iUser < 0 || iName < 0 || iAgency < 0 || iRoles < 0) {
            throw ProblemException.invalid("file", "error.import.header", "username,fullName,agencyCode,roles,email,phone");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < table.size(); i++) {
            List<String> r = table.get(i);
            int line = i + 1;
            if (r.stream().allMatch(String::isBlank)) {
                continue;
            }
            AccountInput in = new AccountInput(cell(r, iUser), cell(r, iName), cell(r, iEmail), cell(r, iPhone),
                    cell(r, iAgency), List.of(cell(r, iRoles).split("[|\\s]+")), true, null);
            Checked c = check(actor, in, true, "line " + line + ".");
            List<FieldProblem> lineErrors = new ArrayList<>(c.errors());
            if (c.username() != null && !seen.add(c.username())) {
                lineErrors.add(FieldProblem.of("line " + line + ".username", "error.import.duplicate", c.username()));
            }
            if (lineErrors.isEmpty() && !allowed(actor, c.agencyCode(), c.roles())) {
                lineErrors.add(FieldProblem.of("line " + line + ".agencyCode", "error.admin.outsideAgency"));
            }
            for (FieldProblem p : lineErrors) {
                errors.add(FieldProblem.localized(p.field(), text("import.lineError", line,
                        p.message() != null ? p.message() : text(p.messageKey(), p.args()))));
            }
            rows.add(new ImportRow(line, c.username(), c.fullName(), c.agencyCode(), c.roles(), c.email(), c.phone()));
        }
        if (rows.isEmpty()) {
            throw ProblemException.invalid("file", "error.import.empty");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!apply) {
            return new ImportResult(false, rows, List.of(), List.of());
        }
        List<WithPassword> created = new ArrayList<>();
        for (ImportRow row : rows) {
            String password = temporaryPassword();
            insert(new Checked(row.username(), row.fullName(), row.email(), row.phone(), row.agencyCode(),
                    row.roles(), true, List.of()), encoder.encode(password));
            AccountView v = find(row.username()).orElseThrow();
            audit.record(actor, AdminAudit.Subject.ACCOUNT, v.username(), "IMPORT", v.agencyCode(), null,
                    Audited.of(v));
            created.add(new WithPassword(v, password));
        }
        return new ImportResult(true, rows, List.of(), created);
    }

    private static String cell(List<String> row, int i) {
        return i < 0 || i >= row.size() ? "" : row.get(i).trim();
    }

    // ---------------------------------------------------------------- rules

    /** Input after the checks: clean values and every problem found. */
    record Checked(String username, String fullName, String email, String phone, String agencyCode, Set<Role> roles,
                   boolean active, List<FieldProblem> errors) {
        String kind() {
            return roles.contains(Role.ADMIN) ? "ADMIN" : "OFFICER";
        }
    }

    private Checked check(Actor actor, AccountInput in, boolean creating, String prefix) {
        List<FieldProblem> errors = new ArrayList<>();
        String username = in.username() == null ? "" : in.username().trim().toLowerCase(Locale.ROOT);
        if (creating) {
            if (!Registration.USERNAME.matcher(username).matches()) {
                errors.add(FieldProblem.of(prefix + "username", "error.username.format"));
            } else if (jdbc.sql("select count(*) from account where username = :u").param("u", username)
                    .query(Integer.class).single() > 0) {
                errors.add(FieldProblem.of(prefix + "username", "error.username.taken"));
            }
        }
        String fullName = in.fullName() == null ? "" : in.fullName().trim();
        if (fullName.isEmpty() || fullName.length() > 200) {
            errors.add(FieldProblem.of(prefix + "fullName", "error.required"));
        }
        String email = blankToNull(in.email());
        if (email != null && !Contacts.email(email)) {
            errors.add(FieldProblem.of(prefix + "email", "error.email.format"));
        }
        String phone = blankToNull(in.phone());
        if (phone != null && !Contacts.phone(phone)) {
            errors.add(FieldProblem.of(prefix + "phone", "error.phone.format"));
        }
        Set<Role> roles = new LinkedHashSet<>();
        for (String r : in.roles() == null ? List.<String>of() : in.roles()) {
            if (r == null || r.isBlank()) {
                continue;
            }
            try {
                Role role = Role.valueOf(r.trim().toUpperCase(Locale.ROOT));
                if (!GRANTABLE.contains(role)) {
                    throw new IllegalArgumentException(r);
                }
                roles.add(role);
            } catch (IllegalArgumentException e) {
                errors.add(FieldProblem.of(prefix + "roles", "error.role.unknown", r.trim()));
            }
        }
        if (roles.isEmpty() && errors.stream().noneMatch(e -> e.field().equals(prefix + "roles"))) {
            errors.add(FieldProblem.of(prefix + "roles", "error.role.required"));
        }
        String agency = blankToNull(in.agencyCode());
        if (agency != null && organization.agency(agency).isEmpty()) {
            errors.add(FieldProblem.of(prefix + "agencyCode", "error.agency.notFound", agency));
        } else if (agency == null && !roles.contains(Role.ADMIN) && !roles.isEmpty()) {
            errors.add(FieldProblem.of(prefix + "agencyCode", "error.agency.required"));
        }
        if (agency == null && scope(actor) != null) {
            agency = scope(actor);
        }
        boolean active = in.active() == null || in.active();
        return new Checked(username, fullName, email, phone, agency, Set.copyOf(roles), active, errors);
    }

    private static boolean allowed(Actor actor, String agencyCode, Set<Role> roles) {
        if (actor.has(Role.ADMIN)) {
            return true;
        }
        return actor.agencyCode() != null && actor.agencyCode().equals(agencyCode) && STAFF_ROLES.containsAll(roles);
    }

    /** 403 when an agency administrator reaches beyond their agency or gives a role only the province gives. */
    private static void authorise(Actor actor, String agencyCode, Set<Role> roles) {
        if (!allowed(actor, agencyCode, roles)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "error.admin.outsideAgency", null, List.of());
        }
    }

    private void insert(Checked c, String hash) {
        jdbc.sql("""
                insert into account (username, password_hash, display_name, email, phone, kind, agency_code,
                                     must_change_password, updated_at)
                values (:u, :h, :name, :email, :phone, :kind, :agency, true, :now)""")
                .param("u", c.username()).param("h", hash).param("name", c.fullName()).param("email", c.email())
                .param("phone", c.phone()).param("kind", c.kind()).param("agency", c.agencyCode())
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
        insertRoles(c.username(), c.roles());
    }

    private void insertRoles(String username, Set<Role> roles) {
        for (Role r : roles) {
            jdbc.sql("insert into account_role (account_id, role) select id, :r from account where username = :u")
                    .param("r", r.name()).param("u", username).update();
        }
    }

    private void revokeSessions(String username) {
        jdbc.sql("delete from api_token where account_id = (select id from account where username = :u)")
                .param("u", username).update();
        jdbc.sql("delete from spring_session where principal_name = :u").param("u", username).update();
    }

    String temporaryPassword() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
