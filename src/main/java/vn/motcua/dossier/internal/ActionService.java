package vn.motcua.dossier.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.Deadline;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.TimeUnit;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.documents.FileStore;
import vn.motcua.documents.StoredFile;
import vn.motcua.dossier.ActionRequest;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierRules;
import vn.motcua.dossier.DossierRules.Party;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.identity.Accounts;
import vn.motcua.organization.Organization;
import vn.motcua.platform.Actor;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;
import vn.motcua.workflow.StepInstance;
import vn.motcua.workflow.Workflow;

/**
 * Every officer action on a dossier, and the applicant's supplement and withdrawal. Each is one transaction:
 * lock the dossier, check its version, ask {@link DossierRules}, apply, write history and an outbox event.
 */
@Service
public class ActionService {

    private static final int MAX_REASON = 2000;

    private final DossierRepository dossiers;
    private final WorkingCalendar calendar;
    private final Workflow workflow;
    private final Accounts accounts;
    private final Organization organization;
    private final FileStore files;
    private final DossierEvents events;
    private final IntakeService intake;
    private final JsonMapper json;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<DossierDocuments> documentsProvider;

    ActionService(org.springframework.beans.factory.ObjectProvider<DossierDocuments> documentsProvider,
                  DossierRepository dossiers, WorkingCalendar calendar, Workflow workflow, Accounts accounts,
                  Organization organization, FileStore files, DossierEvents events, IntakeService intake,
                  JsonMapper json, Clock clock) {
        this.documentsProvider = documentsProvider;
        this.dossiers = dossiers;
        this.calendar = calendar;
        this.workflow = workflow;
        this.accounts = accounts;
        this.organization = organization;
        this.files = files;
        this.events = events;
        this.intake = intake;
        this.json = json;
        this.clock = clock;
    }

    /** Officers see a dossier of their agency, at a step of their agency, or one their agency is consulted on. */
    public static boolean officerSees(Actor actor, DossierRecord d) {
        String a = actor.agencyCode();
        return a != null && (a.equals(d.agencyCode()) || a.equals(d.currentStepAgency())
                || d.consultingAgencies().contains(a));
    }

    /** The parties an officer is for this dossier now. */
    public static Set<Party> parties(Actor actor, DossierRecord d) {
        Set<Party> p = EnumSet.noneOf(Party.class);
        String a = actor.agencyCode();
        if (a == null) {
            return p;
        }
        boolean home = a.equals(d.agencyCode());
        boolean atStep = a.equals(d.currentStepAgency());
        boolean consulted = d.consultingAgencies().contains(a);
        if (actor.has(Role.RECEPTION) && home) {
            p.add(Party.RECEPTION);
        }
        if (actor.has(Role.SPECIALIST) && (home || atStep)) {
            p.add(Party.SPECIALIST);
        }
        if (actor.has(Role.LEADER) && (home || atStep)) {
            p.add(Party.LEADER);
        }
        if (consulted && (actor.has(Role.SPECIALIST) || actor.has(Role.LEADER))) {
            p.add(Party.CONSULTED);
        }
        if (d.currentStepRole() != null && atStep && actor.has(Role.valueOf(d.currentStepRole()))) {
            p.add(Party.STEP_OWNER);
        }
        return p;
    }

