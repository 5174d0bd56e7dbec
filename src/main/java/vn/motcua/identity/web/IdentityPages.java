package vn.motcua.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.identity.CitizenProfile;
import vn.motcua.identity.internal.AccountService;
import vn.motcua.identity.internal.Registration;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitLevel;
import vn.motcua.platform.Actor;
import vn.motcua.platform.ProblemException;

/** Log-in, citizen sign-up and the profile page. */
@Controller
class IdentityPages {

    private final Registration registration;
    private final AccountService accounts;
    private final Organization organization;

    private final vn.motcua.platform.limits.RateLimits limits;
    private final vn.motcua.identity.internal.VneidClients vneid;
    /** The province's zone (the working calendar's). */
    private final java.time.ZoneId zone;

    IdentityPages(Registration registration, AccountService accounts, Organization organization,
                  vn.motcua.platform.limits.RateLimits limits, vn.motcua.identity.internal.VneidClients vneid,
                  java.time.ZoneId zone) {
        this.zone = zone;
        this.limits = limits;
        this.vneid = vneid;
        this.registration = registration;
        this.accounts = accounts;
        this.organization = organization;
    }

    @GetMapping("/dang-nhap")
    String login(@org.springframework.web.bind.annotation.RequestParam(name = "vneid", required = false) String outcome,
                 Model model) {
        // VNeID login (issue 14): the button when configured, and why the last VNeID log-in did not log in
        model.addAttribute("vneidOffered", vneid.configured());
        vn.motcua.identity.internal.VneidOutcome.of(outcome)
                .ifPresent(o -> model.addAttribute("vneidMessage", o.messageKey()));
        return "identity/login";
    }

    /** Sign-up form fields. */
    record SignUpForm(String username, String password, String fullName, String email, String phone) {
    }

    @GetMapping("/dang-ky")
    String signUp(Model model) {
        model.addAttribute("form", new SignUpForm("", "", "", "", ""));
        return "identity/register";
    }

    @PostMapping("/dang-ky")
    String signUp(@ModelAttribute("form") SignUpForm form, Model model, RedirectAttributes redirect,
                  jakarta.servlet.http.HttpServletRequest request) {
        limits.check(vn.motcua.platform.limits.LimitKind.SIGN_UP_SOURCE, request.getRemoteAddr());
        try {
            registration.registerCitizen(form.username(), form.password(), form.fullName(), form.email(), form.phone());
        } catch (ProblemException e) {
            model.addAttribute("errors", e.errors());
            return "identity/register";
        }
        // the same page whether the name was free or taken (issue 17: no account enumeration)
        redirect.addFlashAttribute("registered", form.username().trim().toLowerCase(java.util.Locale.ROOT));
        return "redirect:/dang-nhap";
    }

    @GetMapping("/tai-khoan")
    String profile(Actor actor, Model model) {
        model.addAttribute("profile", accounts.profile(actor.accountId())
                .orElse(new CitizenProfile(actor.displayName(), null, null, null, null, null, null)));
        model.addAttribute("communes", organization.units(UnitLevel.COMMUNE));
        vneidStatus(actor, model);
        return "identity/profile";
    }

    /** VNeID login (issue 14): whether (and since when, at which level) the account is verified with VNeID. */
    private void vneidStatus(Actor actor, Model model) {
        accounts.nationalIdentity(actor.accountId()).ifPresent(n -> {
            model.addAttribute("vneid", n);
            model.addAttribute("vneidSince", n.linkedAt().atZoneSameInstant(zone)
                    .toLocalDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        });
    }

    @PostMapping("/tai-khoan")
    String saveProfile(Actor actor, @ModelAttribute("profile") CitizenProfile profile, Model model,
                       RedirectAttributes redirect) {
        try {
            registration.saveProfile(actor.accountId(), profile);
        } catch (ProblemException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("communes", organization.units(UnitLevel.COMMUNE));
            vneidStatus(actor, model);
            return "identity/profile";
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/tai-khoan";
    }
}
