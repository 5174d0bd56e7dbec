package vn.motcua.dossier.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Component;
import vn.motcua.catalog.EForm;
import vn.motcua.catalog.Procedure;
import vn.motcua.documents.FileStore;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.internal.Transitions;
import vn.motcua.dossier.internal.DossierDocuments;
import vn.motcua.dossier.internal.DossierQueries;
import vn.motcua.dossier.internal.DossierRecord;
import vn.motcua.dossier.internal.DossierViews;
import vn.motcua.dossier.internal.DraftService;
import vn.motcua.dossier.internal.IntakeService;
import vn.motcua.identity.Accounts;
import vn.motcua.identity.CitizenProfile;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.platform.Actor;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;

/** The citizen's pages: apply online (with drafts), "Hồ sơ của tôi", one dossier, and public tracking. */
@Controller
class CitizenPages {

    private final Catalog catalog;
    private final Organization organization;
    private final Accounts accounts;
    private final IntakeService intake;
    private final Transitions actions;
    private final DossierQueries queries;
    private final DossierViews views;
    private final DossierDocuments documents;
    private final DraftService drafts;
    private final FileStore files;
    private final JsonMapper json;

    CitizenPages(Catalog catalog, Organization organization, Accounts accounts, IntakeService intake,
                 Transitions actions, DossierQueries queries, DossierViews views, DossierDocuments documents,
                 DraftService drafts, FileStore files, JsonMapper json) {
        this.catalog = catalog;
        this.organization = organization;
        this.accounts = accounts;
        this.intake = intake;
        this.actions = actions;
        this.queries = queries;
        this.views = views;
        this.documents = documents;
        this.drafts = drafts;
        this.files = files;
        this.json = json;
    }

    // ---------------------------------------------------------------- apply online

    @GetMapping("/nop-ho-so/{code}")
    String apply(Actor actor, @PathVariable String code, @RequestParam(required = false) Long draft, Model model,
                 Locale locale) {
        Procedure p = procedure(code);
        JsonNode applicant = null;
        JsonNode form = null;
        Map<String, Map<String, Object>> uploaded = new LinkedHashMap<>();
        String agency = null;
        if (draft != null) {
            var d = drafts.find(actor, draft).orElseThrow(() -> ProblemException.notFound("portal.draft.notFound"));
            applicant = d.applicant();
            form = d.form();
            agency = d.agencyCode();
            d.attachments().properties().forEach(e -> uploaded.put(e.getKey(),
                    json.convertValue(e.getValue(), Map.class)));
        }
        if (applicant == null || applicant.isEmpty()) {
            CitizenProfile profile = accounts.profile(actor.accountId())
                    .orElse(new CitizenProfile(actor.displayName(), null, null, null, null, null, null));
            applicant = json.valueToTree(new Applicant(Applicant.PERSON, profile.fullName(), profile.idNumber(),
                    profile.dateOfBirth(), profile.phone(), profile.email(), profile.address(), null, null));
            if (agency == null && profile.communeCode() != null) {
                // the one-stop of the profile's commune, or of the unit it was merged into (a profile saying Xã
                // Tiến Hưng: Phường Bình Phước's since 1 July 2025)
                List<Agency> oneStops = catalog.receivingAgencies(p).stream().filter(Agency::isOneStop).toList();
                agency = oneStops.stream().filter(a -> a.unitCode().equals(profile.communeCode()))
                        .map(Agency::code).findFirst()
                        .or(() -> oneStops.stream().filter(a -> organization.predecessors(a.unitCode())
                                .contains(profile.communeCode())).map(Agency::code).findFirst())
                        .orElse(null);
            }
        }
        fill(model, p, applicant, form, uploaded, agency, draft, UUID.randomUUID().toString(), List.of(), locale);
        model.addAttribute("step", EForm.inSteps(p.formSchema()) ? 1 : 0);
        // issue 14: a VNeID-verified citizen may pre-fill the profile (hence this form) from the population database
        model.addAttribute("vneidVerified", draft == null && accounts.nationalIdentity(actor.accountId()).isPresent());
        return "portal/apply";
    }

    /** The steps of a long form (GOV.UK "one thing per page"): where and who, the case questions, what applies. */
    static final int STEPS = 3;

