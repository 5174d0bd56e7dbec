package vn.motcua.integration.web;

import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.identity.Accounts;
import vn.motcua.integration.population.PopulationChecks;
import vn.motcua.integration.population.RegistryPerson;
import vn.motcua.platform.Actor;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;

/**
 * Pre-filling from the national population database (issue 14): a citizen whose account is verified with VNeID (so
 * the number in the profile is proven theirs) asks, with their consent, for the registry's record; its date of birth
 * and current residence go into the profile, from which every form is pre-filled (the apply page,
 * {@code /nop-ho-so/{code}}). The check is recorded and taken by the dossier filed within 24 hours (docs/NATIONAL.md).
 */
@Controller
class PopulationPages {

    /** Where to go back: the profile, or the apply page of a procedure. */
    private static final Pattern BACK = Pattern.compile("/tai-khoan|/nop-ho-so/[0-9A-Za-z.\\-]{1,40}");

    private final PopulationChecks checks;
    private final Accounts accounts;

    PopulationPages(PopulationChecks checks, Accounts accounts) {
        this.checks = checks;
        this.accounts = accounts;
    }

    @PostMapping("/tai-khoan/dan-cu")
    String prefill(Actor actor, @RequestParam(required = false) String consent,
                   @RequestParam(required = false) String back, RedirectAttributes redirect) {
        if (!actor.has(Role.CITIZEN)) {
            throw ProblemException.forbidden("population.check.citizensOnly");
        }
        if (accounts.nationalIdentity(actor.accountId()).isEmpty()) {
            throw ProblemException.forbidden("population.prefill.vneidOnly");
        }
        String target = back != null && BACK.matcher(back).matches() ? back : "/tai-khoan";
        if (!"true".equals(consent)) {
            redirect.addFlashAttribute("populationPrefill", "population.prefill.consentRequired");
            return "redirect:" + target;
        }
        PopulationChecks.Check c = checks.forCitizen(actor, true);
        String key = switch (c.result()) {
            case MATCH -> "population.prefill.done";
            case MISMATCH -> "population.prefill.mismatch";
            case NOT_FOUND -> "population.prefill.notFound";
            case NOT_DONE -> "population.prefill.notDone";
        };
        RegistryPerson answer = c.answer();
        if (answer != null) {
            accounts.fillFromRegistry(actor.accountId(), answer.dateOfBirth(),
                    answer.currentAddress() != null ? answer.currentAddress() : answer.permanentAddress());
        }
        redirect.addFlashAttribute("populationPrefill", key);
        return "redirect:" + target;
    }
}
