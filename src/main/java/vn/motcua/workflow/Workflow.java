package vn.motcua.workflow;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import vn.motcua.platform.Actor;

/** The workflow module's API, called by the dossier module inside its transactions. */
public interface Workflow {

    /** The process in force for new dossiers of a procedure at an agency (the default when none is configured). */
    ProcessDefinition processFor(String procedureCode, String agencyCode);

    /**
     * Plans the processing steps of a dossier from the process in force, shares scaled to the dossier's legal
     * time ({@code totalMinutes} working minutes), and starts the first at {@code now}.
     */
    StepInstance start(long dossierId, String procedureCode, String agencyCode, long totalMinutes,
                       OffsetDateTime now, OffsetDateTime dossierDueAt);

    Optional<StepInstance> current(long dossierId);

    List<StepInstance> steps(long dossierId);

    /** Ends the current step and starts the next one; empty when the current step was the last. */
    Optional<StepInstance> advance(long dossierId, OffsetDateTime now, OffsetDateTime dossierDueAt);

    /** Ends the current step (the dossier is completed, rejected or stopped). */
    void finish(long dossierId, OffsetDateTime now, String status);

    /** Moves the current step to another agency (liên thông), same role. */
    StepInstance transfer(long dossierId, String agencyCode, OffsetDateTime now, OffsetDateTime dossierDueAt);

    void assign(long dossierId, Actor assignee);

    /** The clock restarted or resumed: the current step's deadline counts from now again (capped by the dossier's). */
    Optional<StepInstance> rebase(long dossierId, OffsetDateTime now, OffsetDateTime dossierDueAt);

    Consultation consult(long dossierId, String dossierCode, String fromAgency, String toAgency, String question,
                         Actor actor, OffsetDateTime now);

    Consultation answer(long dossierId, String agencyCode, String answer, Actor actor, OffsetDateTime now);

    List<Consultation> consultations(long dossierId);

    /** Consultations past their deadline and not answered, not yet reminded; marks them reminded. */
    List<Consultation> remindLateConsultations(OffsetDateTime now);
}
