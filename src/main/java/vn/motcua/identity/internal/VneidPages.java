package vn.motcua.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;

/**
 * The pages of the VNeID log-in besides the provider's: the start when the provider does not answer, and the merge
 * confirmation ({@code /dang-nhap/vneid/lien-ket}) when local accounts carry the same identification number.
 */
@Controller
class VneidPages {

    private final VneidClients clients;
    private final VneidLogin login;
    private final LoginThrottle throttle;
    private final Clock clock;

    VneidPages(VneidClients clients, VneidLogin login, LoginThrottle throttle, Clock clock) {
        this.clients = clients;
        this.login = login;
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * Reached only when the log-in could not start: the OAuth2 filter answers this path by redirecting to the provider
     * whenever it is configured and answers.
     */
    @GetMapping(VneidSecurity.START)
    String notStarted() {
        return clients.configured() ? "redirect:/dang-nhap?vneid=" + VneidOutcome.UNAVAILABLE.code : "redirect:/dang-nhap";
    }

    @GetMapping("/dang-nhap/vneid/lien-ket")
    String confirm(HttpSession session, Model model) {
        VneidLogin.PendingMerge pending = pending(session);
        if (pending == null) {
            return "redirect:/dang-nhap?vneid=" + VneidOutcome.ABANDONED.code;
        }
        show(model, pending, List.of());
        return "identity/vneid-link";
    }

    @PostMapping("/dang-nhap/vneid/lien-ket")
    String decide(@RequestParam(required = false) String decision, @RequestParam(required = false) Long account,
                  @RequestParam(required = false) String password, HttpServletRequest req, HttpServletResponse res,
                  Model model) {
        HttpSession session = req.getSession();
        VneidLogin.PendingMerge pending = pending(session);
        if (pending == null) {
            return "redirect:/dang-nhap?vneid=" + VneidOutcome.ABANDONED.code;
        }
        try {
            VneidLogin.Result result;
            switch (decision == null ? "" : decision) {
                case "merge" -> {
                    var candidate = account == null ? pending.candidates().getFirst()
                            : pending.candidate(account).orElseThrow(
                                    () -> ProblemException.invalid("account", "vneid.merge.account"));
                    if (throttle.blocked(candidate.username(), req.getRemoteAddr())) {
                        throw ProblemException.invalid("password", "error.login.throttled");
                    }
                    if (password == null || password.isEmpty() || password.length() > 128) {
                        throw ProblemException.invalid("password", "vneid.merge.password");
                    }
                    try {
                        result = login.merge(pending, candidate.accountId(), password);
                    } catch (ProblemException e) {
                        if (e.errors().stream().anyMatch(p -> "password".equals(p.field()))) {
                            throttle.failed(candidate.username(), req.getRemoteAddr());
                        }
                        throw e;
                    }
                    throttle.succeeded(candidate.username(), req.getRemoteAddr());
                }
                case "separate" -> result = login.separate(pending);
                case "cancel" -> {
                    session.removeAttribute(VneidSecurity.PENDING);
                    return "redirect:/dang-nhap?vneid=" + VneidOutcome.ABANDONED.code;
                }
                default -> throw ProblemException.invalid("decision", "vneid.merge.decision");
            }
            session.removeAttribute(VneidSecurity.PENDING);
            if (result instanceof VneidLogin.Refused r) {
                return "redirect:/dang-nhap?vneid=" + r.outcome().code;
            }
            req.changeSessionId();
            VneidSecurity.logIn(((VneidLogin.LoggedIn) result).principal(), req, res, VneidSecurity.CONTEXTS);
            return "redirect:/ho-so";
        } catch (ProblemException e) {
            if (e.status().value() == 409 && "vneid.merge.expired".equals(e.detailKey())) {
                session.removeAttribute(VneidSecurity.PENDING);
                return "redirect:/dang-nhap?vneid=" + VneidOutcome.ABANDONED.code;
            }
            res.setStatus(e.status().value());
            List<FieldProblem> errors = e.errors().isEmpty()
                    ? List.of(FieldProblem.of("decision", e.detailKey(), e.args())) : e.errors();
            show(model, pending, errors);
            return "identity/vneid-link";
        }
    }

    private VneidLogin.PendingMerge pending(HttpSession session) {
        if (session == null || !(session.getAttribute(VneidSecurity.PENDING) instanceof VneidLogin.PendingMerge p)) {
            return null;
        }
        if (p.expires().isBefore(clock.instant())) {
            session.removeAttribute(VneidSecurity.PENDING);
            return null;
        }
        return p;
    }

    private static void show(Model model, VneidLogin.PendingMerge pending, List<FieldProblem> errors) {
        model.addAttribute("claims", pending.claims());
        model.addAttribute("masked", pending.claims().maskedIdNumber());
        model.addAttribute("candidates", pending.candidates());
        model.addAttribute("errors", errors);
    }
}
