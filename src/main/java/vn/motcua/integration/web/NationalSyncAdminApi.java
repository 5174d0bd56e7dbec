package vn.motcua.integration.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.NonNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.integration.internal.NationalSyncState;
import vn.motcua.integration.internal.NationalSyncState.Backlog;
import vn.motcua.integration.internal.NationalSyncState.ChangeView;
import vn.motcua.platform.ProblemException;

/** The synchronisation with the national portal, for administrators: backlog, dead letters, one dossier, resend. */
@RestController
@RequestMapping("/api/v1/admin/national-sync")
@Tag(name = "Administration")
class NationalSyncAdminApi {

    private final NationalSyncState state;

    NationalSyncAdminApi(NationalSyncState state) {
        this.state = state;
    }

    @Schema(name = "NationalSyncState", description = "The backlog of changes for the national portal and the "
            + "dead letters (the 100 oldest)")
    record SyncState(@NonNull Backlog backlog, @NonNull List<ChangeView> deadLetters) {
    }

    @Schema(name = "NationalSyncResent", description = "The dead letter put back in its dossier's queue")
    record Resent(@Schema(description = "the change's id") long resent) {
    }

    @GetMapping
    @Operation(summary = "The backlog (waiting, retrying, dead, sent), the alert, and the dead letters")
    SyncState state() {
        return new SyncState(state.backlog(), state.deadLetters(100));
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "Changes the portal refused or that could not be delivered in time, oldest first")
    List<NationalSyncState.ChangeView> deadLetters(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalid("limit", "error.param.range", 1, 1000);
        }
        return state.deadLetters(limit);
    }

    @PostMapping("/dead-letters/{id}/resend")
    @Operation(summary = "Puts a dead letter back in its dossier's queue (409 when it is not dead any more)")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Not a dead letter (any more): already resent or delivered")
    Resent resend(@PathVariable long id) {
        if (!state.resend(id)) {
            throw ProblemException.conflict("national.sync.notDead");
        }
        return new Resent(id);
    }

    @GetMapping("/dossiers/{code}")
    @Operation(summary = "What the portal acknowledged of a dossier and each of its changes in order")
    NationalSyncState.DossierView dossier(@PathVariable String code) {
        return state.dossier(code).orElseThrow(() -> ProblemException.notFound("national.sync.unknownDossier"));
    }
}
