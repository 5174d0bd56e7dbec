package vn.motcua.certification;

/**
 * The grounds on which a copy is not certified from its original: Decree 23/2015/NĐ-CP Art. 22 (clauses 1–7).
 * Decree 07/2025/NĐ-CP amended other articles of Decree 23/2015 (5, 17, 24, 31, 36, 40); that Art. 22 kept this
 * wording is UNCONFIRMED. The full texts are in the messages ({@code certification.ground.*}).
 */
public enum RefusalGround {
    /** 1. Issued without competence or forged. */
    ART22_1_FORGED_OR_NO_COMPETENCE,
    /** 2. Erased, corrected, added to or cut in an invalid way. */
    ART22_2_ALTERED,
    /** 3. Damaged, worn out, its content cannot be read. */
    ART22_3_DAMAGED,
    /** 4. Stamped secret, or marked as not to be copied. */
    ART22_4_SECRET,
    /** 5. Content against the law or social ethics, propaganda, slander, ... */
    ART22_5_UNLAWFUL_CONTENT,
    /** 6. Issued abroad and not legalised by a consulate (unless exempted). */
    ART22_6_NOT_LEGALISED,
    /** 7. Drawn up by an individual without the confirmation and seal of a competent body. */
    ART22_7_SELF_MADE_UNCONFIRMED
}
