package vn.motcua.organization.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.organization.internal.Reorganisations;
import vn.motcua.platform.Actor;
import vn.motcua.platform.ProblemException;

/**
 * The administrator's reorganisation pages under {@code /quan-tri/sap-xep}: the reorganisations entered, a preview of
 * what applying one moves (each agency that closes, its successor, its unfinished dossiers), then applying it through
 * the rule book's hand-over.
 */
@Controller
class ReorganisationAdminPages {

    private final Reorganisations reorganisations;

    ReorganisationAdminPages(Reorganisations reorganisations) {
        this.reorganisations = reorganisations;
    }

    @GetMapping("/quan-tri/sap-xep")
    String list(Actor actor, Model model) {
        model.addAttribute("reorganisations", reorganisations.list(actor));
        return "admin/reorganisations";
    }

    @GetMapping("/quan-tri/sap-xep/{code}")
    String preview(Actor actor, @PathVariable String code, Model model) {
        model.addAttribute("preview", reorganisations.preview(actor, code));
        return "admin/reorganisation";
    }

    @PostMapping("/quan-tri/sap-xep/{code}/ap-dung")
    String apply(Actor actor, @PathVariable String code, @RequestParam(required = false) Integer version,
                 Model model, RedirectAttributes redirect) {
        try {
            var applied = reorganisations.apply(actor, code, version);
            redirect.addFlashAttribute("applied", applied.handedOver());
            return "redirect:/quan-tri/sap-xep/" + applied.code();
        } catch (ProblemException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("preview", reorganisations.preview(actor, code));
            return "admin/reorganisation";
        }
    }
}
