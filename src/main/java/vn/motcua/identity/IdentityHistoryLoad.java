package vn.motcua.identity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Loads past citizen accounts in bulk (the demo's history, issue 14): the rows a registration or a first VNeID log-in
 * would have left — the account with its CITIZEN role, its profile, and for an account linked to VNeID its
 * {@code vneid_identity} row (CREATED by the first VNeID log-in, or MERGED into a local account after confirmation), at
 * the moments given. Nothing goes to the outbox (history is not re-announced): the caller has the
 * {@link vn.motcua.platform.BulkLoadListener}s told afterwards, and the 766 index recounts the links from
 * {@link IdentityFacts}, the same facts a live link gives.
 */
public interface IdentityHistoryLoad {

    /**
     * Writes the accounts, in the caller's transaction (required). A person whose number the identity module already
     * knows (a profile or a VNeID identity carries it) is left alone, as is a user name already taken.
     *
     * @return the account made for each number, by number (absent: left alone)
     */
    Map<String, Long> loadCitizens(List<PastCitizen> citizens);

    /**
     * A citizen's account as the past left it.
     *
     * @param idNumber  the personal identification number (12 digits), on the profile and the link
     * @param female    for the VNeID claims' gender (GioiTinh)
     * @param createdAt when the account was made (a CREATED link: the moment of the first VNeID log-in)
     * @param link      its VNeID link, null when never linked
     */
    record PastCitizen(String idNumber, String fullName, LocalDate dateOfBirth, boolean female, String phone,
                       String address, OffsetDateTime createdAt, PastLink link) {
    }

    /**
     * A VNeID link.
     *
     * @param how            CREATED (the first VNeID log-in made the account, at {@code linkedAt}) or MERGED
     * @param subject        the identity provider's subject
     * @param assuranceLevel 1 or 2, of the last log-in
     * @param lastLoginAt    the last VNeID log-in (not before {@code linkedAt})
     * @param logins         VNeID log-ins after the link (each one refreshes the identity and the profile)
     */
    record PastLink(String how, OffsetDateTime linkedAt, String subject, int assuranceLevel, OffsetDateTime lastLoginAt,
                    int logins) {
    }
}
