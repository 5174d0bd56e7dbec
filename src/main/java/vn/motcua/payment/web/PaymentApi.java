package vn.motcua.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.PayableDossier;
import vn.motcua.payment.PaymentCategory;
import vn.motcua.payment.internal.PaymentRecord;
import vn.motcua.payment.internal.PaymentService;
import vn.motcua.payment.receipt.EReceipts;
import vn.motcua.platform.Actor;
import vn.motcua.platform.ProblemException;

/** Paying a dossier's fees: start an attempt, list them, one attempt; cash at the counter. */
@RestController
@Tag(name = "Payments")
class PaymentApi {

    private final PaymentService payments;
    private final EReceipts receipts;

    PaymentApi(PaymentService payments, EReceipts receipts) {
        this.payments = payments;
        this.receipts = receipts;
    }

    /** The channel chosen: VNPAY or PAYMENT_PLATFORM (what GET .../payments lists as {@code channels}). */
    record StartPayment(String channel) {
    }

    @PostMapping("/api/v1/dossiers/{code}/payments")
    @Operation(summary = "Start paying what the dossier owes (the amount comes from the catalogue's quote, never from "
            + "the client): 201 {paymentId, reference, amount, status, redirectUrl}; an attempt still open is given "
            + "back (200) instead of a second one; 503 when the gateway cannot be reached (retry)")
    @ApiResponse(responseCode = "201", description = "The attempt started; Location is its address",
            content = @Content(schema = @Schema(implementation = PaymentSchemas.Payment.class)))
    @ApiResponse(responseCode = "200", description = "An attempt still open, given back (a second click)",
            content = @Content(schema = @Schema(implementation = PaymentSchemas.Payment.class)))
    @ApiResponse(responseCode = "409", description = "Nothing due, the amount not set yet, another attempt open or "
            + "the dossier finished")
    @ApiResponse(responseCode = "503", description = "The gateway could not be reached: the attempt is closed as "
            + "FAILED, the dossier unchanged; retry")
    ResponseEntity<Map<String, Object>> start(Actor actor, @PathVariable String code,
                                              @RequestBody(required = false) StartPayment body,
                                              HttpServletRequest request) {
        var started = payments.start(actor, code, body == null ? null : body.channel(), request.getRemoteAddr(),
                base(request));
        Map<String, Object> view = PaymentViews.of(started.payment());
        return started.created()
                ? ResponseEntity.created(URI.create("/api/v1/payments/" + started.payment().id())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/api/v1/dossiers/{code}/payments")
    @Operation(summary = "The dossier's payment attempts (to its applicant and to officers who see it), with what "
            + "it owes: {items, total, fee, paid, due, channels}")
    @ApiResponse(responseCode = "200", description = "The attempts and what the dossier owes",
            content = @Content(schema = @Schema(
                    implementation = PaymentSchemas.DossierPayments.class)))
    Map<String, Object> list(Actor actor, @PathVariable String code) {
        PayableDossier d = payments.dossier(actor, code);
        List<PaymentRecord> list = payments.list(actor, code);
        long due = payments.due(d);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", list.stream().map(PaymentViews::of).toList());
        m.put("total", list.size());
        m.put("fee", Map.of("total", d.feeAmount(), "complete", d.feeComplete(), "items", d.feeItems()));
        m.put("paid", d.feeAmount() - due);
        m.put("due", due);
        m.put("channels", payments.onlineChannels());
        return m;
    }

    @GetMapping("/api/v1/payments/{paymentId}")
    @Operation(summary = "One payment attempt, to the dossier's applicant and to officers who see the dossier")
    @ApiResponse(responseCode = "200", description = "The attempt",
            content = @Content(schema = @Schema(implementation = PaymentSchemas.Payment.class)))
    Map<String, Object> one(Actor actor, @PathVariable String paymentId) {
        return PaymentViews.of(visible(actor, paymentId));
    }

    @PostMapping("/api/v1/office/dossiers/{code}/payments/cash")
    @Operation(summary = "The one-stop records the fee paid in cash at the counter (never counted as online); the "
            + "dossier takes it like an online payment")
    @ApiResponse(responseCode = "201", description = "Recorded (status SUCCEEDED, method CASH)",
            content = @Content(schema = @Schema(implementation = PaymentSchemas.Payment.class)))
    @ApiResponse(responseCode = "409", description = "Nothing due, an online attempt open, or the dossier finished")
    ResponseEntity<Map<String, Object>> cash(Actor actor, @PathVariable String code) {
        PaymentRecord r = payments.recordCash(actor, code);
        return ResponseEntity.created(URI.create("/api/v1/payments/" + r.id())).body(PaymentViews.of(r));
    }

    @GetMapping("/api/v1/payments/{paymentId}/receipt.pdf")
    @Operation(summary = "An electronic receipt (biên lai điện tử) of a paid attempt: PDF signed by the collecting "
            + "agency (PAdES), its XML data embedded. One receipt per category of the lines paid (phí, lệ phí, other "
            + "financial obligations: the attempt's receipts list them); without category the first; 404 while not "
            + "paid or without a receipt of that category")
    @ApiResponse(responseCode = "200", description = "The signed PDF")
    @ApiResponse(responseCode = "400", description = "category is not PHI, LE_PHI or NGHIA_VU_TAI_CHINH")
    ResponseEntity<byte[]> receipt(Actor actor, @PathVariable String paymentId,
                                   @io.swagger.v3.oas.annotations.Parameter(description = "PHI, LE_PHI or "
                                           + "NGHIA_VU_TAI_CHINH (default: the first receipt)")
                                   @org.springframework.web.bind.annotation.RequestParam(required = false)
                                   String category) {
        PaymentCategory c = category(category);
        PaymentRecord r = visible(actor, paymentId);
        return pdf(receipts.pdf(r, c), receiptName(r, c, "pdf"));
    }

    @GetMapping("/api/v1/payments/{paymentId}/receipt.xml")
    @Operation(summary = "An electronic receipt's data in XML (the tax authority's data part), per category as the "
            + "PDF; 404 while not paid")
    @ApiResponse(responseCode = "200", description = "The receipt's XML data")
    @ApiResponse(responseCode = "400", description = "category is not PHI, LE_PHI or NGHIA_VU_TAI_CHINH")
    ResponseEntity<String> receiptXml(Actor actor, @PathVariable String paymentId,
                                      @org.springframework.web.bind.annotation.RequestParam(required = false)
                                      String category) {
        PaymentCategory c = category(category);
        PaymentRecord r = visible(actor, paymentId);
        String xml = receipts.xml(r.id(), c).orElseThrow(() -> ProblemException.notFound("payment.receipt.none",
                r.reference()));
        return ResponseEntity.ok().contentType(new MediaType("application", "xml", StandardCharsets.UTF_8))
                .header("Content-Disposition", ContentDisposition.inline().filename(receiptName(r, c, "xml")).build()
                        .toString())
                .header("Cache-Control", "private, no-store").body(xml);
    }

    static ResponseEntity<byte[]> pdf(byte[] content, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline().filename(name).build().toString())
                .header("Cache-Control", "private, no-store")
                .body(content);
    }

    static String receiptName(PaymentRecord r, PaymentCategory category, String extension) {
        return "bien-lai-" + r.reference() + (category == null ? "" : "-" + category.key().replace('_', '-')) + "."
                + extension;
    }

    /** The receipt's category asked for: null (the first), else PHI, LE_PHI or NGHIA_VU_TAI_CHINH (any case). */
    static PaymentCategory category(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        try {
            return PaymentCategory.valueOf(category.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("category", "payment.receipt.category.invalid", category);
        }
    }

    /** This site as the request reached it (used when motcua.payment.public-base-url is not set). */
    static String base(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean standard = ("http".equals(request.getScheme()) && port == 80)
                || ("https".equals(request.getScheme()) && port == 443);
        return request.getScheme() + "://" + request.getServerName() + (standard ? "" : ":" + port)
                + request.getContextPath();
    }

    /** The attempt if the actor sees its dossier; else 404 (nobody learns that it exists). */
    PaymentRecord visible(Actor actor, String paymentId) {
        return visible(payments, actor, paymentId);
    }

    static PaymentRecord visible(PaymentService payments, Actor actor, String paymentId) {
        UUID id;
        try {
            id = UUID.fromString(paymentId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("payment.notFound", paymentId);
        }
        PaymentRecord r = payments.find(id).orElseThrow(() -> ProblemException.notFound("payment.notFound", paymentId));
        try {
            payments.dossier(actor, r.dossierCode());
        } catch (ProblemException e) {
            throw ProblemException.notFound("payment.notFound", paymentId);
        }
        return r;
    }
}
