package vn.motcua.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.identity.internal.AccountAdmin;
import vn.motcua.identity.internal.AccountAdmin.AccountInput;
import vn.motcua.identity.internal.AccountAdmin.AccountView;
import vn.motcua.identity.internal.AccountAdmin.ImportResult;
import vn.motcua.identity.internal.AccountAdmin.WithPassword;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.platform.Actor;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;
import vn.motcua.platform.audit.AdminAudit;

/**
 * The pages of account administration under {@code /quan-tri/tai-khoan} (list, create, edit, deactivate, reset the
 * password, import) and the forced password change {@code /doi-mat-khau}. Server-rendered, no JavaScript needed.
 */
@Controller
class AccountAdminPages {

    private final AccountAdmin admin;
    private final Organization organization;
    private final AdminAudit audit;

    AccountAdminPages(AccountAdmin admin, Organization organization, AdminAudit audit) {
        this.admin = admin;
        this.organization = organization;
        this.audit = audit;
    }

    /** The account form as posted. */
    record AccountForm(String username, String fullName, String email, String phone, String agencyCode,
                       List<String> roles, Boolean active, Integer version, String position) {

        static AccountForm empty(Actor actor) {
            return new AccountForm("", "", "", "", actor.has(Role.ADMIN) ? "" : actor.agencyCode(), List.of(),
                    true, null, "");
        }

        static AccountForm of(AccountView v) {
            return new AccountForm(v.username(), v.fullName(), v.email(), v.phone(), v.agencyCode(),
                    v.roles().stream().map(Role::name).toList(), v.active(), v.version(),
                    v.position() == null ? "" : v.position());
        }

        AccountInput input() {
            return new AccountInput(username, fullName, email, phone, agencyCode, roles == null ? List.of() : roles,
                    active != null && active, version, position == null ? "" : position);
        }
    }

    @GetMapping("/quan-tri/tai-khoan")
    String list(Actor actor, @RequestParam(required = false) String agency, @RequestParam(required = false) String q,
                Model model) {
        model.addAttribute("accounts", admin.list(actor, agency, q, true));
        model.addAttribute("agency", agency);
        model.addAttribute("q", q);
        model.addAttribute("agencies", agencies(actor));
        return "admin/accounts";
    }

    @GetMapping("/quan-tri/tai-khoan/moi")
    String newAccount(Actor actor, Model model) {
        return form(actor, AccountForm.empty(actor), true, List.of(), model);
    }

    @PostMapping("/quan-tri/tai-khoan/moi")
    String create(Actor actor, AccountForm form, Model model) {
        try {
            WithPassword created = admin.create(actor, form.input());
            model.addAttribute("created", created);
            return edit(actor, created.account().username(), model);
        } catch (ProblemException e) {
            return form(actor, form, true, e.problems(), model);
        }
    }

    @GetMapping("/quan-tri/tai-khoan/{username}")
    String edit(Actor actor, @PathVariable String username, Model model) {
        AccountView v = admin.get(actor, username);
        model.addAttribute("account", v);
        model.addAttribute("history", audit.list(new AdminAudit.Query(AdminAudit.Subject.ACCOUNT, v.username(), null,
                50)));
        return form(actor, AccountForm.of(v), false, List.of(), model);
    }

    @PostMapping("/quan-tri/tai-khoan/{username}")
    String update(Actor actor, @PathVariable String username, AccountForm form, Model model,
                  RedirectAttributes redirect) {
        try {
            AccountView v = admin.update(actor, username, form.input());
            redirect.addFlashAttribute("saved", v.username());
            return "redirect:/quan-tri/tai-khoan/" + v.username();
        } catch (ProblemException e) {
            model.addAttribute("account", admin.get(actor, username));
            return form(actor, form, false, e.problems(), model);
        }
    }

