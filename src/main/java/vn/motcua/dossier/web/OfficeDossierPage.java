package vn.motcua.dossier.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Component;
import vn.motcua.catalog.EForm;
import vn.motcua.catalog.EFormField;
import vn.motcua.catalog.Procedure;
import vn.motcua.documents.FileStore;
import vn.motcua.dossier.ActionRequest;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.internal.Access;
import vn.motcua.dossier.internal.Transitions;
import vn.motcua.dossier.rules.LifecycleTable;
import vn.motcua.dossier.rules.Needs;
import vn.motcua.dossier.internal.DossierDocuments;
import vn.motcua.dossier.internal.DossierQueries;
import vn.motcua.dossier.internal.DossierRecord;
import vn.motcua.dossier.internal.DossierRepository;
import vn.motcua.dossier.internal.DossierViews;
import vn.motcua.dossier.internal.HistoryEntry;
import vn.motcua.identity.Accounts;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.platform.Actor;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;
import vn.motcua.workflow.Consultation;
import vn.motcua.workflow.Workflow;

/**
 * The dossier page of the officers' workspace {@code /can-bo/ho-so/{code}}: the header with the deadlines, the
 * applicant, the eForm read-only, the documents (opened in the browser), the pending supplement, the steps,
 * the consultations, the timeline, the notices to print, and one small form per action the officer may take
 * now ({@link DossierViews#full}'s {@code allowedActions}, nothing else). Every form carries the dossier version;
 * a refusal (409) shows the reason over the fresh dossier. Also the files and PDFs of the dossier for pages.
 */
@Controller
class OfficeDossierPage {

    /** How the actions are listed: the usual next step first, refusals last. */
    private static final List<String> ORDER = List.of("ACCEPT", "SUPPLY", "FORWARD", "COMPLETE", "RETURN_RESULT",
            "CONFIRM_PAYMENT", "ANSWER_CONSULTATION", "ASSIGN", "REQUEST_SUPPLEMENT", "CONSULT", "FORWARD_AGENCY",
            "REQUEST_PAYMENT", "WAIVE_PAYMENT", "APOLOGIZE", "REFUSE", "REJECT", "STOP", "WITHDRAW");
    private static final Set<String> DANGER = Set.of("REFUSE", "REJECT", "STOP", "WITHDRAW");
    private static final Set<String> FORM_FIELDS = Set.of("reason", "items", "assignee", "agencyCode", "newDueAt",
            "amount", "note");
    private static final Map<String, String> NOTICE_OF = Map.of("REQUEST_SUPPLEMENT", "supplement", "REFUSE",
            "refusal", "APOLOGIZE", "apology", "REJECT", "rejection");
    static final int RESULT_FILES = 2;

    private final DossierQueries queries;
    private final DossierViews views;
    private final Transitions actions;
    private final DossierDocuments documents;
    private final DossierRepository repository;
    private final FileStore files;
    private final Catalog catalog;
    private final Accounts accounts;
    private final Organization organization;
    private final Workflow workflow;
    private final OfficePageSupport support;
    private final ZoneId zone;
    private final java.time.Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<vn.motcua.dossier.ApplicantRegisterChecks> registerChecks;

    OfficeDossierPage(DossierQueries queries, DossierViews views, Transitions actions, DossierDocuments documents,
                      DossierRepository repository, FileStore files, Catalog catalog, Accounts accounts,
                      Organization organization, Workflow workflow, OfficePageSupport support,
                      WorkingCalendar calendar, java.time.Clock clock,
                      org.springframework.beans.factory.ObjectProvider<vn.motcua.dossier.ApplicantRegisterChecks>
                              registerChecks) {
        this.clock = clock;
        this.registerChecks = registerChecks;
        this.queries = queries;
        this.views = views;
        this.actions = actions;
        this.documents = documents;
        this.repository = repository;
        this.files = files;
        this.catalog = catalog;
        this.accounts = accounts;
        this.organization = organization;
        this.workflow = workflow;
        this.support = support;
        this.zone = calendar.zone();
    }

