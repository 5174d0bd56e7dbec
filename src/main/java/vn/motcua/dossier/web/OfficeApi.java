package vn.motcua.dossier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
import vn.motcua.documents.FileStore;
import vn.motcua.dossier.ActionRequest;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.internal.Transitions;
import vn.motcua.dossier.internal.DossierDocuments;
import vn.motcua.dossier.internal.DossierQueries;
import vn.motcua.dossier.internal.DossierRecord;
import vn.motcua.dossier.internal.DossierRepository;
import vn.motcua.dossier.internal.DossierViews;
import vn.motcua.dossier.internal.IntakeService;
import vn.motcua.platform.Actor;
import vn.motcua.platform.PageResult;
import vn.motcua.platform.ProblemException;

/** The officers' side, always within the officer's jurisdiction (404 otherwise). */
@RestController
@RequestMapping("/api/v1/office/dossiers")
@Tag(name = "Dossiers — office")
class OfficeApi {

    private final IntakeService intake;
    private final Transitions actions;
    private final DossierQueries queries;
    private final DossierViews views;
    private final DossierDocuments documents;
    private final DossierRepository repository;
    private final FileStore files;

    OfficeApi(IntakeService intake, Transitions actions, DossierQueries queries, DossierViews views,
              DossierDocuments documents, DossierRepository repository, FileStore files) {
        this.intake = intake;
        this.actions = actions;
        this.queries = queries;
        this.views = views;
        this.documents = documents;
        this.repository = repository;
        this.files = files;
    }

    @GetMapping
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = DossierSchemas.Queue.class)))
    @Operation(summary = "The work queue: view=TODO|DUE_SOON|OVERDUE|WAITING|ALL, status, overdue, procedure, q; by due moment")
    Map<String, Object> queue(Actor actor, @RequestParam(required = false) String view,
                              @RequestParam(required = false) String status,
                              @RequestParam(required = false) Boolean overdue,
                              @RequestParam(required = false) String procedure,
                              @RequestParam(required = false) String q,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "20") int size, Locale locale) {
        DossierQueries.View v = Boolean.TRUE.equals(overdue) ? DossierQueries.View.OVERDUE
                : view == null || view.isBlank() ? DossierQueries.View.ALL : parse(DossierQueries.View.class, view, "view");
        List<DossierStatus> statuses = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            for (String s : status.split(",")) {
                statuses.add(parse(DossierStatus.class, s, "status"));
            }
        }
        PageResult<DossierRecord> result = queries.officerQueue(actor, v, statuses, procedure, q, page, size);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", result.items().stream().map(d -> views.summary(d, locale)).toList());
        out.put("total", result.total());
        out.put("page", result.page());
        out.put("size", result.size());
        out.put("counts", queries.counts(actor));
        return out;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Received; Location is the dossier's address",
            headers = @Header(name = "Location", description = "/api/v1/office/dossiers/{code}",
                    schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = DossierSchemas.Full.class)))
    @Operation(summary = "Counter or postal intake: status RECEIVED at once, with receivedAt and dueAt")
    ResponseEntity<Map<String, Object>> receive(Actor actor, @RequestBody IntakeRequest body,
                                                @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                Locale locale) {
        var created = intake.receiveAtCounter(actor, body, key, locale);
        return ResponseEntity.created(URI.create("/api/v1/office/dossiers/" + created.dossier().code()))
                .body(views.full(created.dossier(), actor, true, locale));
    }

    @GetMapping("/{code}")
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = DossierSchemas.Full.class)))
    @Operation(summary = "The whole dossier with its steps, consultations and the actions the caller may take now")
    Map<String, Object> one(Actor actor, @PathVariable String code, Locale locale) {
        return views.full(find(actor, code), actor, true, locale);
    }

    @PostMapping("/{code}/actions")
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = DossierSchemas.Full.class)))
    @Operation(summary = "Take an action (the rule book decides; allowedActions lists what is possible now): 409 with "
            + "the legal reason when not allowed now or the version is stale, 400 for missing input. SUPPLY and "
            + "WITHDRAW record, for a counter or postal dossier, the papers the applicant brought (attachments: the "
            + "scans) and a withdrawal requested in writing (attachments: the request, scanned)")
    Map<String, Object> act(Actor actor, @PathVariable String code, @RequestBody ActionRequest body, Locale locale) {
        return views.full(actions.act(actor, code, body, locale), actor, true, locale);
    }

    @GetMapping("/{code}/history")
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = DossierSchemas.History.class))))
    @Operation(summary = "History: who, when, from where, action, from/to status, reason, note")
    List<Map<String, Object>> history(Actor actor, @PathVariable String code, Locale locale) {
        return views.history(find(actor, code), locale);
    }

    @GetMapping("/{code}/receipt.pdf")
    @Operation(summary = "Form 01 for printing (A4 or A5)")
    ResponseEntity<byte[]> receipt(Actor actor, @PathVariable String code,
                                   @RequestParam(defaultValue = "A4") String size) {
        return DossierApi.pdf(documents.receipt(find(actor, code), DossierApi.paper(size)), "giay-tiep-nhan-" + code + ".pdf");
    }

    @GetMapping("/{code}/notices/{kind}.pdf")
    @Operation(summary = "Form 02 (supplement), 03 (refusal), 04 (apology) or the refusal after appraisal")
    ResponseEntity<byte[]> notice(Actor actor, @PathVariable String code, @PathVariable String kind,
                                  @RequestParam(defaultValue = "A4") String size) {
        return DossierApi.pdf(documents.notice(find(actor, code), kind, DossierApi.paper(size)), kind + "-" + code + ".pdf");
    }

    @GetMapping("/{code}/files/{fileId}")
    @Operation(summary = "A document of the dossier, viewable in the browser")
    ResponseEntity<byte[]> file(Actor actor, @PathVariable String code, @PathVariable UUID fileId) {
        DossierRecord d = find(actor, code);
        var att = repository.attachments(d.id()).stream().filter(a -> a.fileId().equals(fileId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("error.file.notFound"));
        byte[] content = files.content(fileId).orElseThrow(() -> ProblemException.notFound("error.file.notFound"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(att.contentType()))
                .header("Content-Disposition", ContentDisposition.inline()
                        .filename(att.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(content);
    }

    private DossierRecord find(Actor actor, String code) {
        return queries.forOfficer(actor, code).orElseThrow(() -> ProblemException.notFound("dossier.notFound", code));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String param) {
        return vn.motcua.platform.Params.oneOf(type, value, param);
    }
}
