package vn.motcua.certification;

/** What can be done to a certification request. */
public enum CertificationAction {
    /** The certifier compared the copy with the original and entered the statement. */
    COMPARE,
    /** The competent person signs; the certification number is taken from the register. */
    SIGN,
    /** The agency's signature (electronic seal): the e-copy is issued. */
    SEAL,
    /** Withdrawn by the applicant or cancelled at the counter. */
    CANCEL,
    /** Refused on a ground of Art. 22. */
    REFUSE
}
