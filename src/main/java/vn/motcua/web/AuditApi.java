package vn.motcua.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.platform.Actor;
import vn.motcua.platform.audit.AdminAudit;
import vn.motcua.platform.audit.AdminAudit.Subject;

/** {@code GET /api/v1/admin/audit}: administrative changes; an agency administrator sees their agency's only. */
@RestController
@Tag(name = "Administration")
class AuditApi {

    private final AdminAudit audit;

    AuditApi(AdminAudit audit) {
        this.audit = audit;
    }

    @GetMapping(path = "/api/v1/admin/audit", produces = "application/json")
    @Operation(summary = "Administrative changes, newest first (who, when, before and after)")
    List<AdminAudit.Entry> api(Actor actor, @RequestParam(required = false) Subject subject,
                               @RequestParam(required = false) String key,
                               @RequestParam(defaultValue = "100") int limit) {
        return AuditPages.entries(audit, actor, subject, key, limit);
    }
}
