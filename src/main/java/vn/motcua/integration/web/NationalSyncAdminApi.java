package vn.motcua.integration.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.integration.internal.NationalPortalSender;

/** The state of synchronisation with the national portal, for administrators. */
@RestController
@RequestMapping("/api/v1/admin/national-sync")
@Tag(name = "Administration")
class NationalSyncAdminApi {

    private final NationalPortalSender sender;
    private final JdbcClient jdbc;

    NationalSyncAdminApi(NationalPortalSender sender, JdbcClient jdbc) {
        this.sender = sender;
        this.jdbc = jdbc;
    }

    @GetMapping
    @Operation(summary = "Counts by status and the last failures")
    Map<String, Object> state() {
        var failed = jdbc.sql("""
                select dossier_code, attempts, last_error, changed_at from national_sync
                where status = 'FAILED' or (status = 'PENDING' and attempts > 0) order by changed_at desc limit 50""")
                .query((rs, i) -> Map.of("code", rs.getString(1), "attempts", rs.getInt(2),
                        "error", String.valueOf(rs.getString(3)), "changedAt", rs.getObject(4).toString()))
                .list();
        return Map.of("counts", sender.counts(), "problems", failed);
    }

    @PostMapping("/retry-failed")
    @Operation(summary = "Put FAILED rows back in the queue")
    Map<String, Object> retry() {
        int n = jdbc.sql("update national_sync set status = 'PENDING', attempts = 0, next_attempt = now() where status = 'FAILED'")
                .update();
        return Map.of("requeued", n);
    }
}