    @PostMapping("/nop-ho-so/{code}")
    String submit(Actor actor, @PathVariable String code, HttpServletRequest request, Model model, Locale locale,
                  RedirectAttributes redirect) throws IOException {
        Procedure p = procedure(code);
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Map<String, Object>> uploaded = uploads(actor, p, request, problems);
        ObjectNode form = EForm.parse(p.formSchema(), request.getParameterMap(), json);
        Applicant applicant = applicant(request, problems);
        String agency = request.getParameter("agencyCode");
        Long draftId = parseLong(request.getParameter("draftId"));
        String key = request.getParameter("idempotencyKey");
        String intent = request.getParameter("intent");
        if ("next".equals(intent) || "back".equals(intent)) {
            // a step of a long form: every answer so far travels in the page (hidden inputs), nothing is stored
            int step = Math.clamp(parseLong(request.getParameter("step")) == null ? 1
                    : parseLong(request.getParameter("step")), 1, STEPS);
            List<FieldProblem> stepProblems = "next".equals(intent) ? stepProblems(p, step, agency, form, locale)
                    : List.of();
            int to = !stepProblems.isEmpty() ? step : "next".equals(intent) ? Math.min(step + 1, STEPS)
                    : Math.max(step - 1, 1);
            if (to == STEPS) {
                prefillPerson(form, applicant);
            }
            fill(model, p, json.valueToTree(applicant), form, uploaded, agency, draftId, key, stepProblems, locale);
            model.addAttribute("step", to);
            return "portal/apply";
        }
        if ("draft".equals(intent)) {
            long id = drafts.save(actor, draftId, p.code(), agency, json.valueToTree(applicant), form,
                    json.valueToTree(uploaded));
            redirect.addFlashAttribute("draftSaved", true);
            return "redirect:/nop-ho-so/" + p.code() + "?draft=" + id;
        }
        List<IntakeRequest.AttachmentRef> refs = new ArrayList<>();
        uploaded.forEach((component, f) -> refs.add(new IntakeRequest.AttachmentRef(component,
                UUID.fromString((String) f.get("fileId")))));
        try {
            if (!problems.isEmpty()) {
                throw ProblemException.invalid(problems);
            }
            var created = intake.submitOnline(actor, new IntakeRequest(p.code(), agency, applicant, form, refs, null),
                    key, locale);
            if (draftId != null) {
                drafts.delete(actor, draftId);
            }
            redirect.addFlashAttribute("submitted", true);
            return "redirect:/ho-so/" + created.dossier().code();
        } catch (ProblemException e) {
            List<FieldProblem> all = new ArrayList<>(problems);
            e.errors().stream().filter(x -> !problems.contains(x)).forEach(all::add);
            if (all.isEmpty()) {
                all.add(FieldProblem.of("procedureCode", e.detailKey(), e.args()));
            }
            model.addAttribute("status", e.status().value());
            fill(model, p, json.valueToTree(applicant), form, uploaded, agency, draftId, key, all, locale);
            // everything that applies on one page, so each problem is next to its field
            model.addAttribute("step", 0);
            return "portal/apply";
        }
    }

    /** What must be answered before the next step: the receiving office (step 1), the required case questions (2). */
    private List<FieldProblem> stepProblems(Procedure p, int step, String agency, JsonNode form, Locale locale) {
        List<FieldProblem> out = new ArrayList<>();
        if (step == 1 && (agency == null || agency.isBlank())) {
            out.add(FieldProblem.of("agencyCode", "portal.apply.agencyRequired"));
        }
        if (step == 2) {
            java.util.Set<String> required = new java.util.HashSet<>();
            p.formSchema().path("required").forEach(r -> required.add(r.asString()));
            for (var f : EForm.fields(p.formSchema(), form, locale)) {
                String key = f.name().substring("form.".length());
                if (EForm.switches(p.formSchema()).contains(key) && required.contains(key)
                        && (f.value() == null || f.value().isBlank())) {
                    out.add(FieldProblem.of(f.name(), "portal.apply.choose", f.label()));
                }
            }
        }
        return out;
    }

