package vn.motcua.dossier;

/** How a finished dossier compares with its due moment (DOMAIN.md §2.6). */
public enum Outcome {
    /** trước hạn: finished on a calendar date before the due date */
    EARLY,
    /** đúng hạn: on the due date, not after the due moment */
    ON_TIME,
    /** quá hạn */
    LATE
}
