package vn.motcua.dossier.internal;

import static vn.motcua.dossier.DossierAction.*;

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
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.documents.FileStore;
import vn.motcua.documents.StoredFile;
import vn.motcua.dossier.ActionRequest;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.Outcome;
import vn.motcua.dossier.rules.ActionInput;
import vn.motcua.dossier.rules.ClockEffects;
import vn.motcua.dossier.rules.Decision;
import vn.motcua.dossier.rules.DossierFacts;
import vn.motcua.dossier.rules.DossierRules;
import vn.motcua.dossier.rules.Party;
import vn.motcua.dossier.rules.Punctuality;
import vn.motcua.dossier.rules.Rejection;
import vn.motcua.dossier.rules.RuleContext;
import vn.motcua.dossier.rules.SupplementStage;
import vn.motcua.identity.Accounts;
import vn.motcua.organization.Organization;
import vn.motcua.platform.Actor;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;
import vn.motcua.workflow.StepInstance;
import vn.motcua.workflow.Workflow;

/**
 * Every turn of a dossier after intake, one method per transition (eVaka's shape): audit the attempt, check access
 * and the version the caller saw, ask {@link DossierRules#decide} (the table, then the policies), change, write the
 * history entry and the {@code DossierChanged} event, all in one transaction. A refusal changes nothing.
 */
@Service
public class Transitions {

    private static final Log audit = LogFactory.getLog("vn.motcua.audit");
    private static final int MAX_TEXT = 2000;
    private static final String RECEPTION_STEP = "Tiếp nhận";

    private final DossierRepository dossiers;
    private final WorkingCalendar calendar;
    private final Workflow workflow;
    private final Accounts accounts;
    private final Organization organization;
    private final FileStore files;
    private final Catalog catalog;
    private final DossierEvents events;
    private final RuleContext rules;
    private final JsonMapper json;
    private final Clock clock;
    private final ObjectProvider<DossierDocuments> documents;

    Transitions(DossierRepository dossiers, WorkingCalendar calendar, Workflow workflow, Accounts accounts,
                Organization organization, FileStore files, Catalog catalog, DossierEvents events, RuleContext rules,
                JsonMapper json, Clock clock, ObjectProvider<DossierDocuments> documents) {
        this.dossiers = dossiers;
        this.calendar = calendar;
        this.workflow = workflow;
        this.accounts = accounts;
        this.organization = organization;
        this.files = files;
        this.catalog = catalog;
        this.events = events;
        this.rules = rules;
        this.json = json;
        this.clock = clock;
        this.documents = documents;
    }

    /** One dossier being turned: the locked row, who, when, and which parties they are for it. */
    private record Turn(DossierRecord d, Actor actor, OffsetDateTime now, Set<Party> parties) {
        DossierUpdate update() {
            return new DossierUpdate(d);
        }
    }

    // ------------------------------------------------------------------------------------------ officers' API

    /**
     * {@code POST /api/v1/office/dossiers/{code}/actions}: the action named in the request, by an officer (one
     * transaction, whichever the action).
     */
    @Transactional
    public DossierRecord act(Actor actor, String code, ActionRequest r, Locale locale) {
        return switch (parseAction(r.action())) {
            case ACCEPT -> accept(actor, code, r);
            case REFUSE -> refuse(actor, code, r);
            case REQUEST_SUPPLEMENT -> requestSupplement(actor, code, r);
            case SUPPLY -> supplyAtCounter(actor, code, r);
            case ASSIGN -> assign(actor, code, r);
            case FORWARD -> forward(actor, code, r);
            case CONSULT -> consult(actor, code, r);
            case ANSWER_CONSULTATION -> answerConsultation(actor, code, r);
            case REJECT -> reject(actor, code, r);
            case APOLOGIZE -> apologize(actor, code, r);
            case REQUEST_PAYMENT -> requestPayment(actor, code, r);
            case CONFIRM_PAYMENT -> confirmPayment(actor, code, r);
            case WAIVE_PAYMENT -> waivePayment(actor, code, r);
            case COMPLETE -> complete(actor, code, r);
            case RETURN_RESULT -> returnResult(actor, code, r);
            case STOP -> stop(actor, code, r);
            case WITHDRAW -> withdrawAtCounter(actor, code, r);
            case SUBMIT, RECEIVE, RATE, HAND_OVER -> throw ProblemException.invalid("action", "dossier.action.unknown", r.action());
        };
    }