    /**
     * The person the form is about, when the applicant asks for themself: filled from what the applicant gave
     * (name, date of birth, identification number, address) where the form leaves it empty.
     */
    private void prefillPerson(ObjectNode form, Applicant applicant) {
        if (applicant == null || form.has("person")) {
            return;
        }
        String self = form.path("requesterRelationship").asString("SELF");
        if (!self.equals("SELF")) {
            return;
        }
        ObjectNode person = json.createObjectNode();
        JsonNode a = json.valueToTree(applicant);
        copy(a, "fullName", person, "fullName");
        copy(a, "dateOfBirth", person, "birthDate");
        copy(a, "idNumber", person, "idNumber");
        copy(a, "address", person, "residence");
        if (!person.isEmpty()) {
            form.set("person", person);
        }
    }

    private static void copy(JsonNode from, String key, ObjectNode to, String as) {
        JsonNode v = from.get(key);
        if (v != null && !v.isNull() && !v.asString("").isBlank()) {
            to.put(as, v.asString());
        }
    }

    private void fill(Model model, Procedure p, JsonNode applicant, JsonNode form,
                      Map<String, Map<String, Object>> uploaded, String agency, Long draftId, String key,
                      List<FieldProblem> errors, Locale locale) {
        model.addAttribute("p", p);
        model.addAttribute("applicant", applicant);
        boolean inSteps = EForm.inSteps(p.formSchema());
        java.util.Set<String> applies = inSteps ? EForm.applicable(p.formSchema(), form) : java.util.Set.of();
        // in a long form, a block of a case the answers chose is simply required: "(bắt buộc)" only where it is
        model.addAttribute("fields", EForm.fields(p.formSchema(), form, locale).stream()
                .map(f -> inSteps && f.conditional() && applies.contains(f.name().substring("form.".length()))
                        ? new vn.motcua.catalog.EFormField(f.name(), f.id(), f.label(), f.hint(), f.widget(), true,
                                false, f.options(), f.value(), f.maxLength(), f.pattern(), f.minimum(), f.maximum(),
                                f.children())
                        : f).toList());
        model.addAttribute("uploaded", uploaded);
        model.addAttribute("agency", agency);
        model.addAttribute("agencies", byDistrict(catalog.receivingAgencies(p)));
        model.addAttribute("draftId", draftId);
        model.addAttribute("idempotencyKey", key);
        model.addAttribute("errors", errors);
        // a long form in steps: its case questions, and the blocks that apply to the answers given
        boolean steps = EForm.inSteps(p.formSchema());
        model.addAttribute("steps", STEPS);
        model.addAttribute("step", 0);
        model.addAttribute("switches", steps ? java.util.Set.copyOf(EForm.switches(p.formSchema())) : java.util.Set.of());
        model.addAttribute("applicable", steps ? EForm.applicable(p.formSchema(), form) : null);
        model.addAttribute("components", p.components().stream()
                .filter(c -> !"PRESENT_ONLY".equals(c.requirement())).toList());
    }

