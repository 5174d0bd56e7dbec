package vn.motcua.dossier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.DeskVisitRequest;
import vn.motcua.dossier.internal.DeskLog;
import vn.motcua.dossier.internal.DossierDocuments;
import vn.motcua.platform.Actor;
import vn.motcua.platform.ProblemException;

/** The desk log of the one-stop: walk-ins given form 02 or form 03 at the counter, without a dossier. */
@RestController
@RequestMapping("/api/v1/office/desk-visits")
@Tag(name = "Dossiers — office")
class DeskVisitApi {

    private final DeskLog desk;
    private final DossierDocuments documents;

    DeskVisitApi(DeskLog desk, DossierDocuments documents) {
        this.desk = desk;
        this.documents = documents;
    }

    @PostMapping
    @Operation(summary = "A walk-in whose papers are incomplete: form 02 (GUIDANCE, items = what to add, once, "
            + "completely) or form 03 (REFUSAL, with the reason), recorded in the desk log; no dossier number is used")
    @ApiResponse(responseCode = "201", description = "Recorded; Location is its slip (PDF)",
            headers = @Header(name = "Location", schema = @Schema(type = "string")))
    ResponseEntity<DeskLog.Visit> record(Actor actor, @RequestBody DeskVisitRequest body) {
        DeskLog.Visit v = desk.record(actor, body);
        return ResponseEntity.created(URI.create("/api/v1/office/desk-visits/" + v.id() + ".pdf")).body(v);
    }

    @GetMapping("/{id}.pdf")
    @Operation(summary = "The slip of a walk-in: form 02 or form 03 (A4 or A5)")
    ResponseEntity<byte[]> pdf(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "A4") String size) {
        DeskLog.Visit v = desk.find(actor, id).orElseThrow(() -> ProblemException.notFound("dossier.desk.notFound", id));
        return DossierApi.pdf(documents.deskNotice(v, DossierApi.paper(size)), file(v));
    }

    static String file(DeskLog.Visit v) {
        return ("GUIDANCE".equals(v.form()) ? "phieu-huong-dan-" : "phieu-tu-choi-") + v.id() + ".pdf";
    }
}
