package vn.motcua.dossier.rules;

/**
 * Who acts on a dossier. {@code STEP_OWNER} is the officer whose role (and agency) the current processing step
 * names; {@code CONSULTED} an officer of an agency asked for an opinion, who may only answer.
 */
public enum Party {
    /** người nộp hồ sơ, from their own account */
    APPLICANT,
    /** cán bộ một cửa of the receiving agency */
    RECEPTION,
    /** chuyên viên */
    SPECIALIST,
    /** lãnh đạo */
    LEADER,
    /** the officer of the current processing step */
    STEP_OWNER,
    /** an officer of a consulted agency */
    CONSULTED,
    /** the payment module, when a gateway confirms that the fee was paid (or the one-stop records cash) */
    PAYMENT_PLATFORM,
    /** the province administrator applying a reorganisation of units (never an officer's party) */
    ADMINISTRATOR
}
