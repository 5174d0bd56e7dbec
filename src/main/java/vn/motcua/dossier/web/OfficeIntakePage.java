package vn.motcua.dossier.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Component;
import vn.motcua.catalog.EForm;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureQuery;
import vn.motcua.documents.StoredFile;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DeskVisitRequest;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.internal.DeskLog;
import vn.motcua.dossier.internal.DossierDocuments;
import vn.motcua.dossier.internal.IntakeService;
import vn.motcua.platform.Actor;
import vn.motcua.platform.Channel;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.PageResult;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;

/**
 * Counter and postal intake {@code /can-bo/tiep-nhan} (Decree 61/2018 Art. 15): the reception officer picks a
 * procedure their agency receives, fills in the applicant, the eForm and one scan per dossier component, and the
 * dossier is RECEIVED at once. Uploads go through the progress bar ({@code /tai-len}) or, without JavaScript,
 * with the form itself. An idempotency key generated with the form makes a double submission harmless. A walk-in
 * whose papers are incomplete is given form 02 or form 03 from the same page, recorded in the desk log without a
 * dossier (no dossier number used); when the intake failed for missing papers, the slip is prefilled with them.
 */
@Controller
@RequestMapping("/can-bo/tiep-nhan")
class OfficeIntakePage {

    private static final int PAGE_SIZE = 20;
    private static final long REMEMBER_MILLIS = TimeUnit.MINUTES.toMillis(30);
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu");
    static final List<String> APPLICANT_FIELDS = List.of("type", "fullName", "idNumber", "dateOfBirth", "phone",
            "email", "address", "organizationName", "taxCode");

    private final IntakeService intake;
    private final DeskLog desk;
    private final DossierDocuments documents;
    private final Catalog catalog;
    private final OfficePageSupport support;
    private final JsonMapper json;
    /** Intakes in progress or done on this node, by account and idempotency key: a double click waits for the first. */
    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();

    OfficeIntakePage(IntakeService intake, DeskLog desk, DossierDocuments documents, Catalog catalog,
                     OfficePageSupport support, JsonMapper json) {
        this.intake = intake;
        this.desk = desk;
        this.documents = documents;
        this.catalog = catalog;
        this.support = support;
        this.json = json;
    }

    /** An intake under way or done: its dossier code once known, and what the form said (without the files). */
    private record Attempt(CompletableFuture<String> code, long startedAt, String fingerprint) {
    }

    /** A dossier component with its upload as the form shows it. */
    record Upload(Component component, String fileId, String fileName, Long size) {
    }

