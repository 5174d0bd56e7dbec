package vn.motcua.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.identity.internal.PasswordResets;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.limits.TooManyRequests;

/**
 * "Quên mật khẩu": the account is named on the first page, the code sent and the new password typed on the second.
 * Works without JavaScript. Wrong input re-renders the page with the field named, never a server error; past the
 * limits, 429.
 */
@Controller
class PasswordResetPages {

    private static final int MAX_ACCOUNT = 254;
    private final PasswordResets resets;

    PasswordResetPages(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping("/quen-mat-khau")
    String form(Model model) {
        model.addAttribute("resetAccount", "");
        return "identity/forgot";
    }

    @PostMapping("/quen-mat-khau")
    String send(@RequestParam(defaultValue = "") String resetAccount, Model model, RedirectAttributes redirect,
                HttpServletRequest request) {
        try {
            resets.request(resetAccount, request.getRemoteAddr());
        } catch (TooManyRequests e) {
            throw e;
        } catch (ProblemException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("resetAccount", clip(resetAccount));
            return "identity/forgot";
        }
        redirect.addFlashAttribute("resetAccount", resetAccount.strip());
        redirect.addFlashAttribute("sent", true);
        return "redirect:/quen-mat-khau/nhap-ma";
    }

    @GetMapping("/quen-mat-khau/nhap-ma")
    String codeForm(Model model) {
        if (!model.containsAttribute("resetAccount")) {
            model.addAttribute("resetAccount", "");
        }
        model.addAttribute("minutes", PasswordResets.VALIDITY.toMinutes());
        return "identity/reset";
    }

    @PostMapping("/quen-mat-khau/nhap-ma")
    String reset(@RequestParam(defaultValue = "") String resetAccount, @RequestParam(defaultValue = "") String resetCode,
                 @RequestParam(defaultValue = "") String newPassword, Model model) {
        try {
            resets.reset(resetAccount, resetCode, newPassword);
        } catch (ProblemException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("resetAccount", clip(resetAccount));
            model.addAttribute("minutes", PasswordResets.VALIDITY.toMinutes());
            return "identity/reset";
        }
        return "redirect:/dang-nhap?da-dat-lai";
    }

    private static String clip(String s) {
        return s.length() > MAX_ACCOUNT ? s.substring(0, MAX_ACCOUNT) : s;
    }
}
