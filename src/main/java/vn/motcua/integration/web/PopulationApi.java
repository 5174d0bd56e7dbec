package vn.motcua.integration.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.integration.population.PopulationChecks;
import vn.motcua.platform.Actor;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;

/** Checks against the national population database: by officers at intake, by citizens to pre-fill their forms. */
@RestController
@Tag(name = "Population database")
class PopulationApi {

    private final PopulationChecks checks;

    PopulationApi(PopulationChecks checks) {
        this.checks = checks;
    }

    /** A person to check at the counter. */
    record IntakeCheck(String idNumber, String fullName, LocalDate dateOfBirth, Boolean consent) {
    }

    /** The citizen's consent to use (and keep) the registry's answer. */
    record Consent(Boolean consent) {
    }

    @PostMapping("/api/v1/office/population-checks")
    @Operation(summary = "Check a person at the counter before the dossier exists (linked to it when received); "
            + "result NOT_DONE when the registry is away: intake goes on")
    PopulationChecks.Check atIntake(Actor actor, @RequestBody IntakeCheck body) {
        if (body == null) {
            throw ProblemException.invalid("idNumber", "error.required");
        }
        return checks.atIntake(new PopulationChecks.Request(body.idNumber(), body.fullName(), body.dateOfBirth(),
                Boolean.TRUE.equals(body.consent())), actor);
    }

    @PostMapping("/api/v1/office/dossiers/{code}/population-checks")
    @Operation(summary = "Check a dossier's applicant against the population database; recorded with the dossier")
    PopulationChecks.Check forDossier(Actor actor, @PathVariable String code, @RequestBody(required = false) Consent body) {
        return checks.forDossier(code, actor, body != null && Boolean.TRUE.equals(body.consent()));
    }

    @GetMapping("/api/v1/office/dossiers/{code}/population-checks")
    @Operation(summary = "The population database checks of a dossier: what, when, by whom, the answer")
    List<PopulationChecks.Check> ofDossier(Actor actor, @PathVariable String code) {
        return checks.ofDossier(code, actor);
    }

    @PostMapping("/api/v1/population/me")
    @Operation(summary = "The citizen's own record in the population database, to pre-fill forms (consent required; "
            + "accounts verified with VNeID only: 403 for a number only typed into the profile)")
    PopulationChecks.Check mine(Actor actor, @RequestBody(required = false) Consent body) {
        if (!actor.has(Role.CITIZEN)) {
            throw ProblemException.forbidden("population.check.citizensOnly");
        }
        return checks.forCitizen(actor, body != null && Boolean.TRUE.equals(body.consent()));
    }
}