    /** Tiếp nhận hồ sơ trực tuyến (form 01): the clock starts. */
    @Transactional
    public DossierRecord accept(Actor actor, String code, ActionRequest r) {
        Turn t = officer(ACCEPT, actor, code, r.version());
        Decision decision = decide(t, ACCEPT, input(t, r), false);
        DossierUpdate u = t.update().received(t.now, actor.accountId())
                .clock(ClockEffects.onAccept(t.now, t.d.processingTime(), t.d.channel(), calendar.forAgency(t.d.agencyCode())));
        return save(t, decision, u, ACCEPT, r, RECEPTION_STEP, List.of(), DossierEvents.Details.NONE);
    }

    /** Từ chối tiếp nhận (form 03). */
    @Transactional
    public DossierRecord refuse(Actor actor, String code, ActionRequest r) {
        Turn t = officer(REFUSE, actor, code, r.version());
        Decision decision = decide(t, REFUSE, input(t, r), false);
        DossierUpdate u = t.update().finished(t.now, null).supplied();
        return save(t, decision, u, REFUSE, r, RECEPTION_STEP, List.of(), DossierEvents.Details.NONE);
    }

    /** Yêu cầu bổ sung, hoàn thiện hồ sơ (form 02), at reception or during appraisal (the clock stops). */
    @Transactional
    public DossierRecord requestSupplement(Actor actor, String code, ActionRequest r) {
        Turn t = officer(REQUEST_SUPPLEMENT, actor, code, r.version());
        List<String> items = items(r.items());
        Decision decision = decide(t, REQUEST_SUPPLEMENT, input(t, r), false);
        SupplementStage stage = t.d.status() == DossierStatus.SUBMITTED ? SupplementStage.RECEPTION
                : SupplementStage.PROCESSING;
        dossiers.supplementRequested(t.d.id(), stage.name(), t.now, actor.accountId(), text(r.reason()), items);
        DossierUpdate u = t.update().supplementRequested(stage);
        if (stage == SupplementStage.PROCESSING) {
            u.clock(ClockEffects.onSupplementRequested(t.d.clock(), t.now, calendar.forAgency(t.d.agencyCode())));
        }
        return save(t, decision, u, REQUEST_SUPPLEMENT, r, stepName(t.d), List.of(),
                DossierEvents.Details.items(items));
    }

    /** The applicant supplies online what a supplement request asked for. */
    @Transactional
    public DossierRecord supply(Actor actor, String code, Integer version, List<IntakeRequest.AttachmentRef> attachments,
                                JsonNode form, String note, Locale locale) {
        Turn t = applicant(SUPPLY, actor, code, version);
        return supplied(t, attachments, form, note, "SUPPLEMENT", false, locale);
    }

    /** Nhận hồ sơ bổ sung tại quầy: the one-stop records the papers a counter or postal applicant brought, scanned. */
    @Transactional
    public DossierRecord supplyAtCounter(Actor actor, String code, ActionRequest r) {
        Turn t = officer(SUPPLY, actor, code, r.version());
        return supplied(t, r.attachments(), null, r.note(), "SUPPLEMENT", true, null);
    }

    /** The supplement received: back to reception, or to processing with the time restarted from zero. */
    private DossierRecord supplied(Turn t, List<IntakeRequest.AttachmentRef> attachments, JsonNode form, String note,
                                   String kind, boolean scanned, Locale locale) {
        limited("note", note);
        List<IntakeRequest.AttachmentRef> refs = attachments == null ? List.of() : attachments;
        ActionInput in = ActionInput.at(t.now);
        in = refs.isEmpty() ? in : in.withDocuments();
        in = form == null ? in : in.withForm();
        Decision decision = decide(t, SUPPLY, in, false);
        DossierUpdate u = t.update().supplied();
        if (form != null) {
            var procedure = catalog.filed(t.d.procedureCode(), t.d.procedureVersion()).orElseThrow();
            JsonNode normalised = Nfc.normalize(form, json);
            List<FieldProblem> problems = catalog.validateForm(procedure, normalised, locale);
            if (!problems.isEmpty()) {
                throw ProblemException.invalid(problems);
            }
            u.form(normalised);
        }
        List<Map<String, Object>> docs = attach(t, refs, kind, scanned);
        dossiers.supplied(t.d.id(), t.now, text(note));
        if (decision.to() == DossierStatus.PROCESSING) {
            u.clock(ClockEffects.onSupplied(t.d.clock(), t.now, t.d.processingTime(), t.d.channel(), calendar.forAgency(t.d.agencyCode())))
                    .processingSince(t.now);
            workflow.rebase(t.d.id(), t.now, u.clock.dueAt()).ifPresent(s -> u.stepDue(s.dueAt()));
        }
        String step = decision.to() == DossierStatus.SUBMITTED ? RECEPTION_STEP : t.d.currentStepName();
        return save(t, decision, u, SUPPLY, null, text(note), step, docs, DossierEvents.Details.NONE);
    }

