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
}
