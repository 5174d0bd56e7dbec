package vn.motcua.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.organization.internal.AgencyAdmin;
import vn.motcua.organization.internal.AgencyAdmin.AgencyInput;
import vn.motcua.organization.internal.AgencyAdmin.AgencyView;
import vn.motcua.platform.Actor;

/** Agencies for the province administrator: list, create, update with {@code version}, close with a successor. */
@RestController
@RequestMapping("/api/v1/admin/agencies")
@Tag(name = "Administration")
class AgencyAdminApi {

    private final AgencyAdmin admin;

    AgencyAdminApi(AgencyAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    @Operation(summary = "Agencies (closed ones too with includeClosed=true)")
    List<AgencyView> list(Actor actor, @RequestParam(required = false) String unit,
                          @RequestParam(required = false) String q,
                          @RequestParam(defaultValue = "true") boolean includeClosed) {
        return admin.list(actor, unit, q, includeClosed);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One agency with its administrative details")
    AgencyView get(Actor actor, @PathVariable String code) {
        return admin.get(actor, code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an agency; electronicId must follow Circular 01/2018 (e.g. H10.05.01)")
    AgencyView create(Actor actor, @RequestBody AgencyInput body) {
        return admin.create(actor, body);
    }

    @PutMapping("/{code}")
    @Operation(summary = "Update an agency (version required, 409 when stale); a validTo in the past closes it")
    AgencyView update(Actor actor, @PathVariable String code, @RequestBody AgencyInput body) {
        return admin.update(actor, code, body);
    }

    record CloseBody(LocalDate validTo, String successorCode, Integer version) {
    }

    @PostMapping("/{code}/close")
    @Operation(summary = "Close an agency (never deleted); a successor is required while it has unfinished dossiers")
    AgencyView close(Actor actor, @PathVariable String code, @RequestBody CloseBody body) {
        return admin.close(actor, code, body.validTo(), body.successorCode(), body.version());
    }
}
