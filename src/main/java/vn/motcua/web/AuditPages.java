package vn.motcua.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.platform.Actor;
import vn.motcua.platform.Role;
import vn.motcua.platform.audit.AdminAudit;
import vn.motcua.platform.audit.AdminAudit.Subject;

/**
 * The administration log page {@code /quan-tri/nhat-ky} (the API is {@link AuditApi}). An agency
 * administrator sees only the lines of their own agency.
 */
@Controller
class AuditPages {

    private final AdminAudit audit;

    AuditPages(AdminAudit audit) {
        this.audit = audit;
    }

    static List<AdminAudit.Entry> entries(AdminAudit audit, Actor actor, Subject subject, String key, int limit) {
        String agency = actor.has(Role.ADMIN) ? null : actor.agencyCode();
        if (agency == null && !actor.has(Role.ADMIN)) {
            return List.of();
        }
        return audit.list(new AdminAudit.Query(subject, key == null || key.isBlank() ? null : key.trim(), agency, limit));
    }

    @GetMapping("/quan-tri/nhat-ky")
    String page(Actor actor, @RequestParam(required = false) Subject subject, @RequestParam(required = false) String key,
                Model model) {
        model.addAttribute("entries", entries(audit, actor, subject, key, 200));
        model.addAttribute("subjects", Subject.values());
        model.addAttribute("subject", subject);
        model.addAttribute("key", key);
        return "admin/audit";
    }
}