    /** Chuyển xử lý: to the first step, the next step, or another agency (liên thông). */
    @Transactional
    public DossierRecord forward(Actor actor, String code, ActionRequest r) {
        Turn t = officer(FORWARD, actor, code, r.version());
        Optional<StepInstance> current = workflow.current(t.d.id());
        Decision decision = decide(t, FORWARD, input(t, r), current);
        DossierUpdate u = t.update();
        String target = text(r.agencyCode());
        DossierEvents.Details details = DossierEvents.Details.NONE;
        StepInstance step;
        if (t.d.status() == DossierStatus.RECEIVED) {
            long total = calendar.workingMinutesBetween(t.d.clockStartedAt(), t.d.dueAt());
            step = workflow.start(t.d.id(), t.d.procedureCode(), t.d.agencyCode(), total, t.now, t.d.dueAt());
            if (t.d.assigneeId() != null && step.role() == Role.SPECIALIST) {
                accounts.byId(t.d.assigneeId()).ifPresent(a -> workflow.assign(t.d.id(), a));
                step = workflow.current(t.d.id()).orElse(step);
            }
            u.processingSince(t.now);
        } else if (target != null && !target.equals(t.d.currentStepAgency())) {
            var agency = organization.agency(target)
                    .orElseThrow(() -> ProblemException.invalid("agencyCode", "error.agency.notFound", target));
            step = workflow.transfer(t.d.id(), agency.code(), t.now, t.d.dueAt());
            u.assignee(null, null);
            details = DossierEvents.Details.toAgency(agency.code(), null);
        } else {
            step = workflow.advance(t.d.id(), t.now, t.d.dueAt())
                    .orElseThrow(() -> ProblemException.conflict("dossier.rule.noNextStep"));
            u.assignee(step.assigneeId(), step.assigneeName());
        }
        u.step(step);
        return save(t, decision, u, FORWARD, r, step.name(), List.of(), details);
    }

    /**
     * Bàn giao: a reorganisation of units hands an unfinished dossier from a closed agency over to its successor (the
     * province administrator applies it; the rule book's {@code HAND_OVER} line). The dossier keeps its code, its
     * units (where it was filed) and its clock; the receiving agency, and the current step when it was at the closed
     * agency, become the successor's; one history line with the legal basis.
     */
    @Transactional
    public DossierRecord handOver(Actor administrator, String code, String fromAgency, String toAgency,
                                  String legalBasis) {
        audit(HAND_OVER, code, administrator);
        DossierRecord d = dossiers.lock(code).orElseThrow(() -> ProblemException.notFound("dossier.notFound", code));
        Set<Party> parties = administrator.isAdmin() ? EnumSet.of(Party.ADMINISTRATOR) : EnumSet.noneOf(Party.class);
        Turn t = new Turn(d, administrator, OffsetDateTime.now(clock), parties);
        Decision decision = decide(t, HAND_OVER, ActionInput.at(t.now).withReason().withAgency(), false);
        DossierUpdate u = t.update();
        if (fromAgency.equals(d.agencyCode())) {
            u.agencyCode = toAgency;
        }
        if (fromAgency.equals(d.currentStepAgency())) {
            u.step(workflow.transfer(d.id(), toAgency, t.now, d.dueAt()));
            u.assignee(null, null);
        }
        return save(t, decision, u, HAND_OVER, legalBasis, fromAgency + " → " + toAgency, stepName(d), List.of(),
                DossierEvents.Details.toAgency(toAgency, null));
    }

