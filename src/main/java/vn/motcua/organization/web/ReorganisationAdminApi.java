package vn.motcua.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.organization.internal.Reorganisations;
import vn.motcua.organization.internal.Reorganisations.ReorganisationInput;
import vn.motcua.organization.internal.Reorganisations.ReorganisationView;
import vn.motcua.platform.Actor;

/** Reorganisations of units: entered once with their legal basis and date, then applied. */
@RestController
@RequestMapping("/api/v1/admin/reorganisations")
@Tag(name = "Administration")
class ReorganisationAdminApi {

    private final Reorganisations reorganisations;

    ReorganisationAdminApi(Reorganisations reorganisations) {
        this.reorganisations = reorganisations;
    }

    @GetMapping
    @Operation(summary = "Reorganisations, newest first, with their unit and agency mappings")
    List<ReorganisationView> list(Actor actor) {
        return reorganisations.list(actor);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One reorganisation")
    ReorganisationView get(Actor actor, @PathVariable String code) {
        return reorganisations.get(actor, code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a reorganisation: {code, title, legalBasis, effectiveDate, units: [{from, to}], "
            + "agencies: [{from, to}]}")
    ReorganisationView create(Actor actor, @RequestBody ReorganisationInput body) {
        return reorganisations.create(actor, body);
    }

    @GetMapping("/{code}/preview")
    @Operation(summary = "What applying would do: each agency that closes, its successor and its unfinished dossiers")
    Reorganisations.Preview preview(Actor actor, @PathVariable String code) {
        return reorganisations.preview(actor, code);
    }

    record ApplyBody(Integer version) {
    }

    @PostMapping("/{code}/apply")
    @Operation(summary = "Apply on or after its date: old agencies close, successors take over, unfinished dossiers "
            + "are handed over (a history line each); 409 when applied already or before the date")
    ReorganisationView apply(Actor actor, @PathVariable String code, @RequestBody(required = false) ApplyBody body) {
        return reorganisations.apply(actor, code, body == null ? null : body.version());
    }
}
