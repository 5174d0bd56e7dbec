package vn.motcua.workflow.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.TimeUnit;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Procedure;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.platform.Actor;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.workflow.ProcessDefinition;
import vn.motcua.workflow.StepDefinition;

/**
 * Administrators define the electronic process of a procedure at an agency. A definition is checked whole
 * (its shares must add up to the procedure's processing time in working hours) and becomes a new version;
 * dossiers already started keep the version they started with.
 */
@Service
public class ProcessAdmin {

    private final WorkflowService workflow;
    private final Catalog catalog;
    private final Organization organization;
    private final vn.motcua.platform.audit.AdminAudit audit;

    ProcessAdmin(WorkflowService workflow, Catalog catalog, Organization organization,
                 vn.motcua.platform.audit.AdminAudit audit) {
        this.workflow = workflow;
        this.catalog = catalog;
        this.organization = organization;
        this.audit = audit;
    }

    public ProcessDefinition current(String procedureCode, String agencyCode) {
        check(procedureCode, agencyCode);
        return workflow.processFor(procedureCode, agencyCode);
    }

    public List<ProcessDefinition> versions(String procedureCode, String agencyCode) {
        check(procedureCode, agencyCode);
        return workflow.versions(procedureCode, agencyCode);
    }

    @Transactional
    public ProcessDefinition define(Actor actor, String procedureCode, String agencyCode, List<StepDefinition> steps,
                                    String note, Integer version) {
        Procedure p = check(procedureCode, agencyCode);
        List<FieldProblem> problems = new ArrayList<>();
        if (version == null) {
            problems.add(FieldProblem.of("version", "error.version.required"));
        }
        if (steps == null || steps.isEmpty() || steps.size() > 20) {
            problems.add(FieldProblem.of("steps", "workflow.steps.count", 1, 20));
        } else {
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 0; i < steps.size(); i++) {
                StepDefinition s = steps.get(i);
                String f = "steps[" + i + "]";
                if (s == null) {
                    problems.add(FieldProblem.of(f, "error.required"));
                    continue;
                }
                if (s.name() == null || s.name().isBlank() || s.name().length() > 200) {
                    problems.add(FieldProblem.of(f + ".name", "error.required"));
                }
                if (s.role() == null) {
                    problems.add(FieldProblem.of(f + ".role", "error.param.oneOf", "RECEPTION, SPECIALIST, LEADER"));
                } else if (!s.role().isOfficer()) {
                    problems.add(FieldProblem.of(f + ".role", "error.param.oneOf", "RECEPTION, SPECIALIST, LEADER"));
                }
                if (s.agencyCode() != null && !s.agencyCode().isBlank() && organization.agency(s.agencyCode()).isEmpty()) {
                    problems.add(FieldProblem.of(f + ".agencyCode", "error.agency.notFound", s.agencyCode()));
                }
                if (s.hours() == null || s.hours().signum() < 0 || s.hours().compareTo(new BigDecimal("10000")) > 0) {
                    problems.add(FieldProblem.of(f + ".hours", "error.param.range", 0, 10000));
                } else {
                    total = total.add(s.hours());
                }
            }
            BigDecimal legal = legalHours(p);
            if (legal != null && total.compareTo(legal) != 0) {
                problems.add(FieldProblem.of("steps", "workflow.steps.sum", total.stripTrailingZeros().toPlainString(),
                        legal.stripTrailingZeros().toPlainString()));
            } else if (legal == null && total.signum() <= 0) {
                problems.add(FieldProblem.of("steps", "workflow.steps.positive"));
            }
        }
        if (note != null && note.length() > 1000) {
            problems.add(FieldProblem.of("note", "error.length.max", 1000));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        List<StepDefinition> clean = steps.stream().map(s -> new StepDefinition(s.name().trim(), s.role(),
                s.agencyCode() == null || s.agencyCode().isBlank() ? null : s.agencyCode(), s.hours())).toList();
        // one definer at a time per procedure and agency, then the version read must still be the one in force
        workflow.lockDefinitions(procedureCode, agencyCode);
        ProcessDefinition before = workflow.processFor(procedureCode, agencyCode);
        if (before.version() != version) {
            throw ProblemException.conflict("error.admin.stale");
        }
        ProcessDefinition after = workflow.define(procedureCode, agencyCode, clean, note, actor);
        // in the administration audit log with the process in force before (the default one when none was defined)
        audit.record(actor, vn.motcua.platform.audit.AdminAudit.Subject.PROCESS, procedureCode + "@" + agencyCode,
                "NEW_VERSION", agencyCode, before, after);
        return after;
    }

    /** The legal time in working hours, when the procedure counts in working days or hours (else null). */
    static BigDecimal legalHours(Procedure p) {
        if (p.processingTime() == null) {
            return null;
        }
        if (p.processingTime().unit() == TimeUnit.WORKING_DAYS) {
            return p.processingTime().amount().multiply(BigDecimal.valueOf(8));
        }
        if (p.processingTime().unit() == TimeUnit.WORKING_HOURS) {
            return p.processingTime().amount();
        }
        return null;
    }

    private Procedure check(String procedureCode, String agencyCode) {
        List<FieldProblem> problems = new ArrayList<>();
        Procedure p = procedureCode == null ? null : catalog.procedure(procedureCode).orElse(null);
        if (p == null) {
            problems.add(FieldProblem.of("procedureCode", "error.catalog.procedure.notFound", procedureCode));
        }
        Agency a = agencyCode == null ? null : organization.agency(agencyCode).orElse(null);
        if (a == null) {
            problems.add(FieldProblem.of("agencyCode", "error.agency.notFound", agencyCode));
        } else if (p != null && !catalog.canReceive(p, a)) {
            problems.add(FieldProblem.of("agencyCode", "dossier.intake.agencyNotCompetent", a.name()));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return p;
    }
}