    /** Phân công: the officer who handles the dossier at its step. */
    @Transactional
    public DossierRecord assign(Actor actor, String code, ActionRequest r) {
        Turn t = officer(ASSIGN, actor, code, r.version());
        Decision decision = decide(t, ASSIGN, input(t, r), false);
        Role role = t.d.currentStepRole() == null ? Role.SPECIALIST : Role.valueOf(t.d.currentStepRole());
        String agency = t.d.currentStepAgency() == null ? t.d.agencyCode() : t.d.currentStepAgency();
        Actor assignee = accounts.byUsername(r.assignee()).filter(a -> a.has(role) && agency.equals(a.agencyCode()))
                .orElseThrow(() -> ProblemException.invalid("assignee", "dossier.assign.notEligible", r.assignee()));
        if (t.d.status() == DossierStatus.PROCESSING) {
            workflow.assign(t.d.id(), assignee);
        }
        DossierUpdate u = t.update().assignee(assignee.accountId(), assignee.displayName());
        return save(t, decision, u, ASSIGN, r, stepName(t.d), List.of(), DossierEvents.Details.NONE);
    }

    /** Xin ý kiến another agency, with the consultation's own deadline. */
    @Transactional
    public DossierRecord consult(Actor actor, String code, ActionRequest r) {
        Turn t = officer(CONSULT, actor, code, r.version());
        Decision decision = decide(t, CONSULT, input(t, r), false);
        var target = organization.agency(r.agencyCode())
                .orElseThrow(() -> ProblemException.invalid("agencyCode", "error.agency.notFound", r.agencyCode()));
        if (target.code().equals(actor.agencyCode())) {
            throw ProblemException.invalid("agencyCode", "dossier.consult.ownAgency");
        }
        var c = workflow.consult(t.d.id(), t.d.code(), actor.agencyCode(), target.code(), text(r.reason()), actor, t.now);
        List<String> consulting = new ArrayList<>(t.d.consultingAgencies());
        if (!consulting.contains(target.code())) {
            consulting.add(target.code());
        }
        DossierUpdate u = t.update().consulting(consulting);
        return save(t, decision, u, CONSULT, r, stepName(t.d), List.of(),
                DossierEvents.Details.toAgency(target.code(), c.dueAt()));
    }

    /** Trả lời xin ý kiến, by the consulted agency. */
    @Transactional
    public DossierRecord answerConsultation(Actor actor, String code, ActionRequest r) {
        Turn t = officer(ANSWER_CONSULTATION, actor, code, r.version());
        Decision decision = decide(t, ANSWER_CONSULTATION, input(t, r), false);
        workflow.answer(t.d.id(), actor.agencyCode(), text(r.reason()), actor, t.now);
        DossierUpdate u = t.update();
        boolean stillOpen = workflow.consultations(t.d.id()).stream()
                .anyMatch(c -> c.answeredAt() == null && c.toAgency().equals(actor.agencyCode()));
        if (!stillOpen) {
            List<String> consulting = new ArrayList<>(t.d.consultingAgencies());
            consulting.remove(actor.agencyCode());
            u.consulting(consulting);
        }
        return save(t, decision, u, ANSWER_CONSULTATION, r, stepName(t.d), List.of(), DossierEvents.Details.NONE);
    }

    /** Từ chối giải quyết, after appraisal. */
    @Transactional
    public DossierRecord reject(Actor actor, String code, ActionRequest r) {
        Turn t = officer(REJECT, actor, code, r.version());
        Decision decision = decide(t, REJECT, input(t, r), false);
        return save(t, decision, finish(t, t.update()), REJECT, r, stepName(t.d), List.of(),
                DossierEvents.Details.NONE);
    }

    /** Xin lỗi và hẹn lại ngày trả kết quả (form 04): the new appointment is in force, the original kept. */
    @Transactional
    public DossierRecord apologize(Actor actor, String code, ActionRequest r) {
        Turn t = officer(APOLOGIZE, actor, code, r.version());
        Decision decision = decide(t, APOLOGIZE, input(t, r), false);
        DossierUpdate u = t.update().apologized().clock(ClockEffects.onApology(t.d.clock(), r.newDueAt()));
        workflow.rebase(t.d.id(), t.now, r.newDueAt()).ifPresent(s -> u.stepDue(s.dueAt()));
        return save(t, decision, u, APOLOGIZE, r, stepName(t.d), List.of(),
                DossierEvents.Details.previousDue(t.d.dueAt()));
    }

