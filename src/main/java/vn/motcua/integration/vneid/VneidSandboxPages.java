package vn.motcua.integration.vneid;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.integration.population.RegistryPerson;
import vn.motcua.integration.population.SimulatedCitizens;
import vn.motcua.platform.FieldProblem;

/**
 * The VNeID sandbox's own pages: log-in (choose a citizen of the simulated registry and a level), consent (share or
 * refuse), and the simulated outage switch. Nothing here touches the portal's accounts or database.
 */
@Controller
@ConditionalOnProperty(name = "motcua.vneid.sandbox.enabled", havingValue = "true")
class VneidSandboxPages {

    /** How many citizens the log-in page lists (any citizen of the simulated registry can log in). */
    static final int LISTED = 12;

    private final VneidSandbox.Outage outage;

    VneidSandboxPages(VneidSandbox.Outage outage) {
        this.outage = outage;
    }

    @GetMapping(VneidSandbox.LOGIN)
    String login(Model model) {
        show(model, List.of());
        return "integration/vneid-sandbox-login";
    }

    @PostMapping(VneidSandbox.LOGIN)
    String login(@RequestParam(required = false) String citizen, @RequestParam(required = false) String level,
                 HttpServletRequest req, HttpServletResponse res, Model model) {
        List<FieldProblem> errors = new ArrayList<>();
        RegistryPerson person = citizen == null ? null : SimulatedCitizens.byIdNumber(citizen.strip()).orElse(null);
        if (person == null) {
            errors.add(FieldProblem.of("citizen", "vneid.sandbox.unknownCitizen"));
        }
        if (!"1".equals(level) && !"2".equals(level)) {
            errors.add(FieldProblem.of("level", "vneid.sandbox.badLevel"));
        }
        if (!errors.isEmpty()) {
            res.setStatus(400);
            show(model, errors);
            return "integration/vneid-sandbox-login";
        }
        var principal = new VneidSandbox.SandboxCitizen(VneidSandbox.SandboxCitizen.subjectOf(person.idNumber()),
                person.idNumber(), Integer.parseInt(level));
        var context = SecurityContextHolder.createEmptyContext();
        // the factor and its time: Spring Authorization Server puts it in the ID token as auth_time
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of(
                new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_VNEID_CITIZEN"),
                org.springframework.security.core.authority.FactorGrantedAuthority.fromAuthority(
                        org.springframework.security.core.authority.FactorGrantedAuthority.PASSWORD_AUTHORITY))));
        req.changeSessionId();
        SecurityContextHolder.setContext(context);
        VneidSandbox.CONTEXTS.saveContext(context, req, res);
        var saved = VneidSandbox.REQUESTS.getRequest(req, res);
        VneidSandbox.REQUESTS.removeRequest(req, res);
        // back to the authorization request that sent the person here (it carries the portal's state and PKCE)
        return saved != null && saved.getRedirectUrl().contains(VneidSandbox.PREFIX + "/oauth2/authorize")
                ? "redirect:" + saved.getRedirectUrl() : "redirect:" + VneidSandbox.LOGIN;
    }

    /** Spring Authorization Server sends the person here with {@code scope}, {@code client_id} and {@code state}. */
    @GetMapping(VneidSandbox.CONSENT)
    String consent(@RequestParam(name = "scope", required = false) String scope,
                   @RequestParam(name = "client_id", required = false) String clientId,
                   @RequestParam(name = "state", required = false) String state, Model model) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth != null && auth.getPrincipal() instanceof VneidSandbox.SandboxCitizen c) || clientId == null
                || state == null) {
            return "redirect:" + VneidSandbox.LOGIN;
        }
        model.addAttribute("clientId", clientId);
        model.addAttribute("state", state);
        model.addAttribute("scopes", scope == null ? List.of() : Arrays.stream(scope.split(" "))
                .filter(s -> !s.isBlank() && !s.equals("openid")).toList());
        model.addAttribute("person", c.person());
        return "integration/vneid-sandbox-consent";
    }

    @PostMapping(VneidSandbox.OUTAGE)
    String outage(@RequestParam(required = false) String down) {
        if (!"true".equals(down) && !"false".equals(down)) {
            throw vn.motcua.platform.ProblemException.invalid("down", "error.required");
        }
        outage.set("true".equals(down));
        return "redirect:" + VneidSandbox.LOGIN;
    }

    private void show(Model model, List<FieldProblem> errors) {
        List<RegistryPerson> all = SimulatedCitizens.all();
        model.addAttribute("citizens", all.subList(0, Math.min(LISTED, all.size())));
        model.addAttribute("down", outage.down());
        model.addAttribute("errors", errors);
    }
}
