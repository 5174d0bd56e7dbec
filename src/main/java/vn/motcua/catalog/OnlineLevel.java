package vn.motcua.catalog;

/** Online service level (Decree 42/2022 Art. 11). */
public enum OnlineLevel {
    /** toàn trình: the whole procedure online */
    FULL,
    /** một phần: some steps need the applicant in person */
    PARTIAL
}
