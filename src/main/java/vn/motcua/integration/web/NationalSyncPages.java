package vn.motcua.integration.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.integration.internal.NationalSyncState;

/** The administrator's page of the national portal sync: backlog, alert, dead letters with "resend", one dossier. */
@Controller
class NationalSyncPages {

    static final int QUEUE_SHOWN = 100;

    private final NationalSyncState state;
    private final vn.motcua.calendar.WorkingCalendar calendar;

    NationalSyncPages(NationalSyncState state, vn.motcua.calendar.WorkingCalendar calendar) {
        this.state = state;
        this.calendar = calendar;
    }

    @GetMapping("/quan-tri/dong-bo-dvcqg")
    String page(@RequestParam(required = false) String code, Model model) {
        model.addAttribute("backlog", state.backlog());
        model.addAttribute("deadLetters", state.deadLetters(200));
        model.addAttribute("queue", state.queue(QUEUE_SHOWN));
        model.addAttribute("queueShown", QUEUE_SHOWN);
        model.addAttribute("zone", calendar.zone());
        String c = code == null || code.isBlank() ? null : code.strip();
        model.addAttribute("code", c);
        if (c != null) {
            model.addAttribute("dossier", state.dossier(c).orElse(null));
        }
        return "integration/national-sync";
    }

    @PostMapping("/quan-tri/dong-bo-dvcqg/gui-lai/{id}")
    String resend(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("resent", state.resend(id) ? "ok" : "notDead");
        return "redirect:/quan-tri/dong-bo-dvcqg";
    }
}