    @PostMapping("/quan-tri/tai-khoan/{username}/ngung-hoat-dong")
    String deactivate(Actor actor, @PathVariable String username, @RequestParam(required = false) Integer version,
                      Model model, RedirectAttributes redirect) {
        try {
            admin.deactivate(actor, username, version);
        } catch (ProblemException e) {
            model.addAttribute("errors", e.problems());
            return edit(actor, username, model);
        }
        redirect.addFlashAttribute("deactivated", username);
        return "redirect:/quan-tri/tai-khoan/" + username;
    }

    @PostMapping("/quan-tri/tai-khoan/{username}/dat-lai-mat-khau")
    String reset(Actor actor, @PathVariable String username, @RequestParam(required = false) Integer version,
                 Model model) {
        try {
            model.addAttribute("created", admin.resetPassword(actor, username, version));
        } catch (ProblemException e) {
            model.addAttribute("errors", e.problems());
        }
        return edit(actor, username, model);
    }

    private String form(Actor actor, AccountForm form, boolean creating, List<FieldProblem> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("creating", creating);
        if (!model.containsAttribute("errors") || !errors.isEmpty()) {
            model.addAttribute("errors", errors);
        }
        model.addAttribute("agencies", agencies(actor));
        model.addAttribute("grantable", actor.has(Role.ADMIN)
                ? List.of(Role.RECEPTION, Role.SPECIALIST, Role.LEADER, Role.ACCOUNTANT, Role.CERTIFIER,
                        Role.AGENCY_ADMIN, Role.MONITORING, Role.ADMIN)
                : List.of(Role.RECEPTION, Role.SPECIALIST, Role.LEADER, Role.ACCOUNTANT, Role.CERTIFIER));
        return "admin/account";
    }

    private List<Agency> agencies(Actor actor) {
        if (actor.has(Role.ADMIN)) {
            return organization.allAgencies();
        }
        return organization.agency(actor.agencyCode()).map(List::of).orElse(List.of());
    }

    // ---------------------------------------------------------------- import

    @GetMapping("/quan-tri/tai-khoan/nhap")
    String importForm() {
        return "admin/accounts-import";
    }

    @PostMapping("/quan-tri/tai-khoan/nhap")
    String importPreview(Actor actor, @RequestParam("file") MultipartFile file, Model model) throws IOException {
        String name = file.getOriginalFilename() == null ? "accounts.csv" : file.getOriginalFilename();
        return runImport(actor, name, file.getBytes(), false, model);
    }

    @PostMapping("/quan-tri/tai-khoan/nhap/ap-dung")
    String importApply(Actor actor, @RequestParam String fileName, @RequestParam String content, Model model) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(content);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        return runImport(actor, fileName, bytes, true, model);
    }

    private String runImport(Actor actor, String fileName, byte[] bytes, boolean apply, Model model) {
        try {
            ImportResult r = admin.importFile(actor, fileName, bytes, apply);
            model.addAttribute("result", r);
            model.addAttribute("fileName", fileName);
            model.addAttribute("content", Base64.getEncoder().encodeToString(bytes));
        } catch (ProblemException e) {
            model.addAttribute("errors", e.problems());
        }
        return "admin/accounts-import";
    }

    // ---------------------------------------------------------------- own password

    @GetMapping("/doi-mat-khau")
    String passwordForm(Actor actor, Model model, HttpServletRequest request) {
        model.addAttribute("forced", forced(request));
        return "identity/password";
    }

    @PostMapping("/doi-mat-khau")
    String changePassword(Actor actor, @RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String newPassword, Model model,
                          HttpServletRequest request, HttpServletResponse response) {
        try {
            admin.changeOwnPassword(actor.accountId(), currentPassword, newPassword);
        } catch (ProblemException e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("forced", forced(request));
            return "identity/password";
        }
        new SecurityContextLogoutHandler().logout(request, response,
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication());
        return "redirect:/dang-nhap?doi-mat-khau";
    }

    private static boolean forced(HttpServletRequest request) {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof vn.motcua.identity.internal.AccountPrincipal p
                && p.mustChangePassword();
    }
}
