package vn.motcua.identity.web;

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
import vn.motcua.identity.internal.AccountAdmin;
import vn.motcua.identity.internal.AccountAdmin.AccountInput;
import vn.motcua.identity.internal.AccountAdmin.AccountView;
import vn.motcua.identity.internal.AccountAdmin.ImportResult;
import vn.motcua.identity.internal.AccountAdmin.WithPassword;
import vn.motcua.platform.Actor;
import vn.motcua.platform.ProblemException;

/**
 * Staff accounts for the province administrator (all agencies) and agency administrators (their own agency):
 * list, create, update with {@code version}, deactivate, reset the password, import from CSV or Excel.
 */
@RestController
@RequestMapping("/api/v1/admin/accounts")
@Tag(name = "Administration")
class AccountAdminApi {

    private final AccountAdmin admin;

    AccountAdminApi(AccountAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    @Operation(summary = "Staff accounts in the caller's scope")
    List<AccountView> list(Actor actor, @RequestParam(required = false) String agency,
                           @RequestParam(required = false) String q,
                           @RequestParam(defaultValue = "true") boolean includeInactive) {
        return admin.list(actor, agency, q, includeInactive);
    }

    @GetMapping("/{username}")
    @Operation(summary = "One staff account (404 outside the caller's agency)")
    AccountView get(Actor actor, @PathVariable String username) {
        return admin.get(actor, username);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a staff account; answers the temporary password (to be changed at first log-in)")
    WithPassword create(Actor actor, @RequestBody AccountInput body) {
        return admin.create(actor, body);
    }

    @PutMapping("/{username}")
    @Operation(summary = "Update name, contact, agency, roles, active; 409 when version is stale")
    AccountView update(Actor actor, @PathVariable String username, @RequestBody AccountInput body) {
        return admin.update(actor, username, body);
    }

    record VersionBody(Integer version) {
    }

    @PostMapping("/{username}/deactivate")
    @Operation(summary = "Deactivate (never delete): no more log-in, tokens and sessions end")
    AccountView deactivate(Actor actor, @PathVariable String username,
                           @RequestBody(required = false) VersionBody body) {
        return admin.deactivate(actor, username, body == null ? null : body.version());
    }

    @PostMapping("/{username}/reset-password")
    @Operation(summary = "New temporary password; the owner must change it at the next log-in")
    WithPassword reset(Actor actor, @PathVariable String username, @RequestBody(required = false) VersionBody body) {
        return admin.resetPassword(actor, username, body == null ? null : body.version());
    }

    @PostMapping(path = "/import", consumes = "multipart/form-data")
    @Operation(summary = "Import accounts from a CSV or .xlsx file; preview=true checks only; all or nothing")
    @ApiResponse(responseCode = "201", description = "Imported (all rows)", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "preview=true, or a file with errors: checked only, nothing "
            + "imported", useReturnTypeSchema = true)
    ResponseEntity<ImportResult> importFile(Actor actor, @RequestPart("file") MultipartFile file,
                                            @RequestParam(defaultValue = "false") boolean preview) throws IOException {
        if (file.getSize() > vn.motcua.platform.text.Tables.MAX_BYTES) {
            throw ProblemException.invalid("file", "error.import.tooLarge");
        }
        ImportResult r = admin.importFile(actor, file.getOriginalFilename(), file.getBytes(), !preview);
        return ResponseEntity.status(r.applied() ? HttpStatus.CREATED : HttpStatus.OK).body(r);
    }

    @PostMapping(path = "/import", consumes = "text/csv")
    @Operation(summary = "Import accounts from a CSV body; preview=true checks only; all or nothing")
    @ApiResponse(responseCode = "201", description = "Imported (all rows)", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "preview=true, or a file with errors: checked only, nothing "
            + "imported", useReturnTypeSchema = true)
    ResponseEntity<ImportResult> importCsv(Actor actor, @RequestBody String csv,
                                           @RequestParam(defaultValue = "false") boolean preview) {
        ImportResult r = admin.importCsv(actor, csv, !preview);
        return ResponseEntity.status(r.applied() ? HttpStatus.CREATED : HttpStatus.OK).body(r);
    }
}
