package vn.motcua.identity;

import java.time.OffsetDateTime;

/**
 * The national electronic identity (VNeID, Decree 69/2024/NĐ-CP) an account is linked to (issue 14, docs/VNEID.md).
 *
 * @param idNumber       the personal identification number (SoDinhDanh): the account key
 * @param subject        the identity provider's subject ({@code sub}), the national account (MaDoiTuong on DVCQG)
 * @param assuranceLevel 1 or 2 (mức độ 1/2) of the last VNeID log-in; 0 when the provider did not say
 * @param linkedAt       when the account was linked (created by a VNeID log-in or merged after confirmation)
 */
public record NationalIdentity(String idNumber, String subject, int assuranceLevel, OffsetDateTime linkedAt,
                               OffsetDateTime lastLoginAt) {

    /**
     * The policy "filed by an account verified with VNeID" (the national sync's TaiKhoanDuocXacThucVoiVNeID = 1, and
     * so the 766 indicators 4.5a/4.5b, Decision 766/QĐ-TTg; the e-identity as the account of online public services,
     * Decree 69/2024/NĐ-CP, Decree 42/2022/NĐ-CP Art. 11): the account was linked to its national electronic identity
     * at the moment the dossier was filed (submitted online, or received at the counter when it never was), not
     * after. Any VNeID link counts, whatever the level of assurance of the log-ins (how DVCQG maps level 1/2 to
     * this flag is UNCONFIRMED, DOMAIN-2.md §6.2). A dossier without a filing moment is not counted.
     *
     * @param submittedAt when the dossier was submitted online (NgayNopHoSo), null for a counter dossier
     * @param receivedAt  when it was received, the filing moment of a dossier never submitted online
     */
    public static boolean verifiedWhenFiled(OffsetDateTime linkedAt, OffsetDateTime submittedAt,
                                            OffsetDateTime receivedAt) {
        OffsetDateTime filedAt = submittedAt != null ? submittedAt : receivedAt;
        return linkedAt != null && filedAt != null && !linkedAt.isAfter(filedAt);
    }

    /** {@link #verifiedWhenFiled(OffsetDateTime, OffsetDateTime, OffsetDateTime)} for this identity. */
    public boolean verifiedWhenFiled(OffsetDateTime submittedAt, OffsetDateTime receivedAt) {
        return verifiedWhenFiled(linkedAt, submittedAt, receivedAt);
    }
}