    /** Yêu cầu thực hiện nghĩa vụ tài chính: the clock stops until paid or waived. */
    @Transactional
    public DossierRecord requestPayment(Actor actor, String code, ActionRequest r) {
        Turn t = officer(REQUEST_PAYMENT, actor, code, r.version());
        if (r.amount() != null && (r.amount() < 0 || r.amount() > 1_000_000_000L)) {
            throw ProblemException.invalid("amount", "error.param.range", 0, 1_000_000_000L);
        }
        Decision decision = decide(t, REQUEST_PAYMENT, input(t, r), false);
        DossierUpdate u = t.update().fee(r.amount() != null ? r.amount() : t.d.feeAmount())
                .clock(ClockEffects.onPaymentRequested(t.d.clock(), t.now, calendar.forAgency(t.d.agencyCode())));
        return save(t, decision, u, REQUEST_PAYMENT, r, stepName(t.d), List.of(), DossierEvents.Details.NONE);
    }

    /** Xác nhận đã nộp phí, lệ phí: the clock resumes with the time that was left. */
    @Transactional
    public DossierRecord confirmPayment(Actor actor, String code, ActionRequest r) {
        Turn t = officer(CONFIRM_PAYMENT, actor, code, r.version());
        Decision decision = decide(t, CONFIRM_PAYMENT, input(t, r), false);
        DossierUpdate u = resume(t, t.update()).paid(t.now);
        return save(t, decision, u, CONFIRM_PAYMENT, r, stepName(t.d), List.of(), DossierEvents.Details.NONE);
    }

    /**
     * A payment confirmed by the payment module: {@code CONFIRM_PAYMENT} by the payment platform (the rule book says
     * where it leads: back to processing with the time that was left, or unchanged for a fee paid with the
     * application). A dossier no longer open is left alone (empty): the payment module refunds.
     */
    @Transactional
    public Optional<DossierRecord> paymentReceived(String code, vn.motcua.dossier.PaymentReceived p, Actor by) {
        audit(CONFIRM_PAYMENT, code, by);
        DossierRecord d = dossiers.lock(code).orElseThrow(() -> ProblemException.notFound("dossier.notFound", code));
        Turn t = new Turn(d, by, OffsetDateTime.now(clock), EnumSet.of(Party.PAYMENT_PLATFORM));
        Decision decision = DossierRules.decide(CONFIRM_PAYMENT, t.parties, facts(d, Optional.empty()),
                ActionInput.at(t.now), rules);
        if (!decision.allowed()) {
            audit.info("payment " + p.reference() + " not taken by dossier " + code + " in " + d.status() + ": "
                    + decision.rejection().messageKey());
            return Optional.empty();
        }
        DossierUpdate u = d.status() == DossierStatus.AWAITING_PAYMENT ? resume(t, t.update()) : t.update();
        u.paid(p.paidAt() == null ? t.now : p.paidAt());
        return Optional.of(save(t, decision, u, CONFIRM_PAYMENT, null, p.note(), stepName(d), List.of(),
                DossierEvents.Details.NONE));
    }

    /** Miễn phí, lệ phí: nothing to pay, the clock resumes with the time that was left. */
    @Transactional
    public DossierRecord waivePayment(Actor actor, String code, ActionRequest r) {
        Turn t = officer(WAIVE_PAYMENT, actor, code, r.version());
        Decision decision = decide(t, WAIVE_PAYMENT, input(t, r), false);
        DossierUpdate u = resume(t, t.update()).fee(0L);
        return save(t, decision, u, WAIVE_PAYMENT, r, stepName(t.d), List.of(), DossierEvents.Details.NONE);
    }

    /** Đã xử lý xong: the result, uploaded or generated from the procedure's template. */
    @Transactional
    public DossierRecord complete(Actor actor, String code, ActionRequest r) {
        Turn t = officer(COMPLETE, actor, code, r.version());
        Decision decision = decide(t, COMPLETE, input(t, r), workflow.current(t.d.id()));
        List<IntakeRequest.AttachmentRef> refs = r.attachments() == null ? List.of() : r.attachments();
        List<Map<String, Object>> docs = new ArrayList<>(attach(t, refs, "RESULT", false));
        if (refs.isEmpty() && Boolean.TRUE.equals(r.generateResult())) {
            // signed by the completing officer and the agency, kept and registered for its QR code; a failed
            // signature (409 with the reason) rolls the whole turn back
            StoredFile f = documents.getObject().storeSignedResult(t.d, actor, t.now);
            dossiers.attach(t.d.id(), "RESULT", List.of(new NewDossier.Document(null, f.id(), f.name(),
                    f.contentType(), f.size())), true, actor.accountId());
            docs.add(Map.of("fileId", f.id().toString(), "name", f.name(), "kind", "RESULT"));
        }
        // result_files counts the SIGNED electronic results (766 indicator 4.1, docs/SIGNING.md): the generated one,
        // and uploaded PDFs that already carry an intact signature
        int signed = documents.getObject().signedUploads(refs.stream().filter(Objects::nonNull)
                .map(IntakeRequest.AttachmentRef::fileId).filter(Objects::nonNull).toList())
                + (refs.isEmpty() && Boolean.TRUE.equals(r.generateResult()) ? 1 : 0);
        DossierUpdate u = finish(t, t.update().resultFiles(t.d.resultFiles() + signed));
        return save(t, decision, u, COMPLETE, r, stepName(t.d), docs, DossierEvents.Details.NONE);
    }

