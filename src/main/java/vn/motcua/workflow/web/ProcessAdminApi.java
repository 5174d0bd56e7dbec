package vn.motcua.workflow.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.NonNull;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.platform.Actor;
import vn.motcua.workflow.ProcessDefinition;
import vn.motcua.workflow.StepDefinition;
import vn.motcua.workflow.internal.ProcessAdmin;

/** Electronic processes (quy trình điện tử), for administrators. */
@RestController
@RequestMapping("/api/v1/admin/processes")
@Tag(name = "Administration")
class ProcessAdminApi {

    private final ProcessAdmin admin;

    ProcessAdminApi(ProcessAdmin admin) {
        this.admin = admin;
    }

    /** The process in force and every version defined, newest first (none: only the built-in default). */
    @Schema(name = "ProcessVersions", description = "The process in force for a procedure at an agency (the "
            + "built-in default, id 0, when none is defined) and the versions defined")
    record ProcessVersions(@NonNull ProcessDefinition current, @NonNull List<ProcessDefinition> versions) {
    }

    @GetMapping
    @Operation(summary = "The process in force for a procedure at an agency (the default when none) and its versions")
    ProcessVersions get(@RequestParam String procedure, @RequestParam String agency) {
        return new ProcessVersions(admin.current(procedure, agency), admin.versions(procedure, agency));
    }

    /** A new version: ordered steps with their share of the legal time in working hours. */
    record Definition(String procedureCode, String agencyCode, List<StepDefinition> steps, String note,
                      @Schema(description = "The version of the process in force read (0: the built-in default); "
                              + "required, 409 when another version was defined since")
                      Integer version) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Define a new version (shares must add up to the processing time in working hours); "
            + "version = the version read, 409 when stale")
    ProcessDefinition define(Actor actor, @RequestBody Definition body) {
        return admin.define(actor, body.procedureCode(), body.agencyCode(), body.steps(), body.note(),
                body.version());
    }
}
