package vn.motcua.signing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.platform.ProblemException;
import vn.motcua.signing.DocumentVerifier;
import vn.motcua.signing.SignedDocuments;

/**
 * {@code /xac-thuc}: the public page that checks a signed PDF (upload), and {@code /xac-thuc/{id}}: the page a
 * document's QR code opens, with the register's entry, the check of the kept copy and an upload to compare one's
 * own copy with it.
 */
@Controller
class VerifyPage {

    private final DocumentVerifier verifier;
    private final SignedDocuments register;
    private final vn.motcua.platform.limits.RateLimits limits;
    private final MessageSource messages;
    /** The province's time zone (the calendar's): signing times are shown in it. */
    private final java.time.ZoneId zone;

    VerifyPage(DocumentVerifier verifier, SignedDocuments register, vn.motcua.platform.limits.RateLimits limits, MessageSource messages,
               java.time.ZoneId zone) {
        this.zone = zone;
        this.verifier = verifier;
        this.register = register;
        this.limits = limits;
        this.messages = messages;
    }

    @GetMapping("/xac-thuc")
    String form() {
        return "signing/verify";
    }

    @PostMapping("/xac-thuc")
    String check(@RequestParam(value = "file", required = false) MultipartFile file, HttpServletRequest request,
                 Locale locale, Model model) {
        try {
            byte[] pdf = VerifyApi.upload(file);
            limits.check(vn.motcua.platform.limits.LimitKind.VERIFY, request.getRemoteAddr());
            model.addAttribute("v", VerifyView.of(verifier.verify(pdf), null, messages, zone, locale));
        } catch (ProblemException e) {
            model.addAttribute("error", messages.getMessage(e.errors().isEmpty() ? e.detailKey()
                    : e.errors().getFirst().messageKey(), e.errors().isEmpty() ? e.args()
                    : e.errors().getFirst().args(), locale));
        }
        return "signing/verify";
    }

    @GetMapping("/xac-thuc/{id}")
    String registered(@PathVariable String id, HttpServletRequest request, Locale locale, Model model) {
        return registered(id, null, request, locale, model);
    }

    @PostMapping("/xac-thuc/{id}")
    String compare(@PathVariable String id, @RequestParam(value = "file", required = false) MultipartFile file,
                   HttpServletRequest request, Locale locale, Model model) {
        byte[] copy;
        try {
            copy = VerifyApi.upload(file);
        } catch (ProblemException e) {
            model.addAttribute("error", messages.getMessage(e.errors().getFirst().messageKey(),
                    e.errors().getFirst().args(), locale));
            return registered(id, null, request, locale, model);
        }
        return registered(id, copy, request, locale, model);
    }

    private String registered(String id, byte[] copy, HttpServletRequest request, Locale locale, Model model) {
        UUID key = VerifyApi.key(id);
        limits.check(vn.motcua.platform.limits.LimitKind.VERIFY, request.getRemoteAddr());
        var doc = register.find(key).orElseThrow(() -> ProblemException.notFound("signing.verify.unknown"));
        byte[] pdf = copy != null ? copy
                : register.content(key).orElseThrow(() -> ProblemException.notFound("signing.verify.unknown"));
        String uploadedSha = copy == null ? null : HexFormat.of().formatHex(sha256(copy));
        model.addAttribute("v", VerifyView.of(verifier.verify(pdf), doc, uploadedSha, messages, zone, locale));
        model.addAttribute("id", key.toString());
        return "signing/verify";
    }

    private static byte[] sha256(byte[] b) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