    /** A value of the eForm, read-only: a leaf with its text, or a group with its children. */
    record ReadField(String label, String value, List<ReadField> children) {
    }

    /** A line of the applicant's details. */
    record Line(String labelKey, String value) {
    }

    /** A document of the dossier. */
    record Doc(String kind, String component, String name, String url, long size, boolean digitised) {
    }

    /** A paper form to print. */
    record Notice(String kind, String url) {
    }

    /**
     * One action as a form: its id (the action, or FORWARD_AGENCY for the transfer to another agency), the
     * inputs it needs and how it is shown ({@code folded}: behind a disclosure; {@code danger}: a refusal).
     * {@code uploads}: the files it takes (results, the scans of papers brought to the counter, a written request);
     * {@code generate}: COMPLETE may generate the result instead.
     */
    record ActionForm(String id, String action, String detail, boolean danger, boolean folded, boolean reason,
                      boolean items, boolean assignee, boolean agency, boolean agencyOptional, boolean newDueAt,
                      boolean amount, List<UploadField> uploads, boolean generate, boolean note) {

        public boolean results() {
            return !uploads.isEmpty();
        }
    }

    /**
     * A file input of an action's form: {@code key} names it ({@code result.0}, {@code scan.TP01},
     * {@code request.0}); {@code component} the dossier component a scan is for.
     */
    record UploadField(String key, String label, String component, boolean required) {

        /** The HTML id suffix (no dots). */
        public String htmlId() {
            return key.replace('.', '-');
        }
    }

    @GetMapping("/can-bo/ho-so/{code}")
    String page(Actor actor, @PathVariable String code, @RequestParam(required = false) String coquan,
                @RequestParam(required = false) String mo, Model model, Locale locale) {
        DossierRecord d = find(actor, code);
        return render(actor, d, mo, List.of(), emptyInput(), coquan, model, locale);
    }

    /** The options of the agency select, for the search box of CONSULT and FORWARD (htmx). */
    @GetMapping("/can-bo/co-quan")
    String agencyOptions(Actor actor, @RequestParam(required = false) String coquan,
                         @RequestParam(defaultValue = "false") boolean optional, Model model) {
        model.addAttribute("agencies", support.agencyChoices(actor, coquan));
        model.addAttribute("optional", optional);
        return "office/fragments :: agencyOptions(agencies=${agencies}, selected=null, optional=${optional})";
    }

