package vn.motcua.signing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.platform.ProblemException;
import vn.motcua.signing.DocumentVerifier;
import vn.motcua.signing.SignedDocuments;

/**
 * {@code POST /api/v1/verify}: the public check of a signed PDF (multipart field {@code file}); and
 * {@code GET /api/v1/verify/{id}}: the check of a document this system signed, by the key in its QR code.
 * Public, rate-limited.
 */
@RestController
class VerifyApi {

    static final long MAX_SIZE = 20L * 1024 * 1024;

    private final DocumentVerifier verifier;
    private final SignedDocuments register;
    private final vn.motcua.platform.limits.RateLimits limits;
    private final MessageSource messages;
    /** The province's time zone (the calendar's): signing times are shown in it. */
    private final java.time.ZoneId zone;

    VerifyApi(DocumentVerifier verifier, SignedDocuments register, vn.motcua.platform.limits.RateLimits limits, MessageSource messages,
               java.time.ZoneId zone) {
        this.zone = zone;
        this.verifier = verifier;
        this.register = register;
        this.limits = limits;
        this.messages = messages;
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Verify the signatures of a PDF: who signed, when, changed since, trusted")
    @PostMapping(value = "/api/v1/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    VerifyView verify(@RequestParam(value = "file", required = false) MultipartFile file, HttpServletRequest request,
                      Locale locale) {
        byte[] pdf = upload(file);
        limits.check(vn.motcua.platform.limits.LimitKind.VERIFY, request.getRemoteAddr());
        return VerifyView.of(verifier.verify(pdf), null, messages, zone, locale);
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "The verification of a document the system signed (the QR code's target)")
    @GetMapping("/api/v1/verify/{id}")
    VerifyView registered(@PathVariable String id, HttpServletRequest request, Locale locale) {
        UUID key = key(id);
        limits.check(vn.motcua.platform.limits.LimitKind.VERIFY, request.getRemoteAddr());
        var doc = register.find(key).orElseThrow(() -> ProblemException.notFound("signing.verify.unknown"));
        byte[] pdf = register.content(key).orElseThrow(() -> ProblemException.notFound("signing.verify.unknown"));
        return VerifyView.of(verifier.verify(pdf), doc, messages, zone, locale);
    }

    static UUID key(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("signing.verify.unknown");
        }
    }

    /** The uploaded bytes; 400 naming {@code file} when it is missing, empty or too large. */
    static byte[] upload(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalid("file", "signing.verify.file.missing");
        }
        if (file.getSize() > MAX_SIZE) {
            throw ProblemException.invalid("file", "signing.verify.file.tooLarge", MAX_SIZE / (1024 * 1024));
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw ProblemException.invalid("file", "signing.verify.file.missing");
        }
    }
}
