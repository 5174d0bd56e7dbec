package vn.motcua.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.identity.CitizenProfile;
import vn.motcua.identity.internal.AccountService;
import vn.motcua.identity.internal.Registration;
import vn.motcua.identity.internal.TokenService;
import vn.motcua.platform.Actor;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;

/** Log-in for API clients, citizen sign-up, and the caller's own profile. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts")
class IdentityApi {

    private final TokenService tokens;
    private final Registration registration;
    private final AccountService accounts;
    private final vn.motcua.identity.internal.AccountAdmin accountAdmin;

    private final vn.motcua.platform.limits.RateLimits limits;
    private final org.springframework.context.MessageSource messages;

    IdentityApi(TokenService tokens, Registration registration, AccountService accounts,
                vn.motcua.identity.internal.AccountAdmin accountAdmin, vn.motcua.platform.limits.RateLimits limits,
                org.springframework.context.MessageSource messages) {
        this.limits = limits;
        this.messages = messages;
        this.accountAdmin = accountAdmin;
        this.tokens = tokens;
        this.registration = registration;
        this.accounts = accounts;
    }

    record TokenRequest(String username, String password) {
    }

    /** A bearer token (OAuth 2 style names). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "Token")
    record Token(@com.fasterxml.jackson.annotation.JsonProperty("access_token") @org.jspecify.annotations.NonNull
                 String accessToken,
                 @com.fasterxml.jackson.annotation.JsonProperty("token_type")
                 @io.swagger.v3.oas.annotations.media.Schema(allowableValues = "Bearer") @org.jspecify.annotations.NonNull
                 String tokenType,
                 @com.fasterxml.jackson.annotation.JsonProperty("expires_in") long expiresIn) {
    }

    @PostMapping("/auth/token")
    @Operation(summary = "Exchange a username and password for a bearer token")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The token",
            useReturnTypeSchema = true)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "401",
            description = "Wrong username or password (bad credentials)")
    Token token(@RequestBody TokenRequest body, jakarta.servlet.http.HttpServletRequest request) {
        var issued = tokens.login(body.username(), body.password(), request.getRemoteAddr())
                .orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "error.login.failed", null, List.of()));
        return new Token(issued.token(), "Bearer", issued.expiresInSeconds());
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/auth/token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke the bearer token of this request (log out an API client)")
    void revoke(jakarta.servlet.http.HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.revoke(header.substring(7).trim());
        }
    }

    record SignUp(String username, String password, String fullName, String email, String phone) {
    }

    /** The answer to a sign-up: the same whether the name was free (created) or taken (nothing created). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "SignUpAnswer", requiredProperties = {"username", "message"})
    record SignUpAnswer(String username, String message) {
    }

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Create a citizen account (the answer does not tell whether the name was already taken)")
    SignUpAnswer signUp(@RequestBody SignUp body, jakarta.servlet.http.HttpServletRequest request,
                        java.util.Locale locale) {
        limits.check(vn.motcua.platform.limits.LimitKind.SIGN_UP_SOURCE, request.getRemoteAddr());
        String name = body == null || body.username() == null ? "" : body.username().trim().toLowerCase(java.util.Locale.ROOT);
        registration.registerCitizen(body == null ? null : body.username(), body == null ? null : body.password(),
                body == null ? null : body.fullName(), body == null ? null : body.email(),
                body == null ? null : body.phone());
        return new SignUpAnswer(name, messages.getMessage("register.done", new Object[] {name}, locale));
    }

    /** The caller's account. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "Me", requiredProperties = {"id", "username", "displayName",
            "roles"})
    record Me(long id, @io.swagger.v3.oas.annotations.media.Schema(example = "congdan1") String username,
              @io.swagger.v3.oas.annotations.media.Schema(example = "Nguyễn Văn An") String displayName,
              Set<vn.motcua.platform.Role> roles,
              @io.swagger.v3.oas.annotations.media.Schema(description = "officers' agency; null for citizens",
                      nullable = true) String agencyCode) {
    }

    @GetMapping("/me")
    @Operation(summary = "The caller's account")
    Me me(Actor actor) {
        return new Me(actor.accountId(), actor.username(), actor.displayName(), actor.roles(), actor.agencyCode());
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    @PostMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change the caller's password (required after an administrator's reset)")
    void changePassword(Actor actor, @RequestBody PasswordChange body) {
        accountAdmin.changeOwnPassword(actor.accountId(), body.currentPassword(), body.newPassword());
    }

    @GetMapping("/me/profile")
    @Operation(summary = "The citizen's profile, used to pre-fill forms")
    CitizenProfile profile(Actor actor) {
        return accounts.profile(actor.accountId())
                .orElse(new CitizenProfile(actor.displayName(), null, null, null, null, null, null));
    }

    @PutMapping("/me/profile")
    @Operation(summary = "Save the citizen's profile")
    CitizenProfile saveProfile(Actor actor, @RequestBody CitizenProfile body) {
        return registration.saveProfile(actor.accountId(), body);
    }
}