    @GetMapping
    String start(Actor actor, @RequestParam(name = "thu-tuc", required = false) String code,
                 @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                 Model model, Locale locale) {
        requireReception(actor);
        if (code == null || code.isBlank()) {
            String text = q == null || q.isBlank() ? null : q.length() > 200 ? q.substring(0, 200) : q.trim();
            int p = Math.max(0, Math.min(page, 1000));
            PageResult<Procedure> result = catalog.search(new ProcedureQuery(text, null, null, actor.agencyCode(),
                    null, p, PAGE_SIZE));
            model.addAttribute("q", text);
            model.addAttribute("result", result);
            model.addAttribute("pages", Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
            return "office/intake-choose";
        }
        Procedure procedure = receivable(actor, code);
        Map<String, String> applicant = new LinkedHashMap<>();
        applicant.put("type", Applicant.PERSON);
        return form(procedure, null, applicant, Channel.COUNTER.name(), UUID.randomUUID().toString(), Map.of(),
                List.of(), model, locale);
    }

    @PostMapping
    String receive(Actor actor, HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        requireReception(actor);
        Procedure procedure = receivable(actor, OfficePageSupport.param(request, "procedureCode"));
        String key = OfficePageSupport.param(request, "idempotencyKey");
        if (key != null && key.length() > 200) {
            key = null;
        }
        String attemptKey = key == null ? null : actor.accountId() + ":" + key;
        forgetOld();
        String fingerprint = fingerprint(request);
        for (int i = 0; attemptKey != null && i < 3; i++) {
            Attempt mine = new Attempt(new CompletableFuture<>(), System.currentTimeMillis(), fingerprint);
            Attempt earlier = attempts.putIfAbsent(attemptKey, mine);
            if (earlier == null) {
                return receive(actor, procedure, key, request, model, locale, redirect, mine, attemptKey);
            }
            String code = await(earlier);
            if (code != null) {
                if (earlier.fingerprint().equals(fingerprint)) {
                    return received(code, redirect, locale); // sent twice: the dossier the first one created
                }
                break; // the same form changed after it was received: the service refuses the reused key
            }
            attempts.remove(attemptKey, earlier);
        }
        return receive(actor, procedure, key, request, model, locale, redirect, null, null);
    }

    private String receive(Actor actor, Procedure procedure, String key, HttpServletRequest request, Model model,
                           Locale locale, RedirectAttributes redirect, Attempt attempt, String attemptKey) {
        String code = null;
        try {
            List<FieldProblem> problems = new ArrayList<>();
            Map<String, String> applicantInput = new LinkedHashMap<>();
            for (String f : APPLICANT_FIELDS) {
                String v = request.getParameter("applicant." + f);
                applicantInput.put(f, v == null ? "" : v.trim());
            }
            LocalDate birth = birthDate(applicantInput.get("dateOfBirth"), problems);
            Applicant applicant = new Applicant(blank(applicantInput.get("type")), blank(applicantInput.get("fullName")),
                    blank(applicantInput.get("idNumber")), birth, blank(applicantInput.get("phone")),
                    blank(applicantInput.get("email")), blank(applicantInput.get("address")),
                    blank(applicantInput.get("organizationName")), blank(applicantInput.get("taxCode")));
            JsonNode form = EForm.parse(procedure.formSchema(), request.getParameterMap(), json);
            List<IntakeRequest.AttachmentRef> refs = new ArrayList<>();
            Map<String, UUID> byComponent = new LinkedHashMap<>();
            for (Component c : procedure.components()) {
                UUID id = support.upload(actor, request, "file." + c.code(), "fileId." + c.code(), "file." + c.code(),
                        problems);
                if (id != null) {
                    refs.add(new IntakeRequest.AttachmentRef(c.code(), id));
                    byComponent.put(c.code(), id);
                }
            }
            String channel = OfficePageSupport.param(request, "channel");
            IntakeRequest body = new IntakeRequest(procedure.code(), actor.agencyCode(), applicant, form, refs,
                    channel == null ? Channel.COUNTER.name() : channel);
            try {
                if (!problems.isEmpty()) {
                    problems.addAll(intake.counterIntakeProblems(actor, body, locale));
                    throw ProblemException.invalid(problems);
                }
                code = intake.receiveAtCounter(actor, body, key, locale).dossier().code();
                return received(code, redirect, locale);
            } catch (ProblemException e) {
                if (e.status().value() == 400) {
                    Map<String, String> slip = deskPrefill(procedure, applicantInput, e.errors());
                    model.addAttribute("desk", slip);
                    model.addAttribute("deskErrors", List.of());
                    model.addAttribute("deskSummary", List.of());
                    model.addAttribute("deskOpen", !slip.get("items").isEmpty());
                    return form(procedure, form, applicantInput, channel, key, ownUploads(actor, byComponent),
                            pageProblems(e.errors(), refs), model, locale);
                }
                if (e.status().value() == 409) {
                    boolean duplicate = "dossier.intake.idempotencyMismatch".equals(e.detailKey());
                    model.addAttribute("conflict", duplicate ? support.text("office.intake.duplicate", locale)
                            : support.text(e, locale));
                    // a new key: sending this form again deliberately receives a new dossier
                    return form(procedure, form, applicantInput, channel, duplicate ? null : key,
                            ownUploads(actor, byComponent), List.of(), model, locale);
                }
                throw e;
            }
        } finally {
            if (attempt != null) {
                attempt.code().complete(code);
                if (code == null) {
                    attempts.remove(attemptKey, attempt);
                }
            }
        }
    }

    private String received(String code, RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("received", code);
        return "redirect:/can-bo/ho-so/" + code;
    }

    private String form(Procedure procedure, JsonNode values, Map<String, String> applicant, String channel, String key,
                        Map<String, StoredFile> uploaded, List<FieldProblem> errors, Model model, Locale locale) {
        List<Upload> uploads = new ArrayList<>();
        for (Component c : procedure.components()) {
            if ("PRESENT_ONLY".equals(c.requirement())) {
                continue; // shown at the counter, not scanned
            }
            StoredFile f = uploaded.get(c.code());
            uploads.add(new Upload(c, f == null ? null : f.id().toString(), f == null ? null : f.name(),
                    f == null ? null : f.size()));
        }
        model.addAttribute("procedure", procedure);
        model.addAttribute("fields", EForm.fields(procedure.formSchema(), values, locale));
        model.addAttribute("applicant", applicant);
        model.addAttribute("channel", Channel.POSTAL.name().equals(channel) ? Channel.POSTAL.name() : Channel.COUNTER.name());
        model.addAttribute("idempotencyKey", key == null ? UUID.randomUUID().toString() : key);
        model.addAttribute("uploads", uploads);
        model.addAttribute("errors", errors);
        model.addAttribute("summary", support.summary(errors, locale));
        if (!model.containsAttribute("desk")) {
            model.addAttribute("desk", emptyDesk());
        }
        if (!model.containsAttribute("deskErrors")) {
            model.addAttribute("deskErrors", List.of());
            model.addAttribute("deskSummary", List.of());
            model.addAttribute("deskOpen", false);
        }
        return "office/intake";
    }

    // ---------------------------------------------------------------- the desk log: form 02 / form 03

    /** Form 02 or form 03 for a walk-in, recorded in the desk log; then the page to print it. */
    @PostMapping("/phieu")
    String deskVisit(Actor actor, HttpServletRequest request, Model model, Locale locale) {
        requireReception(actor);
        Procedure procedure = receivable(actor, OfficePageSupport.param(request, "procedureCode"));
        Map<String, String> input = emptyDesk();
        input.replaceAll((k, v) -> {
            String value = request.getParameter(k);
            return value == null ? "" : value;
        });
        List<String> items = input.get("items").isBlank() ? List.of()
                : java.util.Arrays.stream(input.get("items").split("\\R")).map(String::trim).filter(x -> !x.isEmpty())
                .toList();
        try {
            DeskLog.Visit v = desk.record(actor, new DeskVisitRequest(OfficePageSupport.param(request, "form"),
                    procedure.code(), blank(input.get("applicantName")), blank(input.get("applicantIdNumber")),
                    blank(input.get("applicantPhone")), blank(input.get("reason")), items));
            return "redirect:/can-bo/tiep-nhan/phieu/" + v.id();
        } catch (ProblemException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            List<FieldProblem> scoped = e.errors().stream().map(x -> new FieldProblem("desk." + x.field(),
                    x.messageKey(), x.args(), x.message())).toList();
            model.addAttribute("desk", input);
            model.addAttribute("deskErrors", scoped);
            model.addAttribute("deskSummary", support.summary(scoped, locale));
            model.addAttribute("deskOpen", true);
            Map<String, String> applicant = new LinkedHashMap<>();
            applicant.put("type", Applicant.PERSON);
            return form(procedure, null, applicant, Channel.COUNTER.name(), UUID.randomUUID().toString(), Map.of(),
                    List.of(), model, locale);
        }
    }

    @GetMapping("/phieu/{id}")
    String deskVisitPage(Actor actor, @org.springframework.web.bind.annotation.PathVariable long id, Model model) {
        requireReception(actor);
        model.addAttribute("v", desk.find(actor, id)
                .orElseThrow(() -> ProblemException.notFound("dossier.desk.notFound", id)));
        return "office/desk-visit";
    }

    @GetMapping("/phieu/{id}.pdf")
    org.springframework.http.ResponseEntity<byte[]> deskVisitPdf(Actor actor,
                                                                 @org.springframework.web.bind.annotation.PathVariable long id,
                                                                 @RequestParam(defaultValue = "A4") String size) {
        requireReception(actor);
        DeskLog.Visit v = desk.find(actor, id).orElseThrow(() -> ProblemException.notFound("dossier.desk.notFound", id));
        return DossierApi.pdf(documents.deskNotice(v, DossierApi.paper(size)), DeskVisitApi.file(v));
    }

    private static Map<String, String> emptyDesk() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : List.of("applicantName", "applicantPhone", "applicantIdNumber", "items", "reason")) {
            m.put(f, "");
        }
        return m;
    }

    /** The slip prefilled from a refused intake: the applicant, and the papers that were missing. */
    private static Map<String, String> deskPrefill(Procedure procedure, Map<String, String> applicant,
                                                   List<FieldProblem> problems) {
        Map<String, String> m = emptyDesk();
        m.put("applicantName", applicant.getOrDefault("fullName", ""));
        m.put("applicantPhone", applicant.getOrDefault("phone", ""));
        m.put("applicantIdNumber", applicant.getOrDefault("idNumber", ""));
        List<String> missing = new ArrayList<>();
        for (FieldProblem p : problems) {
            if ("dossier.intake.componentMissing".equals(p.messageKey()) && p.args().length > 1) {
                missing.add(String.valueOf(p.args()[1]));
            }
        }
        m.put("items", String.join("\n", missing));
        return m;
    }

    private Map<String, StoredFile> ownUploads(Actor actor, Map<String, UUID> byComponent) {
        Map<UUID, StoredFile> own = support.ownFiles(actor, new ArrayList<>(byComponent.values()));
        Map<String, StoredFile> out = new LinkedHashMap<>();
        byComponent.forEach((c, id) -> {
            if (own.containsKey(id)) {
                out.put(c, own.get(id));
            }
        });
        return out;
    }

    /** The service's problems named as the page's inputs: attachments become the component's upload field. */
    static List<FieldProblem> pageProblems(List<FieldProblem> problems, List<IntakeRequest.AttachmentRef> refs) {
        List<FieldProblem> out = new ArrayList<>();
        for (FieldProblem p : problems) {
            String field = p.field() == null ? "" : p.field();
            if (field.equals("attachments") && "dossier.intake.componentMissing".equals(p.messageKey())
                    && p.args().length > 0) {
                field = "file." + p.args()[0];
            } else if (field.startsWith("attachments[")) {
                int close = field.indexOf(']');
                try {
                    int i = Integer.parseInt(field.substring("attachments[".length(), close));
                    field = i < refs.size() ? "file." + refs.get(i).componentCode() : "attachments";
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    field = "attachments";
                }
            } else {
                field = OfficePageSupport.inputName(field);
            }
            out.add(new FieldProblem(field, p.messageKey(), p.args(), p.message()));
        }
        return out;
    }

    /** {@code <input type=date>} sends YYYY-MM-DD; a browser without it may send what the officer typed. */
    private static LocalDate birthDate(String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text.trim(), DMY);
            } catch (DateTimeParseException e2) {
                problems.add(FieldProblem.of("applicant.dateOfBirth", "error.date.format"));
                return null;
            }
        }
    }

    private Procedure receivable(Actor actor, String code) {
        Procedure p = code == null ? null : catalog.procedure(code).orElse(null);
        if (p == null) {
            throw ProblemException.notFound("error.catalog.procedure.notFound", code == null ? "" : code);
        }
        return p;
    }

    private static void requireReception(Actor actor) {
        if (!actor.has(Role.RECEPTION)) {
            throw ProblemException.forbidden("dossier.intake.receptionOnly");
        }
    }

    /** What the form said, files aside (they are new uploads each time the page sends them). */
    private static String fingerprint(HttpServletRequest request) {
        StringBuilder b = new StringBuilder();
        new java.util.TreeMap<>(request.getParameterMap()).forEach((k, v) -> {
            if (!k.equals("_csrf")) {
                b.append(k).append('=').append(String.join("\u0001", v)).append('\u0002');
            }
        });
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String await(Attempt earlier) {
        try {
            return earlier.code().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private void forgetOld() {
        long limit = System.currentTimeMillis() - REMEMBER_MILLIS;
        attempts.entrySet().removeIf(e -> e.getValue().startedAt() < limit && e.getValue().code().isDone());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
