package vn.motcua.catalog.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.catalog.Component;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.internal.ProcedureAdmin;
import vn.motcua.catalog.internal.ProcedureAdmin.ComponentInput;
import vn.motcua.catalog.internal.ProcedureAdmin.ProcedureInput;
import vn.motcua.catalog.internal.ProcedureAdmin.ProcedureView;
import vn.motcua.catalog.internal.ProcedureImport;
import vn.motcua.platform.Actor;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.audit.AdminAudit;
import vn.motcua.platform.text.TextNormalizer;

/** The pages of procedure administration under {@code /quan-tri/thu-tuc}. Server-rendered, no JavaScript needed. */
@Controller
class ProcedureAdminPages {

    private final ProcedureAdmin admin;
    private final ProcedureImport imports;
    private final AdminAudit audit;

    ProcedureAdminPages(ProcedureAdmin admin, ProcedureImport imports, AdminAudit audit) {
        this.admin = admin;
        this.imports = imports;
        this.audit = audit;
    }

    /**
     * The form as posted: lists are text areas, one item a line; fees "name | amount | condition". The original text
     * of fees and components is sent back so that rows an administrator did not touch keep their structure.
     */
    record ProcedureForm(String code, String name, String nameEn, String fieldName, List<String> levels,
                         String implementingAgency, String agencies, BigDecimal timeAmount, String timeUnit,
                         String timeText, String fees, String feesOriginal, String components,
                         String componentsOriginal, String result, String legalBasis, String onlineLevel,
                         String notes, Boolean published,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom, Integer version) {

        static ProcedureForm empty() {
            return new ProcedureForm("", "", "", "", List.of("COMMUNE"), "", "", null, "WORKING_DAYS", "", "", "", "",
                    "", "", "", "", "", false, null, null);
        }

        static ProcedureForm of(ProcedureView v) {
            String fees = String.join("\n", v.fees().stream().map(ProcedureForm::feeLine).toList());
            String components = String.join("\n", v.components().stream().map(ProcedureForm::componentLine).toList());
            return new ProcedureForm(v.code(), v.name(), v.nameEn(), v.fieldName(), v.levels(), v.implementingAgency(),
                    v.agencies() == null ? "" : String.join("\n", v.agencies()), v.timeAmount(), v.timeUnit(),
                    v.timeText(), fees, fees, components, components, v.result(), String.join("\n", v.legalBasis()),
                    v.onlineLevel(), v.notes(), v.published(), null,
                    v.scheduledVersion() != null ? v.scheduledVersion() : v.version());
        }

        static String feeLine(Fee f) {
            return f.name() + " | " + (f.amount() == null ? "" : f.amount()) + " | "
                    + (f.condition() == null ? "" : f.condition());
        }

        static String componentLine(Component c) {
            return c.name() + (c.copies() > 0 && c.originals() == 0 ? " (bản sao)" : "")
                    + (c.required() ? "" : " (không bắt buộc)");
        }

        ProcedureInput input(List<FieldProblem> errors) {
            List<Fee> feeRows = null;
            if (fees != null && !fees.strip().equals(feesOriginal == null ? "" : feesOriginal.strip())) {
                feeRows = new ArrayList<>();
                for (String line : lines(fees)) {
                    String[] parts = line.split("\\|", -1);
                    String amount = parts.length > 1 ? parts[1].trim().replaceAll("[.,\\s]|đồng|đ", "") : "";
                    if (parts[0].isBlank() || !amount.matches("\\d{0,12}")) {
                        errors.add(FieldProblem.of("fees", "error.procedure.feeLine", line));
                        continue;
                    }
                    String n = parts[0].trim();
                    feeRows.add(new Fee(n, amount.isEmpty() ? null : Long.parseLong(amount),
                            parts.length > 2 ? String.join("|", Arrays.copyOfRange(parts, 2, parts.length)).trim() : null,
                            "VND/lần", TextNormalizer.fold(n).startsWith("phi") ? "phi" : "le_phi"));
                }
            }
            List<ComponentInput> comps = null;
            if (components != null
                    && !components.strip().equals(componentsOriginal == null ? "" : componentsOriginal.strip())) {
                comps = new ArrayList<>();
                for (String line : lines(components)) {
                    String folded = TextNormalizer.fold(line);
                    boolean copy = folded.contains("ban sao");
                    boolean optional = folded.contains("khong bat buoc");
                    String n = line.replace("(bản sao)", "").replace("(không bắt buộc)", "").trim();
                    comps.add(new ComponentInput(null, n, copy ? 0 : 1, copy ? 1 : 0, !optional,
                            optional ? "CONDITIONAL" : "REQUIRED", null));
                }
            }
            List<String> agencyCodes = lines(agencies);
            return new ProcedureInput(code, null, name, nameEn, null, fieldName, levels, null,
                    agencyCodes.isEmpty() ? null : agencyCodes, implementingAgency,
                    blank(timeUnit) ? null : timeAmount, blank(timeUnit) ? null : timeUnit, timeText, feeRows, comps,
                    result, lines(legalBasis), blank(onlineLevel) ? null : onlineLevel, notes, null,
                    published != null && published, validFrom, version);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        private static List<String> lines(String text) {
            if (text == null || text.isBlank()) {
                return List.of();
            }
            return Arrays.stream(text.split("[\\r\\n]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }

    @GetMapping("/quan-tri/thu-tuc")
    String list(Actor actor, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("procedures", admin.list(actor, q, null));
        model.addAttribute("q", q);
        return "admin/procedures";
    }

    @GetMapping("/quan-tri/thu-tuc/moi")
    String newProcedure(Actor actor, Model model) {
        ProcedureAdmin.requireProvinceAdmin(actor);
        return form(ProcedureForm.empty(), true, List.of(), model);
    }

    @PostMapping("/quan-tri/thu-tuc/moi")
    String create(Actor actor, ProcedureForm form, Model model, RedirectAttributes redirect) {
        List<FieldProblem> errors = new ArrayList<>();
        try {
            ProcedureInput in = form.input(errors);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            ProcedureView v = admin.create(actor, in);
            redirect.addFlashAttribute("saved", List.of(v.code(), v.version()));
            return "redirect:/quan-tri/thu-tuc/" + v.code();
        } catch (ProblemException e) {
            return form(form, true, merge(errors, e), model);
        }
    }

    @GetMapping("/quan-tri/thu-tuc/{code}")
    String edit(Actor actor, @PathVariable String code, Model model) {
        ProcedureView v = admin.get(actor, code);
        detail(actor, v, model);
        return form(ProcedureForm.of(v), false, List.of(), model);
    }

    @PostMapping("/quan-tri/thu-tuc/{code}")
    String update(Actor actor, @PathVariable String code, ProcedureForm form, Model model,
                  RedirectAttributes redirect) {
        List<FieldProblem> errors = new ArrayList<>();
        try {
            ProcedureInput in = form.input(errors);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            ProcedureView v = admin.update(actor, code, in);
            redirect.addFlashAttribute("saved", List.of(v.code(),
                    v.scheduledVersion() != null ? v.scheduledVersion() : v.version()));
            return "redirect:/quan-tri/thu-tuc/" + v.code();
        } catch (ProblemException e) {
            detail(actor, admin.get(actor, code), model);
            return form(form, false, merge(errors, e), model);
        }
    }

    @PostMapping("/quan-tri/thu-tuc/{code}/cong-khai")
    String publish(Actor actor, @PathVariable String code, @RequestParam(required = false) Boolean published,
                   @RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect) {
        try {
            admin.publish(actor, code, published, version);
            return "redirect:/quan-tri/thu-tuc/" + code;
        } catch (ProblemException e) {
            ProcedureView v = admin.get(actor, code);
            detail(actor, v, model);
            return form(ProcedureForm.of(v), false, e.problems(), model);
        }
    }

    @GetMapping("/quan-tri/thu-tuc/nhap")
    String importPage(Actor actor) {
        ProcedureAdmin.requireProvinceAdmin(actor);
        return "admin/procedures-import";
    }

    @PostMapping("/quan-tri/thu-tuc/nhap")
    String importPreview(Actor actor, @RequestParam("file") MultipartFile file, Model model) throws IOException {
        return runImport(actor, file.getOriginalFilename(), file.getBytes(), false, model);
    }

    /** Applies the file seen in the preview (sent back in the page, base64). */
    @PostMapping("/quan-tri/thu-tuc/nhap/ap-dung")
    String importApply(Actor actor, @RequestParam String fileName, @RequestParam String content, Model model) {
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(content);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        return runImport(actor, fileName, bytes, true, model);
    }

    private String runImport(Actor actor, String fileName, byte[] bytes, boolean apply, Model model) {
        try {
            model.addAttribute("result", imports.importFile(actor, fileName, bytes, apply));
            model.addAttribute("fileName", fileName);
            model.addAttribute("content", java.util.Base64.getEncoder().encodeToString(bytes));
        } catch (ProblemException e) {
            model.addAttribute("errors", e.problems());
        }
        return "admin/procedures-import";
    }

    private void detail(Actor actor, ProcedureView v, Model model) {
        model.addAttribute("procedure", v);
        model.addAttribute("versions", admin.versions(actor, v.code()));
        model.addAttribute("history", audit.list(new AdminAudit.Query(AdminAudit.Subject.PROCEDURE, v.code(), null, 50)));
    }

    private static List<FieldProblem> merge(List<FieldProblem> formErrors, ProblemException e) {
        if (!formErrors.isEmpty() && e.errors().equals(formErrors)) {
            return formErrors;
        }
        List<FieldProblem> all = new ArrayList<>(formErrors);
        all.addAll(e.problems());
        return all;
    }

    private static String form(ProcedureForm form, boolean creating, List<FieldProblem> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("creating", creating);
        model.addAttribute("errors", errors);
        model.addAttribute("levels", List.of("PROVINCE", "DISTRICT", "COMMUNE"));
        model.addAttribute("units", List.of("WORKING_DAYS", "WORKING_HOURS", "DAYS", "SAME_DAY"));
        model.addAttribute("onlineLevels", List.of("FULL", "PARTIAL"));
        return "admin/procedure";
    }
}