    @PostMapping("/can-bo/ho-so/{code}/thao-tac")
    String act(Actor actor, @PathVariable String code, HttpServletRequest request, HttpServletResponse response,
               Model model, Locale locale, RedirectAttributes redirect) {
        String action = OfficePageSupport.param(request, "action");
        String formId = OfficePageSupport.param(request, "form");
        if (formId == null || !ORDER.contains(formId)) {
            formId = action == null ? "ACTION" : action;
        }
        Map<String, String> input = emptyInput();
        for (String f : FORM_FIELDS) {
            String v = request.getParameter(f);
            input.put(f, v == null ? "" : v);
        }
        List<FieldProblem> problems = new ArrayList<>();
        Integer version = integer(OfficePageSupport.param(request, "version"));
        OffsetDateTime newDueAt = dueMoment(input.get("newDueAt"), problems);
        Long amount = amount(input.get("amount"), problems);
        List<String> items = input.get("items").isBlank() ? null
                : Arrays.stream(input.get("items").split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        List<IntakeRequest.AttachmentRef> results = new ArrayList<>();
        List<UploadField> fields = action == null ? List.of() : uploads(action, find(actor, code), locale);
        if (!fields.isEmpty()) {
            List<UUID> ids = new ArrayList<>();
            for (UploadField f : fields) {
                UUID id = support.upload(actor, request, f.key(), "id." + f.key(), f.key(), problems);
                ids.add(id);
                if (id != null) {
                    results.add(new IntakeRequest.AttachmentRef(f.component(), id));
                }
            }
            // shown again if the form comes back: the files already sent need not be sent twice
            var own = support.ownFiles(actor, ids);
            for (int i = 0; i < fields.size(); i++) {
                var f = ids.get(i) == null ? null : own.get(ids.get(i));
                input.put("id." + fields.get(i).key(), f == null ? "" : f.id().toString());
                input.put("name." + fields.get(i).key(), f == null ? "" : f.name());
            }
        }
        ActionRequest body = new ActionRequest(action, version, blank(input.get("reason")), blank(input.get("note")),
                blank(input.get("assignee")), blank(input.get("agencyCode")), newDueAt, results, items, amount,
                "true".equals(request.getParameter("generateResult")));
        if (!problems.isEmpty()) {
            return render(actor, find(actor, code), formId, scoped(formId, problems, fields), input, null, model,
                    locale);
        }
        try {
            DossierRecord after = actions.act(actor, code, body, locale);
            return done(actor, after, action, redirect, locale);
        } catch (ProblemException e) {
            if (e.status().value() == 400) {
                return render(actor, find(actor, code), formId, scoped(formId, e.errors(), fields), input, null,
                        model, locale);
            }
            if (e.status().value() == 409) {
                DossierRecord fresh = find(actor, code);
                if ("error.stale.detail".equals(e.detailKey()) && repeated(actor, fresh, action)) {
                    return done(actor, fresh, action, redirect, locale); // a double click: the first one did it
                }
                response.setStatus(409);
                model.addAttribute("conflict", support.text(e, locale));
                return render(actor, fresh, null, List.of(), emptyInput(), null, model, locale);
            }
            throw e;
        }
    }

    @GetMapping("/can-bo/ho-so/{code}/tep/{fileId}")
    ResponseEntity<byte[]> file(Actor actor, @PathVariable String code, @PathVariable String fileId) {
        DossierRecord d = find(actor, code);
        UUID id = OfficePageSupport.uuid(fileId);
        var att = repository.attachments(d.id()).stream().filter(a -> a.fileId().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("error.file.notFound"));
        byte[] content = files.content(id).orElseThrow(() -> ProblemException.notFound("error.file.notFound"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(att.contentType()))
                .header("Content-Disposition", ContentDisposition.inline()
                        .filename(att.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("Cache-Control", "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    @GetMapping("/can-bo/ho-so/{code}/giay-tiep-nhan.pdf")
    ResponseEntity<byte[]> receipt(Actor actor, @PathVariable String code,
                                   @RequestParam(defaultValue = "A4") String size) {
        return DossierApi.pdf(documents.receipt(find(actor, code), DossierApi.paper(size)),
                "giay-tiep-nhan-" + code + ".pdf");
    }

    @GetMapping("/can-bo/ho-so/{code}/phieu/{kind}.pdf")
    ResponseEntity<byte[]> notice(Actor actor, @PathVariable String code, @PathVariable String kind,
                                  @RequestParam(defaultValue = "A4") String size) {
        return DossierApi.pdf(documents.notice(find(actor, code), kind, DossierApi.paper(size)),
                kind + "-" + code + ".pdf");
    }

    private String done(Actor actor, DossierRecord after, String action, RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("done", support.text("office.action.done", locale,
                support.text("dossier.action." + action, locale), after.code()));
        if (queries.forOfficer(actor, after.code()).isEmpty()) {
            return "redirect:/can-bo"; // e.g. the consultation is answered: no longer this agency's dossier
        }
        return "redirect:/can-bo/ho-so/" + after.code();
    }

    private static Map<String, String> emptyInput() {
        Map<String, String> m = new LinkedHashMap<>();
        FORM_FIELDS.forEach(f -> m.put(f, ""));
        return m;
    }

    /** The same officer took the same action on this dossier a moment ago (the first of a double submission). */
    private boolean repeated(Actor actor, DossierRecord d, String action) {
        List<HistoryEntry> history = repository.history(d.id());
        if (history.isEmpty() || action == null) {
            return false;
        }
        HistoryEntry last = history.getLast();
        return Objects.equals(last.actorId(), actor.accountId()) && action.equalsIgnoreCase(last.action())
                && last.at().isAfter(OffsetDateTime.now(clock).minusMinutes(2));
    }

    private String render(Actor actor, DossierRecord d, String openForm, List<FieldProblem> errors,
                          Map<String, String> input, String agencyQuery, Model model, Locale locale) {
        Map<String, Object> view = views.full(d, actor, true, locale);
        Optional<Procedure> procedure = catalog.filed(d.procedureCode(), d.procedureVersion());
        List<Map<String, Object>> history = views.history(d, locale);

        model.addAttribute("d", view);
        model.addAttribute("applicant", applicant(d.applicant()));
        // issue 14: the applicant's account was verified with VNeID before filing, at this level of assurance
        model.addAttribute("vneid", d.applicantAccountId() == null ? null
                : accounts.nationalIdentity(d.applicantAccountId())
                        .filter(n -> n.verifiedWhenFiled(d.submittedAt(), d.receivedAt()))
                        .orElse(null));
        // issue 14: the checks of the applicant against the national population database (what, when, who, the answer)
        model.addAttribute("registerChecks", registerChecks.stream().flatMap(c -> c.of(d.code()).stream()).toList());
        model.addAttribute("eform", procedure.map(p -> readonly(EForm.fields(p.formSchema(), d.form(), locale), locale))
                .orElse(List.of()));
        model.addAttribute("docs", docs(d, view, procedure));
        model.addAttribute("history", history);
        model.addAttribute("notices", notices(d, history));
        model.addAttribute("agencyNames", agencyNames(view));
        model.addAttribute("errors", errors);
        model.addAttribute("summary", support.summary(errors, locale));
        model.addAttribute("input", input);
        model.addAttribute("openForm", openForm);
        model.addAttribute("dueInput", d.dueAt() == null ? null
                : d.dueAt().atZoneSameInstant(zone).toLocalDateTime().withSecond(0).withNano(0).toString());
        model.addAttribute("agencyQuery", agencyQuery == null ? "" : agencyQuery);

        @SuppressWarnings("unchecked")
        List<String> allowed = (List<String>) view.get("allowedActions");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) view.get("steps");
        List<ActionForm> forms = forms(actor, d, allowed, steps, locale);
        model.addAttribute("forms", forms);
        model.addAttribute("strayErrors", !errors.isEmpty() && forms.stream().noneMatch(f -> f.id().equals(openForm)));
        if (forms.stream().anyMatch(ActionForm::assignee)) {
            Role role = d.currentStepRole() == null ? Role.SPECIALIST : Role.valueOf(d.currentStepRole());
            String agency = d.currentStepAgency() == null ? d.agencyCode() : d.currentStepAgency();
            model.addAttribute("officers", accounts.officers(agency, role));
        }
        if (forms.stream().anyMatch(ActionForm::agency)) {
            model.addAttribute("agencies", support.agencyChoices(actor, agencyQuery));
        }
        return "office/dossier";
    }

    /**
     * The forms of the actions the officer may take now (the rule book's answer, {@code allowedActions}), each with
     * exactly the inputs its line of the table needs.
     */
    private List<ActionForm> forms(Actor actor, DossierRecord d, List<String> allowed, List<Map<String, Object>> steps,
                                   Locale locale) {
        List<ActionForm> out = new ArrayList<>();
        var parties = Access.parties(actor, d);
        for (String a : allowed) {
            DossierAction action = DossierAction.valueOf(a);
            boolean reason = LifecycleTable.lines(action, d.status()).stream()
                    .filter(t -> t.by().stream().anyMatch(parties::contains)).findFirst()
                    .map(t -> t.needs().contains(Needs.REASON)).orElse(false);
            List<UploadField> none = List.of();
            switch (action) {
                case FORWARD -> {
                    String next = nextStep(d, steps);
                    if (d.status() == DossierStatus.RECEIVED || next != null) {
                        out.add(form("FORWARD", a, support.text("office.action.forwardTo", locale,
                                next == null ? "" : next), false, false, false, false, false, false, false, none,
                                false, false, d.status() == DossierStatus.PROCESSING));
                    }
                    if (d.status() == DossierStatus.PROCESSING) {
                        out.add(form("FORWARD_AGENCY", a, null, true, false, false, false, true, false, false, none,
                                false, false, true));
                    }
                }
                case ANSWER_CONSULTATION -> {
                    boolean asked = workflow.consultations(d.id()).stream().anyMatch(c -> c.answeredAt() == null
                            && c.toAgency().equals(actor.agencyCode()));
                    if (asked) {
                        out.add(form(a, a, null, true, reason, false, false, false, false, false, none, false, false,
                                false));
                    }
                }
                case APOLOGIZE -> out.add(form(a, a, null, true, true, false, false, false, true, false, none, false,
                        false, false));
                case ASSIGN -> out.add(form(a, a, null, true, false, false, true, false, false, false, none, false,
                        false, false));
                case CONSULT -> out.add(form(a, a, null, true, true, false, false, true, false, false, none, false,
                        false, false));
                case REQUEST_SUPPLEMENT -> out.add(form(a, a, null, true, true, true, false, false, false, false, none,
                        false, false, false));
                case REQUEST_PAYMENT -> out.add(form(a, a, null, true, false, false, false, false, false, true, none,
                        false, false, false));
                case COMPLETE -> out.add(form(a, a, null, false, false, false, false, false, false, false,
                        uploads(action, d, locale), true, false, true));
                case SUPPLY -> out.add(form(a, a, null, false, false, false, false, false, false, false,
                        uploads(action, d, locale), false, false, true));
                case WITHDRAW -> out.add(form(a, a, null, true, false, false, false, false, false, false,
                        uploads(action, d, locale), false, false, true));
                default -> out.add(form(a, a, null, reason || DANGER.contains(a), reason, false, false, false, false,
                        false, none, false, false, false));
            }
        }
        out.sort(java.util.Comparator.comparingInt(f -> ORDER.indexOf(f.id())));
        return out;
    }

    /**
     * The files an action takes: COMPLETE the result (and a second file); SUPPLY the scans of the papers the
     * applicant brought, one per dossier component; WITHDRAW the written request, scanned.
     */
    private List<UploadField> uploads(String action, DossierRecord d, Locale locale) {
        try {
            return uploads(DossierAction.valueOf(action), d, locale);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private List<UploadField> uploads(DossierAction action, DossierRecord d, Locale locale) {
        List<UploadField> out = new ArrayList<>();
        switch (action) {
            case COMPLETE -> {
                for (int i = 0; i < RESULT_FILES; i++) {
                    out.add(new UploadField("result." + i, support.text("office.complete.file", locale, i + 1), null,
                            i == 0));
                }
            }
            case SUPPLY -> catalog.filed(d.procedureCode(), d.procedureVersion()).ifPresent(p -> p.components().stream()
                    .filter(c -> !"PRESENT_ONLY".equals(c.requirement()))
                    .forEach(c -> out.add(new UploadField("scan." + c.code(), c.name(), c.code(), false))));
            case WITHDRAW -> out.add(new UploadField("request.0", support.text("office.withdraw.file", locale), null,
                    true));
            default -> { }
        }
        return out;
    }

    private static ActionForm form(String id, String action, String detail, boolean folded, boolean reason,
                                   boolean items, boolean assignee, boolean agency, boolean newDueAt, boolean amount,
                                   List<UploadField> uploads, boolean generate, boolean agencyOptional, boolean note) {
        return new ActionForm(id, action, detail, DANGER.contains(id), folded, reason, items, assignee, agency,
                agencyOptional, newDueAt, amount, uploads, generate, note);
    }

    /** The name of the step a FORWARD leads to. */
    private String nextStep(DossierRecord d, List<Map<String, Object>> steps) {
        if (d.status() == DossierStatus.RECEIVED) {
            var defs = workflow.processFor(d.procedureCode(), d.agencyCode()).steps();
            return defs.isEmpty() ? null : defs.getFirst().name();
        }
        if (d.currentStepSeq() == null || steps == null) {
            return null;
        }
        return steps.stream().filter(s -> ((Number) s.get("seq")).intValue() > d.currentStepSeq())
                .map(s -> (String) s.get("name")).findFirst().orElse(null);
    }

    /** Field problems named after the form's inputs ({@code FORWARD.reason}), so each shows next to its input. */
    private static List<FieldProblem> scoped(String formId, List<FieldProblem> problems, List<UploadField> uploads) {
        List<FieldProblem> out = new ArrayList<>();
        for (FieldProblem p : problems) {
            String f = p.field() == null ? "" : p.field();
            String input;
            if (FORM_FIELDS.contains(f)) {
                input = f;
            } else if (uploads.stream().anyMatch(u -> u.key().equals(f))) {
                input = f;
            } else if (f.startsWith("attachments[") && !uploads.isEmpty()) {
                input = uploads.get(Math.max(0, Math.min(uploads.size() - 1, index(f)))).key();
            } else if (f.equals("attachments") && !uploads.isEmpty()) {
                input = uploads.getFirst().key();
            } else {
                input = "submit";
            }
            out.add(new FieldProblem(formId + "." + input, p.messageKey(), p.args(), p.message()));
        }
        return out;
    }

    private static int index(String field) {
        try {
            return Integer.parseInt(field.substring(field.indexOf('[') + 1, field.indexOf(']')));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private List<Line> applicant(JsonNode a) {
        List<Line> out = new ArrayList<>();
        if (a == null) {
            return out;
        }
        boolean organization = "ORGANIZATION".equals(a.path("type").asString(""));
        if (organization) {
            add(out, "office.applicant.organizationName", a.path("organizationName"));
            add(out, "office.applicant.taxCode", a.path("taxCode"));
        }
        add(out, "office.applicant.fullName", a.path("fullName"));
        add(out, "office.applicant.idNumber", a.path("idNumber"));
        JsonNode birth = a.path("dateOfBirth");
        if (birth.isString() && !birth.asString().isBlank()) {
            String b = birth.asString();
            out.add(new Line("office.applicant.dateOfBirth", b.length() == 10
                    ? b.substring(8, 10) + "/" + b.substring(5, 7) + "/" + b.substring(0, 4) : b));
        }
        add(out, "office.applicant.phone", a.path("phone"));
        add(out, "office.applicant.email", a.path("email"));
        add(out, "office.applicant.address", a.path("address"));
        return out;
    }

    private static void add(List<Line> out, String key, JsonNode v) {
        if (v != null && !v.isMissingNode() && !v.isNull() && !v.asString("").isBlank()) {
            out.add(new Line(key, v.asString()));
        }
    }

    /** The eForm's filled-in values with the schema's titles; empty fields and groups are left out. */
    private List<ReadField> readonly(List<EFormField> fields, Locale locale) {
        List<ReadField> out = new ArrayList<>();
        for (EFormField f : fields) {
            switch (f.widget()) {
                case "group" -> {
                    List<ReadField> children = readonly(f.children(), locale);
                    if (!children.isEmpty()) {
                        out.add(new ReadField(f.label(), null, children));
                    }
                }
                case "list" -> {
                    List<ReadField> rows = new ArrayList<>();
                    for (EFormField row : f.children()) {
                        List<ReadField> r = readonly(row.children(), locale);
                        if (!r.isEmpty()) {
                            rows.add(new ReadField(row.label(), null, r));
                        }
                    }
                    if (!rows.isEmpty()) {
                        out.add(new ReadField(f.label(), null, rows));
                    }
                }
                default -> {
                    String v = f.value();
                    if (v == null || v.isBlank()) {
                        continue;
                    }
                    String text = v;
                    for (EFormField.Option o : f.options()) {
                        if (o.value().equals(v)) {
                            text = o.label();
                        }
                    }
                    if (f.widget().equals("checkbox")) {
                        text = support.text("true".equals(v) ? "common.yes" : "common.no", locale);
                    } else if (f.widget().equals("date") && v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                        text = v.substring(8, 10) + "/" + v.substring(5, 7) + "/" + v.substring(0, 4);
                    }
                    out.add(new ReadField(f.label(), text, List.of()));
                }
            }
        }
        return out;
    }

    private List<Doc> docs(DossierRecord d, Map<String, Object> view, Optional<Procedure> procedure) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> atts = (List<Map<String, Object>>) view.get("attachments");
        List<Doc> out = new ArrayList<>();
        for (Map<String, Object> a : atts) {
            String component = (String) a.get("componentCode");
            String componentName = component == null ? null : procedure.flatMap(p -> p.component(component))
                    .map(Component::name).orElse(component);
            out.add(new Doc((String) a.get("kind"), componentName, (String) a.get("name"),
                    "/can-bo/ho-so/" + d.code() + "/tep/" + a.get("fileId"), ((Number) a.get("size")).longValue(),
                    Boolean.TRUE.equals(a.get("digitised"))));
        }
        return out;
    }

    /** The paper forms of the dossier: the receipt once received, and each notice its history has. */
    private List<Notice> notices(DossierRecord d, List<Map<String, Object>> history) {
        Set<String> kinds = new LinkedHashSet<>();
        for (Map<String, Object> h : history) {
            String kind = NOTICE_OF.get((String) h.get("action"));
            if (kind != null) {
                kinds.add(kind);
            }
        }
        List<Notice> out = new ArrayList<>();
        for (String k : kinds) {
            out.add(new Notice(k, "/can-bo/ho-so/" + d.code() + "/phieu/" + k + ".pdf"));
        }
        return out;
    }

    private Map<String, String> agencyNames(Map<String, Object> view) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add((String) view.get("agencyCode"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) view.get("steps");
        if (steps != null) {
            steps.forEach(s -> codes.add((String) s.get("agencyCode")));
        }
        @SuppressWarnings("unchecked")
        List<Consultation> consultations = (List<Consultation>) view.get("consultations");
        if (consultations != null) {
            consultations.forEach(c -> {
                codes.add(c.fromAgency());
                codes.add(c.toAgency());
            });
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String c : codes) {
            if (c != null) {
                out.put(c, organization.agencyAsRecorded(c).map(Agency::name).orElse(c));
            }
        }
        return out;
    }

    /** {@code <input type=datetime-local>} in the province's time (the calendar's zone). */
    private OffsetDateTime dueMoment(String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim()).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.trim(), java.time.format.DateTimeFormatter.ofPattern("H:mm d/M/uuuu"))
                        .atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException e2) {
                problems.add(FieldProblem.of("newDueAt", "office.action.newDueAt.format"));
                return null;
            }
        }
    }

    private static Long amount(String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String digits = text.replaceAll("[\\s.,]", "").replace("đ", "");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of("amount", "error.param.invalid", text));
            return null;
        }
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private DossierRecord find(Actor actor, String code) {
        return queries.forOfficer(actor, code).orElseThrow(() -> ProblemException.notFound("dossier.notFound", code));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