    /** Đã trả kết quả. */
    @Transactional
    public DossierRecord returnResult(Actor actor, String code, ActionRequest r) {
        Turn t = officer(RETURN_RESULT, actor, code, r.version());
        Decision decision = decide(t, RETURN_RESULT, input(t, r), false);
        return save(t, decision, t.update().returned(t.now), RETURN_RESULT, r, "Trả kết quả", List.of(),
                DossierEvents.Details.NONE);
    }

    /** Dừng xử lý. */
    @Transactional
    public DossierRecord stop(Actor actor, String code, ActionRequest r) {
        Turn t = officer(STOP, actor, code, r.version());
        Decision decision = decide(t, STOP, input(t, r), false);
        return save(t, decision, finish(t, t.update()), STOP, r, stepName(t.d), List.of(), DossierEvents.Details.NONE);
    }

    /** A withdrawal requested in writing at the counter, for a paper dossier: the request is scanned and kept. */
    @Transactional
    public DossierRecord withdrawAtCounter(Actor actor, String code, ActionRequest r) {
        Turn t = officer(WITHDRAW, actor, code, r.version());
        List<IntakeRequest.AttachmentRef> refs = r.attachments() == null ? List.of() : r.attachments();
        Decision decision = decide(t, WITHDRAW, refs.isEmpty() ? input(t, r) : input(t, r).withDocuments(), false);
        List<Map<String, Object>> docs = attach(t, refs, "WITHDRAWAL", true);
        return save(t, decision, withdrawn(t), WITHDRAW, text(r.reason()), text(r.note()), null, docs,
                DossierEvents.Details.NONE);
    }

    // ------------------------------------------------------------------------------------------ the applicant

    /** The applicant withdraws (rút hồ sơ) while the dossier is not finished. */
    @Transactional
    public DossierRecord withdraw(Actor actor, String code, Integer version, String reason) {
        Turn t = applicant(WITHDRAW, actor, code, version);
        String why = text(reason);
        if (why != null && why.length() > MAX_TEXT) {
            throw ProblemException.invalid("reason", "error.length.max", MAX_TEXT);
        }
        Decision decision = decide(t, WITHDRAW, ActionInput.at(t.now), false);
        return save(t, decision, withdrawn(t), WITHDRAW, why, null, null, List.of(), DossierEvents.Details.NONE);
    }

    /** The applicant rates the handling once, after the result is returned (hài lòng / bình thường / không hài lòng). */
    @Transactional
    public DossierRecord rate(Actor actor, String code, Integer version, String rating, String comment) {
        Turn t = applicant(RATE, actor, code, version);
        if (rating == null || !List.of("SATISFIED", "NEUTRAL", "UNSATISFIED").contains(rating)) {
            throw ProblemException.invalid("rating", "error.param.oneOf", "SATISFIED, NEUTRAL, UNSATISFIED");
        }
        if (comment != null && comment.length() > 1000) {
            throw ProblemException.invalid("comment", "error.length.max", 1000);
        }
        Decision decision = decide(t, RATE, ActionInput.at(t.now), false);
        DossierUpdate u = t.update().rated(rating, text(comment), t.now);
        return save(t, decision, u, RATE, null, text(comment), null, List.of(), DossierEvents.Details.NONE);
    }

    // ------------------------------------------------------------------------------------------ pages

    /** The actions an officer could take on the dossier now (what pages and the officers' API offer). */
    public List<DossierAction> allowedActions(Actor actor, DossierRecord d, Optional<StepInstance> step) {
        return DossierRules.allowedNow(Access.parties(actor, d), facts(d, step), rules, OffsetDateTime.now(clock));
    }

