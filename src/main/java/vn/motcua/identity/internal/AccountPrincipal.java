package vn.motcua.identity.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.motcua.platform.Actor;
import vn.motcua.platform.Role;

/** The logged-in account, kept in the (database-backed) session or rebuilt from a bearer token. */
public final class AccountPrincipal implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String username;
    private String passwordHash;
    private final String displayName;
    private final String kind;
    private final String agencyCode;
    private final Set<Role> roles;
    private final boolean enabled;
    private final boolean mustChangePassword;
    /** VNeID login (issue 14): the level of assurance of this session's VNeID log-in; null after a password log-in. */
    private final Integer vneidLevel;

    AccountPrincipal(long accountId, String username, String passwordHash, String displayName, String kind,
                     String agencyCode, Set<Role> roles, boolean enabled) {
        this(accountId, username, passwordHash, displayName, kind, agencyCode, roles, enabled, false);
    }

    AccountPrincipal(long accountId, String username, String passwordHash, String displayName, String kind,
                     String agencyCode, Set<Role> roles, boolean enabled, boolean mustChangePassword) {
        this(accountId, username, passwordHash, displayName, kind, agencyCode, roles, enabled, mustChangePassword, null);
    }

    private AccountPrincipal(long accountId, String username, String passwordHash, String displayName, String kind,
                             String agencyCode, Set<Role> roles, boolean enabled, boolean mustChangePassword,
                             Integer vneidLevel) {
        this.vneidLevel = vneidLevel;
        this.mustChangePassword = mustChangePassword;
        this.accountId = accountId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.kind = kind;
        this.agencyCode = agencyCode;
        this.roles = roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
        this.enabled = enabled;
    }

    public long accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    public String kind() {
        return kind;
    }

    public String agencyCode() {
        return agencyCode;
    }

    /** After an administrator's reset: nothing but the password change is allowed until it is done. */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public Set<Role> roles() {
        return roles;
    }

    public Actor toActor(String origin) {
        return new Actor(accountId, username, displayName, roles, agencyCode, origin);
    }

    /** The same principal without the password hash, for the session. */
    AccountPrincipal withoutPassword() {
        return new AccountPrincipal(accountId, username, "", displayName, kind, agencyCode, roles, enabled,
                mustChangePassword, vneidLevel);
    }

    /** The same principal logged in with VNeID at this level of assurance (0: the provider did not say). */
    AccountPrincipal withVneid(int level) {
        return new AccountPrincipal(accountId, username, passwordHash, displayName, kind, agencyCode, roles, enabled,
                mustChangePassword, level);
    }

    /** The level of assurance of this session's VNeID log-in, empty after a password log-in. */
    public java.util.Optional<Integer> vneidLevel() {
        return java.util.Optional.ofNullable(vneidLevel);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> list = new java.util.ArrayList<>();
        roles.forEach(r -> list.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
        if (roles.stream().anyMatch(Role::isOfficer)) {
            list.add(new SimpleGrantedAuthority("ROLE_OFFICER"));
        }
        return list;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = "";
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
