package vn.motcua.platform;

import java.util.Set;

/**
 * Who is acting, as the business modules see it: no Spring Security types leak into rules.
 *
 * @param accountId   the account
 * @param username    login name
 * @param displayName name shown in history entries
 * @param roles       roles held
 * @param agencyCode  the officer's agency (null for citizens and administrators)
 * @param origin      where the request came from (IP address, or "system")
 */
public record Actor(long accountId, String username, String displayName, Set<Role> roles, String agencyCode,
                    String origin) {

    public static final Actor SYSTEM = new Actor(0L, "system", "Hệ thống", Set.of(Role.ADMIN), null, "system");

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isOfficer() {
        return roles.stream().anyMatch(Role::isOfficer);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** 403 ("error.admin.forbidden") unless a province administrator acts: agencies, procedures, reorganisations. */
    public void requireProvinceAdmin() {
        if (!isAdmin()) {
            throw ProblemException.forbidden("error.admin.forbidden");
        }
    }

    public Actor from(String newOrigin) {
        return new Actor(accountId, username, displayName, roles, agencyCode, newOrigin);
    }
}