    /** The actions the applicant could take on their dossier now. */
    public List<DossierAction> applicantActions(DossierRecord d) {
        return DossierRules.allowedNow(EnumSet.of(Party.APPLICANT), d.facts(false, false), rules,
                OffsetDateTime.now(clock));
    }

    // ------------------------------------------------------------------------------------------ the steps

    /** Access: an officer who sees the dossier; the row locked; the version the officer saw. */
    private Turn officer(DossierAction action, Actor actor, String code, Integer version) {
        audit(action, code, actor);
        var readable = organization.readableBy(actor.agencyCode());
        DossierRecord d = dossiers.lock(code).filter(x -> Access.officerSees(readable, x))
                .orElseThrow(() -> ProblemException.notFound("dossier.notFound", code));
        checkVersion(version, d);
        return new Turn(d, actor, OffsetDateTime.now(clock), Access.parties(actor, d));
    }

    /** Access: the applicant's own dossier; the row locked; the version they saw. */
    private Turn applicant(DossierAction action, Actor actor, String code, Integer version) {
        audit(action, code, actor);
        DossierRecord d = dossiers.lock(code).filter(x -> Access.owns(actor, x))
                .orElseThrow(() -> ProblemException.notFound("dossier.notFound", code));
        checkVersion(version, d);
        return new Turn(d, actor, OffsetDateTime.now(clock), EnumSet.of(Party.APPLICANT));
    }

    /**
     * The audit trail of attempts: each attempt at DEBUG, each refusal at INFO with its reason (a change that happens is
     * recorded in the dossier's history: who, role, agency, when, from where, what, why).
     */
    private static void audit(DossierAction action, String code, Actor actor) {
        if (audit.isDebugEnabled()) {
            audit.debug("dossier " + action + " " + code + " by " + actor.username() + " (" + actor.accountId()
                    + ") from " + actor.origin());
        }
    }

    /** The status check: the rule book's answer, or a refusal with the legal reason (nothing changed). */
    private Decision decide(Turn t, DossierAction action, ActionInput in, boolean withSteps) {
        return decide(t, action, in, withSteps ? workflow.current(t.d.id()) : Optional.empty());
    }

    private Decision decide(Turn t, DossierAction action, ActionInput in, Optional<StepInstance> step) {
        Decision decision = DossierRules.decide(action, t.parties, facts(t.d, step), in, rules);
        if (!decision.allowed()) {
            audit.info("refused: dossier " + action + " " + t.d.code() + " in " + t.d.status() + " by "
                    + t.actor.username() + " (" + t.actor.accountId() + ") from " + t.actor.origin() + ": "
                    + decision.rejection().messageKey() + " [" + decision.rejection().legalBasis() + "]");
            throw problem(decision.rejection());
        }
        return decision;
    }

    private static DossierFacts facts(DossierRecord d, Optional<StepInstance> step) {
        return d.facts(step.map(StepInstance::last).orElse(false), step.map(s -> !s.last()).orElse(false));
    }

    static ProblemException problem(Rejection r) {
        return r.httpStatus() == 400 ? ProblemException.invalid(r.field(), r.messageKey(), r.args())
                : ProblemException.conflict(r.messageKey(), r.args());
    }

    private ActionInput input(Turn t, ActionRequest r) {
        ActionInput in = ActionInput.at(t.now);
        in = text(r.reason()) != null ? in.withReason() : in;
        in = text(r.assignee()) != null ? in.withAssignee() : in;
        in = text(r.agencyCode()) != null ? in.withAgency() : in;
        boolean files = r.attachments() != null && !r.attachments().isEmpty();
        in = files || Boolean.TRUE.equals(r.generateResult()) ? in.withResultDocument() : in;
        in = files ? in.withDocuments() : in;
        String reason = text(r.reason());
        if (reason != null && reason.length() > MAX_TEXT) {
            throw ProblemException.invalid("reason", "error.length.max", MAX_TEXT);
        }
        String note = text(r.note());
        if (note != null && note.length() > MAX_TEXT) {
            throw ProblemException.invalid("note", "error.length.max", MAX_TEXT);
        }
        return in.withNewDueAt(r.newDueAt());
    }

    /** Writes the change and its history entry (if the version still holds) and the event. */
    private DossierRecord save(Turn t, Decision decision, DossierUpdate u, DossierAction action, ActionRequest r,
                               String step, List<Map<String, Object>> docs, DossierEvents.Details details) {
        return save(t, decision, u, action, text(r.reason()), text(r.note()), step, docs, details);
    }

