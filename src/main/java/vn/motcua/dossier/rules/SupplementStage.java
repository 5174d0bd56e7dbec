package vn.motcua.dossier.rules;

/** Where a supplement was requested, which decides where the dossier goes when it is supplied. */
public enum SupplementStage {
    /** at reception, before acceptance (Art. 15(2)(a)): back to reception, not yet accepted */
    RECEPTION,
    /** during appraisal (Art. 19(3)): back to processing, the time restarts from zero */
    PROCESSING
}
