package vn.motcua.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.catalog.internal.ProcedureAdmin;
import vn.motcua.catalog.internal.ProcedureAdmin.ProcedureInput;
import vn.motcua.catalog.internal.ProcedureAdmin.ProcedureView;
import vn.motcua.catalog.internal.ProcedureAdmin.VersionView;
import vn.motcua.catalog.internal.ProcedureImport;
import vn.motcua.catalog.internal.ProcedureImport.ImportResult;
import vn.motcua.platform.Actor;

/**
 * Procedures for the province administrator: list, create, new versions valid from a date (409 when stale), publish,
 * the agencies that receive them, import from the national procedure database's list layout. Never deleted.
 */
@RestController
@RequestMapping("/api/v1/admin/procedures")
@Tag(name = "Administration")
class ProcedureAdminApi {

    private final ProcedureAdmin admin;
    private final ProcedureImport imports;

    ProcedureAdminApi(ProcedureAdmin admin, ProcedureImport imports) {
        this.admin = admin;
        this.imports = imports;
    }

    @GetMapping
    @Operation(summary = "Procedures, published or not (q: name or code, field: field code)")
    List<ProcedureView> list(Actor actor, @RequestParam(required = false) String q,
                             @RequestParam(required = false) String field) {
        return admin.list(actor, q, field);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One procedure as in force, with the version scheduled next if any")
    ProcedureView get(Actor actor, @PathVariable String code) {
        return admin.get(actor, code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a procedure (version 1); published only with a processing time")
    ProcedureView create(Actor actor, @RequestBody ProcedureInput body) {
        return admin.create(actor, body);
    }

    @PutMapping("/{code}")
    @Operation(summary = "A new version valid from validFrom (default today; later: scheduled); version required, 409 when stale")
    ProcedureView update(Actor actor, @PathVariable String code, @RequestBody ProcedureInput body) {
        return admin.update(actor, code, body);
    }

    @GetMapping("/{code}/versions")
    @Operation(summary = "Every version of a procedure: in force, scheduled, superseded")
    List<VersionView> versions(Actor actor, @PathVariable String code) {
        return admin.versions(actor, code);
    }

    /** Both required: a missing {@code published} is a 400, never read as unpublish. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ProcedurePublication",
            requiredProperties = {"published", "version"})
    record PublishBody(
            @io.swagger.v3.oas.annotations.media.Schema(description = "true: publish; false: unpublish")
            Boolean published,
            @io.swagger.v3.oas.annotations.media.Schema(description = "The latest version read (409 when stale)")
            Integer version) {
    }

    @PostMapping("/{code}/publish")
    @Operation(summary = "Publish (citizens may apply) or unpublish (no new dossiers; filed ones go on); "
            + "published and version required (400), 409 when stale or already in that state")
    ProcedureView publish(Actor actor, @PathVariable String code, @RequestBody PublishBody body) {
        return admin.publish(actor, code, body.published(), body.version());
    }

    @PostMapping(path = "/import", consumes = "multipart/form-data")
    @Operation(summary = "Import procedures from a CSV or .xlsx list (national procedure database layout); preview=true checks only; all or nothing")
    @ApiResponse(responseCode = "201", description = "Imported (all rows)", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "preview=true, or a file with errors: checked only, nothing "
            + "imported", useReturnTypeSchema = true)
    ResponseEntity<ImportResult> importFile(Actor actor, @RequestPart("file") MultipartFile file,
                                            @RequestParam(defaultValue = "false") boolean preview) throws IOException {
        ImportResult r = imports.importFile(actor, file.getOriginalFilename(), file.getBytes(), !preview);
        return ResponseEntity.status(r.applied() ? HttpStatus.CREATED : HttpStatus.OK).body(r);
    }
}