    private DossierRecord save(Turn t, Decision decision, DossierUpdate u, DossierAction action, String reason,
                               String note, String step, List<Map<String, Object>> docs,
                               DossierEvents.Details details) {
        u.status(decision.to());
        if (decision.markLate()) {
            u.markLate();
        }
        HistoryEntry h = new HistoryEntry(t.now, t.actor.accountId(), t.actor.displayName(), Access.role(t.actor),
                t.actor.agencyCode(), t.actor.origin(), action.name(), t.d.status().name(), null, step, reason, note,
                null, docs);
        DossierRecord after = dossiers.update(t.d, u, h)
                .orElseThrow(() -> ProblemException.conflict("error.stale.detail"));
        events.changed(after, action, t.d.status(), t.actor, t.now, reason, details);
        return after;
    }

    /** Finished after acceptance: the outcome by the on-time rule, the process ended, nothing waits. */
    private DossierUpdate finish(Turn t, DossierUpdate u) {
        Outcome outcome = t.d.receivedAt() == null ? null
                : Punctuality.outcome(t.now, u.clock.dueAt(), u.lateFlag, calendar.zone());
        if (t.d.currentStepSeq() != null) {
            workflow.finish(t.d.id(), t.now, "DONE");
        }
        return u.finished(t.now, outcome).clock(ClockEffects.onFinished(u.clock));
    }

    private DossierUpdate withdrawn(Turn t) {
        DossierUpdate u = t.update().supplied();
        return t.d.receivedAt() != null ? finish(t, u) : u.finished(t.now, null);
    }

    private DossierUpdate resume(Turn t, DossierUpdate u) {
        u.clock(ClockEffects.onPaymentResumed(t.d.clock(), t.now, t.d.channel(), calendar.forAgency(t.d.agencyCode())));
        workflow.rebase(t.d.id(), t.now, u.clock.dueAt()).ifPresent(s -> u.stepDue(s.dueAt()));
        return u;
    }

    /** Attaches files the actor uploaded (never someone else's, never one already used). */
    private List<Map<String, Object>> attach(Turn t, List<IntakeRequest.AttachmentRef> refs, String kind,
                                             boolean scanned) {
        if (refs.isEmpty()) {
            return List.of();
        }
        Map<UUID, StoredFile> stored = new LinkedHashMap<>();
        files.findAll(refs.stream().filter(Objects::nonNull).map(IntakeRequest.AttachmentRef::fileId)
                .filter(Objects::nonNull).toList()).forEach(f -> stored.put(f.id(), f));
        List<FieldProblem> problems = new ArrayList<>();
        List<NewDossier.Document> docs = new ArrayList<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            var ref = refs.get(i);
            StoredFile f = ref == null || ref.fileId() == null ? null : stored.get(ref.fileId());
            if (f == null || f.ownerId() == null || f.ownerId() != t.actor.accountId()) {
                problems.add(FieldProblem.of("attachments[" + i + "].fileId", "dossier.intake.fileUnknown"));
            } else if (f.attachedAt() != null) {
                problems.add(FieldProblem.of("attachments[" + i + "].fileId", "dossier.intake.fileUsed"));
            } else {
                docs.add(new NewDossier.Document(ref.componentCode(), f.id(), f.name(), f.contentType(), f.size()));
                out.add(Map.of("fileId", f.id().toString(), "name", f.name(), "kind", kind));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        dossiers.attach(t.d.id(), kind, docs, scanned, t.actor.accountId());
        files.markAttached(stored.keySet());
        return out;
    }

    private static String stepName(DossierRecord d) {
        if (d.currentStepName() != null) {
            return d.currentStepName();
        }
        return d.status() == DossierStatus.SUBMITTED || d.status() == DossierStatus.RECEIVED ? RECEPTION_STEP : null;
    }

    private static List<String> items(List<String> items) {
        List<String> out = items == null ? List.of() : items.stream().filter(Objects::nonNull).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        if (out.size() > 30) {
            throw ProblemException.invalid("items", "dossier.supplement.itemsTooMany");
        }
        if (out.stream().anyMatch(s -> s.length() > 500)) {
            throw ProblemException.invalid("items", "error.length.max", 500);
        }
        return out;
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

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The same length limit on free text as the pages' forms (2,000 characters), before anything is decided. */
    private static void limited(String field, String s) {
        if (s != null && s.length() > MAX_TEXT) {
            throw ProblemException.invalid(field, "error.length.max", MAX_TEXT);
        }
    }
}
