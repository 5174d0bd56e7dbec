package vn.motcua.catalog;

/** What a fee row is counted per. */
public enum FeeBasis {
    /** once per dossier (per lần, per case, per certificate issued by the dossier) */
    PER_DOSSIER,
    /** per copy requested ({@link FeeInputs#copies()}); with tiers, by the copy's rank (e.g. from the 3rd) */
    PER_COPY,
    /** per person on the application ({@link FeeInputs#persons()}) */
    PER_PERSON,
    /** per page of each document, by tiers of page numbers, capped per copy, times the copies of the document */
    PER_PAGE
}