    @Transactional
    public DossierRecord act(Actor actor, String code, ActionRequest r, Locale locale) {
        DossierAction action = parseAction(r.action());
        if (action == DossierAction.SUBMIT || action == DossierAction.RECEIVE || action == DossierAction.SUPPLY
                || action == DossierAction.WITHDRAW) {
            throw ProblemException.invalid("action", "dossier.action.unknown", r.action());
        }
        DossierRecord d = dossiers.lock(code).filter(x -> officerSees(actor, x))
                .orElseThrow(() -> ProblemException.notFound("dossier.notFound", code));
        checkVersion(r.version(), d);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<StepInstance> step = workflow.current(d.id());
        String reason = blankToNull(r.reason());
        if (reason != null && reason.length() > MAX_REASON) {
            throw ProblemException.invalid("reason", "error.length.max", MAX_REASON);
        }
        List<IntakeRequest.AttachmentRef> refs = r.attachments() == null ? List.of() : r.attachments();
        var facts = new DossierRules.Facts(now, d.dueAt(), reason != null, blankToNull(r.assignee()) != null,
                blankToNull(r.agencyCode()) != null, !refs.isEmpty() || Boolean.TRUE.equals(r.generateResult()),
                r.newDueAt(), d.apologyCount(),
                step.map(StepInstance::last).orElse(false), step.map(s -> !s.last()).orElse(false),
                d.receivedAt() != null);
        var decision = DossierRules.decide(action, d.status(), parties(actor, d), facts);
        if (!decision.allowed()) {
            if (decision.httpStatus() == 400) {
                throw ProblemException.invalid(decision.field(), decision.reasonKey());
            }
            throw ProblemException.conflict(decision.reasonKey());
        }
        DossierStatus to = decision.to();
        Map<String, Object> changes = new LinkedHashMap<>();
        if (to != d.status()) {
            changes.put("status", to.name());
        }
        String stepName = step.map(StepInstance::name).orElse(d.status() == DossierStatus.SUBMITTED
                || d.status() == DossierStatus.RECEIVED ? "Tiếp nhận" : null);
        List<Map<String, Object>> documents = new ArrayList<>();
        Map<String, Object> extra = new LinkedHashMap<>();

        switch (action) {
            case ACCEPT -> {
                Deadline deadline = calendar.deadline(now, time(d), d.channel());
                changes.put("received_at", now);
                changes.put("clock_started_at", deadline.startsAt());
                changes.put("due_at", deadline.dueAt());
                changes.put("original_due_at", deadline.dueAt());
                changes.put("received_by", actor.accountId());
            }
            case REFUSE -> {
                changes.put("finished_at", now);
                changes.put("supplement_stage", null);
            }
            case REQUEST_SUPPLEMENT -> {
                List<String> items = r.items() == null ? List.of() : r.items().stream()
                        .filter(Objects::nonNull).map(String::trim).filter(s -> !s.isEmpty()).toList();
                if (items.size() > 30) {
                    throw ProblemException.invalid("items", "dossier.supplement.itemsTooMany");
                }
                String stage = d.status() == DossierStatus.SUBMITTED ? "RECEPTION" : "PROCESSING";
                changes.put("supplement_stage", stage);
                if (stage.equals("PROCESSING")) {
                    int count = d.supplementCount() + 1;
                    changes.put("supplement_count", count);
                    if (count > 1) {
                        changes.put("late_flag", true); // DOMAIN §2.6: more than one supplement request ⇒ late
                    }
                    changes.put("paused_at", now);
                    changes.put("paused_remaining_min", calendar.remainingWorkingMinutes(now, d.dueAt()));
                }
                dossiers.jdbc().sql("""
                        insert into dossier_supplement (dossier_id, stage, requested_at, requested_by, reason, items)
                        values (:d, :stage, :at, :by, :reason, cast(:items as jsonb))""")
                        .param("d", d.id()).param("stage", stage).param("at", now).param("by", actor.accountId())
                        .param("reason", reason).param("items", json.writeValueAsString(items)).update();
                extra.put("items", items);
            }
            case FORWARD -> {
                if (d.status() == DossierStatus.RECEIVED) {
                    long total = calendar.workingMinutesBetween(d.clockStartedAt(), d.dueAt());
                    StepInstance first = workflow.start(d.id(), d.procedureCode(), d.agencyCode(), total, now,
                            d.dueAt());
                    if (d.assigneeId() != null && first.role() == Role.SPECIALIST) {
                        accounts.byId(d.assigneeId()).ifPresent(a -> workflow.assign(d.id(), a));
                        first = workflow.current(d.id()).orElse(first);
                    }
                    putStep(changes, first);
                    stepName = first.name();
                } else if (blankToNull(r.agencyCode()) != null && !r.agencyCode().equals(d.currentStepAgency())) {
                    var target = organization.agency(r.agencyCode())
                            .orElseThrow(() -> ProblemException.invalid("agencyCode", "error.agency.notFound", r.agencyCode()));
                    StepInstance moved = workflow.transfer(d.id(), target.code(), now, d.dueAt());
                    putStep(changes, moved);
                    changes.put("assignee_id", null);
                    changes.put("assignee_name", null);
                    extra.put("toAgency", target.code());
                } else {
                    StepInstance next = workflow.advance(d.id(), now, d.dueAt())
                            .orElseThrow(() -> ProblemException.conflict("dossier.rule.noNextStep"));
                    putStep(changes, next);
                    changes.put("assignee_id", next.assigneeId());
                    changes.put("assignee_name", next.assigneeName());
                    stepName = next.name();
                }
            }
            case ASSIGN -> {
                Role role = d.currentStepRole() == null ? Role.SPECIALIST : Role.valueOf(d.currentStepRole());
                String agency = d.currentStepAgency() == null ? d.agencyCode() : d.currentStepAgency();
                Actor assignee = accounts.byUsername(r.assignee())
                        .filter(a -> a.has(role) && agency.equals(a.agencyCode()))
                        .orElseThrow(() -> ProblemException.invalid("assignee", "dossier.assign.notEligible",
                                r.assignee()));
                if (d.status() == DossierStatus.PROCESSING) {
                    workflow.assign(d.id(), assignee);
                }
                changes.put("assignee_id", assignee.accountId());
                changes.put("assignee_name", assignee.displayName());
                extra.put("assigneeId", assignee.accountId());
            }
            case CONSULT -> {
                var target = organization.agency(r.agencyCode())
                        .orElseThrow(() -> ProblemException.invalid("agencyCode", "error.agency.notFound", r.agencyCode()));
                if (target.code().equals(actor.agencyCode())) {
                    throw ProblemException.invalid("agencyCode", "dossier.consult.ownAgency");
                }
                var c = workflow.consult(d.id(), d.code(), actor.agencyCode(), target.code(), reason, actor, now);
                List<String> consulting = new ArrayList<>(d.consultingAgencies());
                if (!consulting.contains(target.code())) {
                    consulting.add(target.code());
                }
                changes.put("consulting_agencies", consulting.toArray(String[]::new));
                extra.put("toAgency", target.code());
                extra.put("consultationDueAt", c.dueAt().toString());
            }
            case ANSWER_CONSULTATION -> {
                workflow.answer(d.id(), actor.agencyCode(), reason, actor, now);
                boolean stillOpen = workflow.consultations(d.id()).stream()
                        .anyMatch(c -> c.answeredAt() == null && c.toAgency().equals(actor.agencyCode()));
                if (!stillOpen) {
                    List<String> consulting = new ArrayList<>(d.consultingAgencies());
                    consulting.remove(actor.agencyCode());
                    changes.put("consulting_agencies", consulting.toArray(String[]::new));
                }
            }
            case REQUEST_PAYMENT -> {
                if (r.amount() != null && (r.amount() < 0 || r.amount() > 1_000_000_000L)) {
                    throw ProblemException.invalid("amount", "error.param.range", 0, 1_000_000_000L);
                }
                changes.put("fee_amount", r.amount() != null ? r.amount() : d.feeAmount());
                changes.put("paused_at", now);
                changes.put("paused_remaining_min", calendar.remainingWorkingMinutes(now, d.dueAt()));
            }
            case CONFIRM_PAYMENT, WAIVE_PAYMENT -> {
                resume(d, now, changes);
                if (action == DossierAction.CONFIRM_PAYMENT) {
                    changes.put("paid_at", now);
                } else {
                    changes.put("fee_amount", 0L);
                }
            }
            case APOLOGIZE -> {
                changes.put("apology_count", d.apologyCount() + 1);
                changes.put("due_at", r.newDueAt());
                extra.put("previousDueAt", d.dueAt().toString());
                workflow.rebase(d.id(), now, r.newDueAt()).ifPresent(s -> changes.put("current_step_due_at", s.dueAt()));
            }
            case REJECT, STOP -> finish(d, now, changes);
            case COMPLETE -> {
                documents = new ArrayList<>(attachResults(actor, d, refs));
                if (refs.isEmpty() && Boolean.TRUE.equals(r.generateResult())) {
                    byte[] pdf = documentsProvider.getObject().result(d, actor.displayName(), now);
                    var f = files.storeGenerated("ket-qua-" + d.code() + ".pdf", "application/pdf", pdf);
                    dossiers.attach(d.id(), "RESULT", null, f.id(), f.name(), f.contentType(), f.size(), true,
                            actor.accountId());
                    documents.add(Map.of("fileId", f.id().toString(), "name", f.name(), "kind", "RESULT"));
                }
                finish(d, now, changes);
            }
            case RETURN_RESULT -> changes.put("returned_at", now);
            default -> throw ProblemException.invalid("action", "dossier.action.unknown", r.action());
        }
        return save(d, changes, action, actor, now, reason, blankToNull(r.note()), stepName, documents, extra);
    }

