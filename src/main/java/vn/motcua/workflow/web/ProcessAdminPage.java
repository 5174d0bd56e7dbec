package vn.motcua.workflow.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.ProcedureQuery;
import vn.motcua.platform.Actor;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;
import vn.motcua.workflow.StepDefinition;
import vn.motcua.workflow.internal.ProcessAdmin;

/** /quan-tri/quy-trinh: view and define the electronic process of a procedure at an agency. */
@Controller
class ProcessAdminPage {

    private static final int ROWS = 6;
    private final ProcessAdmin admin;
    private final Catalog catalog;

    ProcessAdminPage(ProcessAdmin admin, Catalog catalog) {
        this.admin = admin;
        this.catalog = catalog;
    }

    @GetMapping("/quan-tri/quy-trinh")
    String page(@RequestParam(required = false) String procedure, @RequestParam(required = false) String agency,
                Model model) {
        model.addAttribute("procedures", catalog.search(new ProcedureQuery(null, null, null, null, null, 0, 500)).items());
        model.addAttribute("procedure", procedure);
        model.addAttribute("agency", agency);
        model.addAttribute("roles", List.of(Role.RECEPTION, Role.SPECIALIST, Role.LEADER));
        model.addAttribute("rows", ROWS);
        if (procedure != null && !procedure.isBlank() && agency != null && !agency.isBlank()) {
            try {
                model.addAttribute("current", admin.current(procedure, agency));
                model.addAttribute("versions", admin.versions(procedure, agency));
            } catch (ProblemException e) {
                model.addAttribute("errors", e.errors());
            }
        }
        return "workflow/admin";
    }

    @PostMapping("/quan-tri/quy-trinh")
    String define(Actor actor, @RequestParam String procedure, @RequestParam String agency,
                  @RequestParam(required = false) String note, @RequestParam(required = false) Integer version,
                  HttpServletRequest request, Model model,
                  RedirectAttributes redirect) {
        List<StepDefinition> steps = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String name = request.getParameter("steps[" + i + "].name");
            if (name == null || name.isBlank()) {
                continue;
            }
            String role = request.getParameter("steps[" + i + "].role");
            String hours = request.getParameter("steps[" + i + "].hours");
            BigDecimal h;
            try {
                h = new BigDecimal(hours == null ? "" : hours.trim().replace(',', '.'));
            } catch (NumberFormatException e) {
                h = null;
            }
            steps.add(new StepDefinition(name, role == null || role.isBlank() ? null
                    : vn.motcua.platform.Params.oneOf(Role.class, role, "steps[" + i + "].role"),
                    request.getParameter("steps[" + i + "].agencyCode"), h));
        }
        try {
            admin.define(actor, procedure, agency, steps, note, version);
        } catch (ProblemException e) {
            model.addAttribute("errors", e.errors());
            return page(procedure, agency, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/quan-tri/quy-trinh?procedure=" + procedure + "&agency=" + agency;
    }
}
