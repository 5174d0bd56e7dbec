package vn.motcua.certification.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.catalog.FeeQuote;
import vn.motcua.certification.CertificationRequest;
import vn.motcua.certification.internal.CertificationHistoryEntry;
import vn.motcua.certification.internal.CertificationService;
import vn.motcua.platform.Actor;
import vn.motcua.platform.Channel;
import vn.motcua.platform.ProblemException;

/**
 * {@code /api/v1/certifications}: electronic certified copies. A citizen asks online (the scan of the original
 * uploaded first to {@code /api/v1/files}); a certifier or the reception records a counter request; the agency's
 * officers act on it ({@code COMPARE}, {@code SIGN}, {@code SEAL}, {@code REFUSE}, {@code CANCEL}) with the version they
 * saw; the applicant may cancel before signing and downloads the issued e-copy.
 */
@RestController
class CertificationApi {

    private final CertificationService service;

    CertificationApi(CertificationService service) {
        this.service = service;
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Ask for electronic certified copies of a document (chứng thực bản sao điện tử)")
    @PostMapping("/api/v1/certifications")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Asked: the request "
            + "and what it costs")
    ResponseEntity<CertificationRequest> create(Actor actor, @RequestBody CertificationService.Application body) {
        if (body == null) {
            throw ProblemException.invalid("documentName", "certification.documentName.required");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(service.create(actor, body));
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "The applicant's own certification requests")
    @GetMapping("/api/v1/certifications/mine")
    List<CertificationRequest> mine(Actor actor) {
        return service.mine(actor);
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "The certifying officer's queue")
    @GetMapping("/api/v1/certifications/queue")
    List<CertificationRequest> queue(Actor actor, @RequestParam(defaultValue = "true") boolean open) {
        return service.queue(actor, open);
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "The certification fee for a number of pages and copies (from the catalogue)")
    @GetMapping("/api/v1/certifications/fee")
    FeeQuote fee(Actor actor, @RequestParam int pages, @RequestParam(defaultValue = "1") int copies,
                 @RequestParam(defaultValue = "ONLINE") Channel channel) {
        if (pages < 1 || pages > 2000) {
            throw ProblemException.invalid("pages", "error.param.range", 1, 2000);
        }
        if (copies < 1 || copies > 100) {
            throw ProblemException.invalid("copies", "error.param.range", 1, 100);
        }
        return service.quote(pages, copies, channel);
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "One certification request")
    @GetMapping("/api/v1/certifications/{code}")
    CertificationRequest one(Actor actor, @PathVariable String code) {
        return service.find(actor, code);
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "The history of a certification request")
    @GetMapping("/api/v1/certifications/{code}/history")
    List<CertificationHistoryEntry> history(Actor actor, @PathVariable String code) {
        return service.history(actor, code);
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Act on a certification request (compare, sign, seal, refuse, cancel)")
    @PostMapping("/api/v1/certifications/{code}/actions")
    CertificationRequest act(Actor actor, @PathVariable String code,
                             @RequestBody CertificationService.ActionBody body) {
        return service.act(actor, code, body);
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "The signed electronic certified copy (PDF)")
    @GetMapping("/api/v1/certifications/{code}/copy.pdf")
    ResponseEntity<byte[]> copy(Actor actor, @PathVariable String code) {
        return ResponseEntity.ok().header("Content-Type", "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"ban-sao-dien-tu-" + code + ".pdf\"")
                .body(service.copy(actor, code));
    }
}