    /** The applicant supplies what a supplement request asked for. */
    @Transactional
    public DossierRecord supply(Actor actor, String code, List<IntakeRequest.AttachmentRef> attachments,
                                tools.jackson.databind.JsonNode form, String note, Locale locale) {
        DossierRecord d = ownDossier(actor, code);
        OffsetDateTime now = OffsetDateTime.now(clock);
        var decision = DossierRules.decide(DossierAction.SUPPLY, d.status(), Set.of(Party.APPLICANT),
                emptyFacts(now, d));
        if (!decision.allowed()) {
            throw ProblemException.conflict(decision.reasonKey());
        }
        List<IntakeRequest.AttachmentRef> refs = attachments == null ? List.of() : attachments;
        if (refs.isEmpty() && form == null) {
            throw ProblemException.invalid("attachments", "dossier.supply.nothing");
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        if (form != null) {
            var procedure = intake.procedureOf(d);
            List<FieldProblem> problems = intake.validateForm(procedure, form, locale);
            if (!problems.isEmpty()) {
                throw ProblemException.invalid(problems);
            }
            changes.put("form", json.writeValueAsString(Nfc.normalize(form, json)));
        }
        List<Map<String, Object>> documents = attachFiles(actor, d, refs, "SUPPLEMENT", false);
        dossiers.jdbc().sql("""
                update dossier_supplement set supplied_at = :now, note = :note
                where dossier_id = :d and supplied_at is null""")
                .param("now", now).param("note", blankToNull(note)).param("d", d.id()).update();
        String stepName;
        if ("RECEPTION".equals(d.supplementStage())) {
            changes.put("status", DossierStatus.SUBMITTED.name());
            stepName = "Tiếp nhận";
        } else {
            // Decree 61/2018 Art. 19: the processing time restarts once the dossier is complete
            Deadline deadline = calendar.deadline(now, time(d), d.channel());
            changes.put("status", DossierStatus.PROCESSING.name());
            changes.put("clock_started_at", deadline.startsAt());
            changes.put("due_at", deadline.dueAt());
            changes.put("original_due_at", deadline.dueAt());
            changes.put("paused_at", null);
            changes.put("paused_remaining_min", null);
            workflow.rebase(d.id(), now, deadline.dueAt()).ifPresent(s -> changes.put("current_step_due_at", s.dueAt()));
            stepName = d.currentStepName();
        }
        changes.put("supplement_stage", null);
        return save(d, changes, DossierAction.SUPPLY, actor, now, null, blankToNull(note), stepName, documents, Map.of());
    }

    /** The applicant withdraws (rút hồ sơ) while the dossier is not finished. */
    @Transactional
    public DossierRecord withdraw(Actor actor, String code, String reason) {
        DossierRecord d = ownDossier(actor, code);
        OffsetDateTime now = OffsetDateTime.now(clock);
        var decision = DossierRules.decide(DossierAction.WITHDRAW, d.status(), Set.of(Party.APPLICANT),
                emptyFacts(now, d));
        if (!decision.allowed()) {
            throw ProblemException.conflict(decision.reasonKey());
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("status", DossierStatus.WITHDRAWN.name());
        if (d.receivedAt() != null) {
            finish(d, now, changes);
        } else {
            changes.put("finished_at", now);
        }
        return save(d, changes, DossierAction.WITHDRAW, actor, now, blankToNull(reason), null, null, List.of(), Map.of());
    }

    /** The applicant rates the handling once, after the result is returned (hài lòng / bình thường / không hài lòng). */
    @Transactional
    public DossierRecord rate(Actor actor, String code, String rating, String comment) {
        DossierRecord d = ownDossier(actor, code);
        if (!List.of("SATISFIED", "NEUTRAL", "UNSATISFIED").contains(rating)) {
            throw ProblemException.invalid("rating", "error.param.oneOf", "SATISFIED, NEUTRAL, UNSATISFIED");
        }
        if (comment != null && comment.length() > 1000) {
            throw ProblemException.invalid("comment", "error.length.max", 1000);
        }
        if (d.status() != DossierStatus.RETURNED) {
            throw ProblemException.conflict("dossier.rating.notReturned");
        }
        if (d.rating() != null) {
            throw ProblemException.conflict("dossier.rating.once");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("rating", rating);
        changes.put("rating_comment", blankToNull(comment));
        changes.put("rated_at", now);
        if (!dossiers.update(d.id(), d.version(), changes)) {
            throw ProblemException.conflict("error.stale.detail");
        }
        DossierRecord after = dossiers.findById(d.id()).orElseThrow();
        events.changed(after, DossierAction.RETURN_RESULT, d.status(), actor, now, null, Map.of("rated", true));
        return after;
    }

    DossierRecord ownDossier(Actor actor, String code) {
        return dossiers.lock(code).filter(x -> x.applicantAccountId() != null && x.applicantAccountId() == actor.accountId())
                .orElseThrow(() -> ProblemException.notFound("dossier.notFound", code));
    }

    private void finish(DossierRecord d, OffsetDateTime now, Map<String, Object> changes) {
        changes.put("finished_at", now);
        if (d.receivedAt() != null) {
            changes.put("outcome", DossierRules.outcome(now, d.dueAt(), d.lateFlag(), calendar.zone()).name());
        }
        workflow.finish(d.id(), now, "DONE");
        changes.put("current_step_seq", null);
        changes.put("current_step_name", null);
        changes.put("current_step_role", null);
        changes.put("current_step_agency", null);
        changes.put("current_step_due_at", null);
        changes.put("paused_at", null);
    }

    /** The clock runs again with the working time that was left when it stopped. */
    private void resume(DossierRecord d, OffsetDateTime now, Map<String, Object> changes) {
        long remaining = d.pausedRemainingMin() == null ? 0 : d.pausedRemainingMin();
        OffsetDateTime due = calendar.addWorkingMinutes(calendar.clockStart(now, d.channel()), remaining);
        changes.put("due_at", due);
        changes.put("paused_at", null);
        changes.put("paused_remaining_min", null);
        workflow.rebase(d.id(), now, due).ifPresent(s -> changes.put("current_step_due_at", s.dueAt()));
    }

    private List<Map<String, Object>> attachResults(Actor actor, DossierRecord d, List<IntakeRequest.AttachmentRef> refs) {
        return attachFiles(actor, d, refs, "RESULT", false);
    }

    private List<Map<String, Object>> attachFiles(Actor actor, DossierRecord d, List<IntakeRequest.AttachmentRef> refs,
                                                  String kind, boolean digitised) {
        Map<UUID, StoredFile> stored = new LinkedHashMap<>();
        files.findAll(refs.stream().map(IntakeRequest.AttachmentRef::fileId).filter(Objects::nonNull).toList())
                .forEach(f -> stored.put(f.id(), f));
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            var ref = refs.get(i);
            StoredFile f = ref == null || ref.fileId() == null ? null : stored.get(ref.fileId());
            if (f == null || f.ownerId() == null || f.ownerId() != actor.accountId()) {
                problems.add(FieldProblem.of("attachments[" + i + "].fileId", "dossier.intake.fileUnknown"));
            } else if (f.attachedAt() != null) {
                problems.add(FieldProblem.of("attachments[" + i + "].fileId", "dossier.intake.fileUsed"));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (var ref : refs) {
            StoredFile f = stored.get(ref.fileId());
            dossiers.attach(d.id(), kind, ref.componentCode(), f.id(), f.name(), f.contentType(), f.size(), digitised,
                    actor.accountId());
            out.add(Map.of("fileId", f.id().toString(), "name", f.name(), "kind", kind));
        }
        files.markAttached(stored.keySet());
        return out;
    }

    private DossierRecord save(DossierRecord d, Map<String, Object> changes, DossierAction action, Actor actor,
                               OffsetDateTime now, String reason, String note, String stepName,
                               List<Map<String, Object>> documents, Map<String, ?> extra) {
        if (!dossiers.update(d.id(), d.version(), changes)) {
            throw ProblemException.conflict("error.stale.detail");
        }
        DossierRecord after = dossiers.findById(d.id()).orElseThrow();
        String role = actor.has(Role.CITIZEN) ? Role.CITIZEN.name()
                : actor.roles().stream().filter(Role::isOfficer).map(Role::name).findFirst().orElse("ADMIN");
        dossiers.history(d.id(), new HistoryEntry(now, actor.accountId(), actor.displayName(), role,
                actor.agencyCode(), actor.origin(), action.name(), d.status().name(), after.status().name(),
                stepName, reason, note, after.dueAt(), documents));
        events.changed(after, action, d.status(), actor, now, reason, extra);
        return after;
    }

    private void putStep(Map<String, Object> changes, StepInstance s) {
        changes.put("current_step_seq", s.seq());
        changes.put("current_step_name", s.name());
        changes.put("current_step_role", s.role().name());
        changes.put("current_step_agency", s.agencyCode());
        changes.put("current_step_due_at", s.dueAt());
    }

    static ProcessingTime time(DossierRecord d) {
        return new ProcessingTime(d.timeAmount(), TimeUnit.valueOf(d.timeUnit()));
    }

    private static DossierRules.Facts emptyFacts(OffsetDateTime now, DossierRecord d) {
        return new DossierRules.Facts(now, d.dueAt(), false, false, false, false, null, d.apologyCount(), false, false,
                d.receivedAt() != null);
    }

    static void checkVersion(Integer version, DossierRecord d) {
        if (version == null) {
            throw ProblemException.invalid("version", "dossier.version.required");
        }
        if (version != d.version()) {
            throw ProblemException.conflict("error.stale.detail");
        }
    }

    static DossierAction parseAction(String action) {
        if (action == null || action.isBlank()) {
            throw ProblemException.invalid("action", "error.required");
        }
        try {
            return DossierAction.valueOf(action.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("action", "dossier.action.unknown", action);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