    /** Files sent with the page (no JavaScript), or uploaded before (hidden fileId.&lt;component&gt; fields). */
    private Map<String, Map<String, Object>> uploads(Actor actor, Procedure p, HttpServletRequest request,
                                                     List<FieldProblem> problems) throws IOException {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Component c : p.components()) {
            String fileId = request.getParameter("fileId." + c.code());
            if (fileId != null && !fileId.isBlank()) {
                try {
                    files.find(UUID.fromString(fileId)).filter(f -> f.ownerId() != null && f.ownerId() == actor.accountId())
                            .ifPresent(f -> out.put(c.code(), Map.of("fileId", f.id().toString(), "name", f.name())));
                } catch (IllegalArgumentException ignored) {
                    // a tampered id is simply not used
                }
            }
            if (request instanceof MultipartHttpServletRequest multipart) {
                MultipartFile file = multipart.getFile("file." + c.code());
                if (file != null && !file.isEmpty()) {
                    try {
                        var stored = files.store(actor.accountId(), file.getOriginalFilename(), file.getBytes());
                        out.put(c.code(), Map.of("fileId", stored.id().toString(), "name", stored.name()));
                    } catch (ProblemException e) {
                        e.errors().forEach(x -> problems.add(new FieldProblem("file." + c.code(), x.messageKey(),
                                x.args(), x.message())));
                    }
                }
            }
        }
        return out;
    }

    private Applicant applicant(HttpServletRequest r, List<FieldProblem> problems) {
        LocalDate dob = null;
        String d = r.getParameter("applicant.dateOfBirth");
        if (d != null && !d.isBlank()) {
            try {
                dob = LocalDate.parse(d.trim());
            } catch (DateTimeParseException e) {
                problems.add(FieldProblem.of("applicant.dateOfBirth", "error.date.format"));
            }
        }
        return new Applicant(Applicant.PERSON, r.getParameter("applicant.fullName"), r.getParameter("applicant.idNumber"),
                dob, r.getParameter("applicant.phone"), r.getParameter("applicant.email"),
                r.getParameter("applicant.address"), null, null).withoutBlanks();
    }

    // ---------------------------------------------------------------- my dossiers

    @GetMapping("/ho-so")
    String mine(Actor actor, @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        var result = queries.mine(actor, Math.max(0, page), 20);
        model.addAttribute("dossiers", result.items().stream().map(d -> views.summary(d, locale)).toList());
        model.addAttribute("total", result.total());
        model.addAttribute("page", result.page());
        model.addAttribute("pages", Math.max(1, (result.total() + 19) / 20));
        List<Map<String, Object>> draftList = new ArrayList<>();
        for (var dr : drafts.mine(actor)) {
            draftList.add(Map.of("id", dr.id(), "procedureCode", dr.procedureCode(), "procedureName",
                    catalog.procedure(dr.procedureCode()).map(x -> x.name(locale)).orElse(dr.procedureCode()),
                    "updatedAt", views.local(dr.updatedAt())));
        }
        model.addAttribute("drafts", draftList);
        return "portal/mine";
    }

    @GetMapping("/ho-so/{code}")
    String one(Actor actor, @PathVariable String code, Model model, Locale locale) {
        DossierRecord d = own(actor, code);
        model.addAttribute("d", views.full(d, actor, false, locale));
        model.addAttribute("history", views.historyForApplicant(d, locale));
        model.addAttribute("components", catalog.filed(d.procedureCode(), d.procedureVersion()).map(Procedure::components).orElse(List.of()));
        model.addAttribute("fields", catalog.filed(d.procedureCode(), d.procedureVersion())
                .map(p -> EForm.fields(p.formSchema(), d.form(), locale)).orElse(List.of()));
        return "portal/dossier";
    }

    @PostMapping("/ho-so/{code}/bo-sung")
    String supply(Actor actor, @PathVariable String code, HttpServletRequest request, Model model, Locale locale,
                  RedirectAttributes redirect) throws IOException {
        DossierRecord d = own(actor, code);
        Procedure p = procedure(d.procedureCode());
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Map<String, Object>> uploaded = uploads(actor, p, request, problems);
        List<IntakeRequest.AttachmentRef> refs = new ArrayList<>();
        uploaded.forEach((component, f) -> refs.add(new IntakeRequest.AttachmentRef(component,
                UUID.fromString((String) f.get("fileId")))));
        try {
            if (!problems.isEmpty()) {
                throw ProblemException.invalid(problems);
            }
            actions.supply(actor, code, version(request.getParameter("version")), refs, null,
                    request.getParameter("note"), locale);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionErrors", e.errors().isEmpty()
                    ? List.of(FieldProblem.of("supplement", e.detailKey(), e.args())) : e.errors());
            return "redirect:/ho-so/" + code + "#bo-sung";
        }
        redirect.addFlashAttribute("supplied", true);
        return "redirect:/ho-so/" + code;
    }

    /**
     * Withdrawal is confirmed on a page of its own, with a reason (issue 18): never one tap on the dossier page, never
     * offered on the page that says the dossier was just submitted.
     */
    @GetMapping("/ho-so/{code}/rut")
    String withdrawConfirm(Actor actor, @PathVariable String code, Model model, Locale locale) {
        DossierRecord d = own(actor, code);
        model.addAttribute("d", views.full(d, actor, false, locale));
        model.addAttribute("reason", "");
        model.addAttribute("errors", List.of());
        return "portal/withdraw";
    }

    @PostMapping("/ho-so/{code}/rut")
    String withdraw(Actor actor, @PathVariable String code, @RequestParam(required = false) String reason,
                    @RequestParam(required = false) String version, Model model, Locale locale,
                    HttpServletResponse response, RedirectAttributes redirect) {
        if (reason == null || reason.isBlank()) {
            DossierRecord d = own(actor, code);
            model.addAttribute("d", views.full(d, actor, false, locale));
            model.addAttribute("reason", "");
            model.addAttribute("errors", List.of(FieldProblem.of("reason", "portal.withdraw.reasonRequired")));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "portal/withdraw";
        }
        try {
            actions.withdraw(actor, code, version(version), reason.trim());
            redirect.addFlashAttribute("withdrawn", true);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionErrors", List.of(FieldProblem.of("withdraw", e.detailKey(), e.args())));
        }
        return "redirect:/ho-so/" + code;
    }

    @PostMapping("/ho-so/{code}/danh-gia")
    String rate(Actor actor, @PathVariable String code, @RequestParam(required = false) String rating,
                @RequestParam(required = false) String comment, @RequestParam(required = false) String version,
                RedirectAttributes redirect) {
        try {
            actions.rate(actor, code, version(version), rating, comment);
            redirect.addFlashAttribute("rated", true);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionErrors", e.errors().isEmpty()
                    ? List.of(FieldProblem.of("rating", e.detailKey(), e.args())) : e.errors());
        }
        return "redirect:/ho-so/" + code + "#danh-gia";
    }

    @GetMapping("/ho-so/{code}/tep/{fileId}")
    ResponseEntity<byte[]> file(Actor actor, @PathVariable String code, @PathVariable UUID fileId, Locale locale) {
        DossierRecord d = own(actor, code);
        @SuppressWarnings("unchecked")
        var atts = (List<Map<String, Object>>) views.full(d, actor, false, locale).get("attachments");
        return DossierApi.inline(atts, fileId, files);
    }

    @GetMapping("/ho-so/{code}/giay-tiep-nhan.pdf")
    ResponseEntity<byte[]> receipt(Actor actor, @PathVariable String code, @RequestParam(defaultValue = "A4") String size) {
        return DossierApi.pdf(documents.receipt(own(actor, code), DossierApi.paper(size)), "giay-tiep-nhan-" + code + ".pdf");
    }

    @GetMapping("/ho-so/{code}/phieu/{kind}.pdf")
    ResponseEntity<byte[]> notice(Actor actor, @PathVariable String code, @PathVariable String kind,
                                  @RequestParam(defaultValue = "A4") String size) {
        return DossierApi.pdf(documents.notice(own(actor, code), kind, DossierApi.paper(size)), kind + "-" + code + ".pdf");
    }

    // ---------------------------------------------------------------- public tracking

    @GetMapping("/tra-cuu")
    String track(@RequestParam(required = false) String ma, @RequestParam(required = false) String phone,
                 @RequestParam(required = false) String idNumber, Model model, Locale locale,
                 jakarta.servlet.http.HttpServletRequest request) {
        model.addAttribute("ma", ma == null ? "" : ma.trim());
        model.addAttribute("phone", phone == null ? "" : phone);
        model.addAttribute("idNumber", idNumber == null ? "" : idNumber);
        boolean asked = ma != null && !ma.isBlank() && ((phone != null && !phone.isBlank())
                || (idNumber != null && !idNumber.isBlank()));
        if (asked) {
            queries.forTracking(ma, phone, idNumber, request.getRemoteAddr()).ifPresentOrElse(
                    d -> model.addAttribute("t", views.tracking(d, locale)),
                    () -> model.addAttribute("notFound", true));
        }
        return "portal/track";
    }

    // ---------------------------------------------------------------- helpers

    private DossierRecord own(Actor actor, String code) {
        return queries.forApplicant(actor, code).orElseThrow(() -> ProblemException.notFound("dossier.notFound", code));
    }

    private Procedure procedure(String code) {
        return catalog.procedure(code).orElseThrow(() -> ProblemException.notFound("error.catalog.procedure.notFound", code));
    }

    private Map<String, List<Agency>> byDistrict(List<Agency> agencies) {
        Map<String, List<Agency>> out = new LinkedHashMap<>();
        for (Agency a : agencies) {
            out.computeIfAbsent(organization.listedUnder(a), k -> new ArrayList<>()).add(a);
        }
        return out;
    }

    /** The dossier version the page showed (its forms carry it): a change in between is a 409, shown on the page. */
    private static Integer version(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long parseLong(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
