package vn.motcua.dossier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.motcua.documents.FileStore;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.internal.Transitions;
import vn.motcua.dossier.internal.DossierDocuments;
import vn.motcua.dossier.internal.DossierQueries;
import vn.motcua.dossier.internal.DossierRecord;
import vn.motcua.dossier.internal.DossierViews;
import vn.motcua.dossier.internal.IntakeService;
import vn.motcua.platform.Actor;
import vn.motcua.platform.PageResult;
import vn.motcua.platform.ProblemException;
import vn.motcua.signing.PaperSize;

/** The applicant's side: apply online, follow, supply, withdraw, rate, download receipts and results. */
@RestController
@RequestMapping("/api/v1/dossiers")
@Tag(name = "Dossiers — applicant")
class DossierApi {

    private final IntakeService intake;
    private final Transitions actions;
    private final DossierQueries queries;
    private final DossierViews views;
    private final DossierDocuments documents;
    private final FileStore files;

    DossierApi(IntakeService intake, Transitions actions, DossierQueries queries, DossierViews views,
               DossierDocuments documents, FileStore files) {
        this.intake = intake;
        this.actions = actions;
        this.queries = queries;
        this.views = views;
        this.documents = documents;
        this.files = files;
    }

    @PostMapping
    @Operation(summary = "Submit online: status SUBMITTED with a dossier code at once (Idempotency-Key supported)")
    @ApiResponse(responseCode = "201", description = "Submitted; Location is the dossier's address",
            headers = @Header(name = "Location", description = "/api/v1/dossiers/{code}",
                    schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = DossierSchemas.Full.class)))
    ResponseEntity<Map<String, Object>> submit(Actor actor, @RequestBody IntakeRequest body,
                                               @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                               Locale locale) {
        var created = intake.submitOnline(actor, body, key, locale);
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + created.dossier().code()))
                .body(views.full(created.dossier(), actor, false, locale));
    }

    @GetMapping
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = DossierSchemas.SummaryPage.class)))
    @Operation(summary = "The caller's dossiers, newest first (the 'mine' parameter is accepted and implied)")
    PageResult<Map<String, Object>> mine(Actor actor, @RequestParam(required = false) String mine,
                                         @RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "20") int size, Locale locale) {
        var result = queries.mine(actor, page, size);
        return new PageResult<>(result.items().stream().map(d -> views.summary(d, locale)).toList(), result.total(),
                result.page(), result.size());
    }

    @GetMapping("/{code}")
    @ApiResponse(responseCode = "200", description = "The dossier; ETag is its version",
            content = @Content(schema = @Schema(implementation = DossierSchemas.Full.class)))
    @Operation(summary = "The whole dossier, to its owner; ETag is its version (send it back as If-Match or version)")
    ResponseEntity<Map<String, Object>> one(Actor actor, @PathVariable String code, Locale locale) {
        DossierRecord d = own(actor, code);
        return ResponseEntity.ok().eTag("\"" + d.version() + "\"").body(views.full(d, actor, false, locale));
    }

    @GetMapping("/{code}/history")
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = DossierSchemas.History.class))))
    @Operation(summary = "The dossier's history, to its owner")
    List<Map<String, Object>> history(Actor actor, @PathVariable String code, Locale locale) {
        return views.historyForApplicant(own(actor, code), locale);
    }

    /** What the applicant supplies; {@code version} the dossier version they saw (or If-Match). */
    record Supplement(@Nullable List<IntakeRequest.AttachmentRef> attachments, @Nullable JsonNode form, @Nullable String note,
                      @Nullable Integer version) {
    }

    @PostMapping("/{code}/supplements")
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = DossierSchemas.Full.class)))
    @Operation(summary = "Supply what a supplement request asked for; version (or If-Match) required, 409 when stale")
    Map<String, Object> supply(Actor actor, @PathVariable String code, @RequestBody Supplement body,
                               @RequestHeader(name = "If-Match", required = false) String ifMatch, Locale locale) {
        return views.full(actions.supply(actor, code, version(body.version(), ifMatch), body.attachments(), body.form(),
                body.note(), locale), actor, false, locale);
    }

    /** Why the applicant withdraws (optional), and the version they saw. */
    record Withdrawal(@Nullable String reason, @Nullable Integer version) {
    }

    @PostMapping("/{code}/withdraw")
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = DossierSchemas.Full.class)))
    @Operation(summary = "Withdraw the dossier (rút hồ sơ) while it is not finished; version (or If-Match) required")
    Map<String, Object> withdraw(Actor actor, @PathVariable String code,
                                 @RequestBody(required = false) Withdrawal body,
                                 @RequestHeader(name = "If-Match", required = false) String ifMatch, Locale locale) {
        return views.full(actions.withdraw(actor, code, version(body == null ? null : body.version(), ifMatch),
                body == null ? null : body.reason()), actor, false, locale);
    }

    /** A rating of the handling, and the version the applicant saw. */
    record Rating(@Schema(allowableValues = {"SATISFIED", "NEUTRAL", "UNSATISFIED"}) String rating,
                  @Nullable String comment, @Nullable Integer version) {
    }

    @PostMapping("/{code}/rating")
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = DossierSchemas.Full.class)))
    @Operation(summary = "Rate the handling once after the result is returned: SATISFIED, NEUTRAL or UNSATISFIED; "
            + "version (or If-Match) required")
    Map<String, Object> rate(Actor actor, @PathVariable String code, @RequestBody Rating body,
                             @RequestHeader(name = "If-Match", required = false) String ifMatch, Locale locale) {
        return views.full(actions.rate(actor, code, version(body.version(), ifMatch), body.rating(), body.comment()),
                actor, false, locale);
    }

    /** The version the caller saw: the body's, else the If-Match header's ({@code "3"}, {@code W/"3"} or 3). */
    static Integer version(Integer body, String ifMatch) {
        if (body != null) {
            return body;
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "dossier.version.required");
        }
    }

    @GetMapping("/{code}/receipt.pdf")
    @Operation(summary = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (form 01), after acceptance")
    ResponseEntity<byte[]> receipt(Actor actor, @PathVariable String code,
                                   @RequestParam(defaultValue = "A4") String size) {
        return pdf(documents.receipt(own(actor, code), paper(size)), "giay-tiep-nhan-" + code + ".pdf");
    }

    @GetMapping("/{code}/notices/{kind}.pdf")
    @Operation(summary = "A notice of the dossier: supplement (form 02), refusal (03), apology (04), rejection")
    ResponseEntity<byte[]> notice(Actor actor, @PathVariable String code, @PathVariable String kind,
                                  @RequestParam(defaultValue = "A4") String size) {
        return pdf(documents.notice(own(actor, code), kind, paper(size)), kind + "-" + code + ".pdf");
    }

    @GetMapping("/{code}/files/{fileId}")
    @Operation(summary = "A document of the dossier (results only once returned)")
    ResponseEntity<byte[]> file(Actor actor, @PathVariable String code, @PathVariable UUID fileId, Locale locale) {
        DossierRecord d = own(actor, code);
        @SuppressWarnings("unchecked")
        var atts = (List<Map<String, Object>>) views.full(d, actor, false, locale).get("attachments");
        return inline(atts, fileId, files);
    }

    /** One of a dossier's documents, shown in the browser; only those listed in {@code attachments} are given. */
    static ResponseEntity<byte[]> inline(List<Map<String, Object>> attachments, UUID fileId, FileStore files) {
        var att = attachments.stream().filter(a -> fileId.equals(a.get("fileId"))).findFirst()
                .orElseThrow(() -> ProblemException.notFound("error.file.notFound"));
        byte[] content = files.content(fileId).orElseThrow(() -> ProblemException.notFound("error.file.notFound"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType((String) att.get("contentType")))
                .header("Content-Disposition", ContentDisposition.inline()
                        .filename((String) att.get("name"), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    private DossierRecord own(Actor actor, String code) {
        return queries.forApplicant(actor, code).orElseThrow(() -> ProblemException.notFound("dossier.notFound", code));
    }

    static PaperSize paper(String size) {
        return "A5".equalsIgnoreCase(size) ? PaperSize.A5 : PaperSize.A4;
    }

    static ResponseEntity<byte[]> pdf(byte[] content, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline().filename(name).build().toString())
                .header("Cache-Control", "private, no-store")
                .body(content);
    }

}
