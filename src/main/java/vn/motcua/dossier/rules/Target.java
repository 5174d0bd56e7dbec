package vn.motcua.dossier.rules;

import vn.motcua.dossier.DossierStatus;

/** Where a transition leads: a fixed status, the same status, or the status a supplement returns to. */
public sealed interface Target {

    /** The status after the action, for this dossier. */
    DossierStatus after(DossierFacts dossier);

    /** Always this status. */
    record To(DossierStatus status) implements Target {
        @Override
        public DossierStatus after(DossierFacts dossier) {
            return status;
        }
    }

    /** The status does not change (an assignment, a consultation, an apology, a rating). */
    record Unchanged() implements Target {
        @Override
        public DossierStatus after(DossierFacts dossier) {
            return dossier.status();
        }
    }

    /**
     * After a supplement: back to reception (SUBMITTED) when it was requested at reception, back to processing
     * (PROCESSING, with a new full processing time) when it was requested during appraisal.
     */
    record AfterSupplement() implements Target {
        @Override
        public DossierStatus after(DossierFacts dossier) {
            return dossier.supplementStage() == SupplementStage.RECEPTION ? DossierStatus.SUBMITTED
                    : DossierStatus.PROCESSING;
        }
    }
}
