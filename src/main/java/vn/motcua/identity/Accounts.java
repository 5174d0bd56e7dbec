package vn.motcua.identity;

import java.util.List;
import java.util.Optional;
import vn.motcua.platform.Actor;
import vn.motcua.platform.Role;

/** The identity module's API for other modules. */
public interface Accounts {

    Optional<CitizenProfile> profile(long accountId);

    /** Officers of an agency holding a role, as actors (for assignment and notifications). */
    List<Actor> officers(String agencyCode, Role role);

    Optional<Actor> byId(long accountId);

    Optional<Actor> byUsername(String username);

    /** E-mail and phone of an account, for notifications. */
    Optional<Contact> contact(long accountId);

    /** The officer's position (chức vụ) as printed under a signature, e.g. "Phó Chủ tịch"; empty when not recorded. */
    default Optional<String> position(long accountId) {
        return Optional.empty();
    }

    /**
     * VNeID login (issue 14): the national identity the account is linked to, empty for an account that never logged
     * in with VNeID (officers, local citizen accounts).
     */
    default Optional<NationalIdentity> nationalIdentity(long accountId) {
        return Optional.empty();
    }

    /**
     * Pre-filling from the population database (issue 14): the registry's date of birth (when the profile has none)
     * and residence, asked for by the citizen with consent, go into the profile that pre-fills every form.
     */
    default void fillFromRegistry(long accountId, java.time.LocalDate dateOfBirth, String address) {
    }

    record Contact(String displayName, String email, String phone) {
    }
}
