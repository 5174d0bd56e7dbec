package vn.motcua.organization.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.organization.internal.AgencyAdmin;
import vn.motcua.organization.internal.AgencyAdmin.AgencyInput;
import vn.motcua.organization.internal.AgencyAdmin.AgencyView;
import vn.motcua.platform.Actor;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.audit.AdminAudit;

/** The pages of agency administration under {@code /quan-tri/co-quan}. Server-rendered, no JavaScript needed. */
@Controller
class AgencyAdminPages {

    private final AgencyAdmin admin;
    private final AdminAudit audit;

    AgencyAdminPages(AgencyAdmin admin, AdminAudit audit) {
        this.admin = admin;
        this.audit = audit;
    }

    /** The form as posted: lists are text areas, one item a line. */
    record AgencyForm(String code, String name, String nameEn, String electronicId, String unitCode, String kind,
                      String parentCode, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo, String successorCode,
                      String address, String phone, String email, String officeHours, String procedures,
                      Integer version) {

        static AgencyForm empty() {
            return new AgencyForm("", "", "", "", "", "one_stop_commune", "", null, null, "", "", "", "", "", "",
                    null);
        }

        static AgencyForm of(AgencyView v) {
            return new AgencyForm(v.code(), v.name(), v.nameEn(), v.electronicId(), v.unitCode(), v.kind(),
                    v.parentCode(), v.validFrom(), v.validTo(), v.successorCode(), v.address(), v.phone(), v.email(),
                    v.officeHours() == null ? "" : String.join("\n", v.officeHours()),
                    v.procedures() == null ? "" : String.join("\n", v.procedures()), v.version());
        }

        AgencyInput input() {
            return new AgencyInput(code, name, nameEn, electronicId, unitCode, kind, parentCode, validFrom, validTo,
                    successorCode, address, phone, email, lines(officeHours), lines(procedures), version);
        }

        private static List<String> lines(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            return Arrays.stream(text.split("[\\r\\n,;]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }

    @GetMapping("/quan-tri/co-quan")
    String list(Actor actor, @RequestParam(required = false) String unit, @RequestParam(required = false) String q,
                Model model) {
        model.addAttribute("agencies", admin.list(actor, unit, q, true));
        model.addAttribute("unit", unit);
        model.addAttribute("q", q);
        return "admin/agencies";
    }

    @GetMapping("/quan-tri/co-quan/moi")
    String newAgency(Model model) {
        return form(AgencyForm.empty(), true, List.of(), model);
    }

    @PostMapping("/quan-tri/co-quan/moi")
    String create(Actor actor, AgencyForm form, Model model, RedirectAttributes redirect) {
        try {
            AgencyView v = admin.create(actor, form.input());
            redirect.addFlashAttribute("saved", v.code());
            return "redirect:/quan-tri/co-quan/" + v.code();
        } catch (ProblemException e) {
            return form(form, true, e.problems(), model);
        }
    }

    @GetMapping("/quan-tri/co-quan/{code}")
    String edit(Actor actor, @PathVariable String code, Model model) {
        AgencyView v = admin.get(actor, code);
        model.addAttribute("agency", v);
        model.addAttribute("history", audit.list(new AdminAudit.Query(AdminAudit.Subject.AGENCY, v.code(), null, 50)));
        return form(AgencyForm.of(v), false, List.of(), model);
    }

    @PostMapping("/quan-tri/co-quan/{code}")
    String update(Actor actor, @PathVariable String code, AgencyForm form, Model model, RedirectAttributes redirect) {
        try {
            AgencyView v = admin.update(actor, code, form.input());
            redirect.addFlashAttribute("saved", v.code());
            return "redirect:/quan-tri/co-quan/" + v.code();
        } catch (ProblemException e) {
            model.addAttribute("agency", admin.get(actor, code));
            return form(form, false, e.problems(), model);
        }
    }

    private static String form(AgencyForm form, boolean creating, List<FieldProblem> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("creating", creating);
        model.addAttribute("errors", errors);
        return "admin/agency";
    }
}
