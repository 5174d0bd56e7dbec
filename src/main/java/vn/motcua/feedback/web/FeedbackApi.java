package vn.motcua.feedback.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.feedback.FeedbackAction;
import vn.motcua.feedback.FeedbackChannel;
import vn.motcua.feedback.FeedbackStatus;
import vn.motcua.feedback.internal.FeedbackItem;
import vn.motcua.feedback.internal.FeedbackRepository;
import vn.motcua.feedback.internal.FeedbackService;
import vn.motcua.feedback.internal.FeedbackService.SenderProof;
import vn.motcua.feedback.web.FeedbackViews.ActionBody;
import vn.motcua.feedback.web.FeedbackViews.FullView;
import vn.motcua.feedback.web.FeedbackViews.Line;
import vn.motcua.feedback.web.FeedbackViews.NewFeedback;
import vn.motcua.feedback.web.FeedbackViews.PublicView;
import vn.motcua.feedback.web.FeedbackViews.RatingBody;
import vn.motcua.feedback.web.FeedbackViews.SenderBody;
import vn.motcua.platform.Actor;
import vn.motcua.platform.PageResult;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;

/** Feedback (PAKN) over REST: the citizen's, the public's and the desk's doors (docs/FEEDBACK.md). */
@RestController
@Tag(name = "Feedback")
class FeedbackApi {

    private final FeedbackService service;
    private final FeedbackRepository repository;

    FeedbackApi(FeedbackService service, FeedbackRepository repository) {
        this.service = service;
        this.repository = repository;
    }

    @PostMapping(path = "/api/v1/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send feedback as the logged-in citizen (no photos; the portal form takes photos)")
    @ApiResponse(responseCode = "201", description = "Received; Location is its address",
            headers = @Header(name = "Location", schema = @Schema(type = "string")))
    ResponseEntity<FullView> submit(Actor actor, @RequestBody NewFeedback body) {
        if (!actor.has(Role.CITIZEN)) {
            throw ProblemException.forbidden("error.feedback.citizenOnly");
        }
        FeedbackItem item = service.submit(submission(body), List.of(), FeedbackChannel.PORTAL, actor, null);
        return ResponseEntity.created(URI.create("/api/v1/feedback/" + item.code())).body(full(item, null));
    }

    @GetMapping("/api/v1/feedback/mine")
    @Operation(summary = "The caller's feedback, newest first")
    List<Line> mine(Actor actor) {
        return repository.byAccount(actor.accountId()).stream().map(Line::of).toList();
    }

    @GetMapping("/api/v1/feedback/{code}")
    @Operation(summary = "One of the caller's feedback items, with its deadlines and history")
    FullView mineOne(Actor actor, @PathVariable String code) {
        FeedbackItem item = service.find(code);
        if (!FeedbackService.isSender(item, new SenderProof(actor.accountId(), null)) && !actor.isOfficer()) {
            throw ProblemException.notFound("error.feedback.notFound", code);
        }
        return full(item, actor.isOfficer() ? actor : null);
    }

    @PostMapping("/api/v1/feedback/{code}/supplement")
    @Operation(summary = "The sender supplements what the desk asked for (If the version is stale: 409)")
    FullView supplement(Actor actor, @PathVariable String code, @RequestBody SenderBody body) {
        return full(service.senderAct(code, FeedbackAction.SUPPLEMENT, version(body.version()), body.note(),
                new SenderProof(actor.accountId(), null)), null);
    }

    @PostMapping("/api/v1/feedback/{code}/raise-again")
    @Operation(summary = "The sender raises it again after the answer or a refusal")
    FullView raiseAgain(Actor actor, @PathVariable String code, @RequestBody SenderBody body) {
        return full(service.senderAct(code, FeedbackAction.RAISE_AGAIN, version(body.version()), body.note(),
                new SenderProof(actor.accountId(), null)), null);
    }

    @PostMapping("/api/v1/feedback/{code}/rating")
    @Operation(summary = "The sender rates the published answer (SATISFIED or UNSATISFIED)")
    FullView rate(Actor actor, @PathVariable String code, @RequestBody RatingBody body) {
        return full(service.rate(code, version(body.version()), body.rating(),
                new SenderProof(actor.accountId(), null)), null);
    }

    @GetMapping("/api/v1/public/feedback/{code}")
    @Operation(summary = "Public tracking: the status; the content and the answer once published")
    PublicView track(@PathVariable String code) {
        return PublicView.of(service.find(code));
    }

    @GetMapping("/api/v1/public/feedback")
    @Operation(summary = "Published answers, newest first")
    PageResult<PublicView> published(@RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size) {
        PageResult.check(page, size);
        var items = repository.queue(List.of(FeedbackStatus.PUBLISHED), null, size, page * size);
        return new PageResult<>(items.stream().map(PublicView::of).toList(), -1, page, size);
    }

    @PostMapping(path = "/api/v1/office/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The hotline operator enters a call (1022)")
    @ApiResponse(responseCode = "201", description = "Entered; Location is its address",
            headers = @Header(name = "Location", schema = @Schema(type = "string")))
    ResponseEntity<FullView> hotline(Actor actor, @RequestBody NewFeedback body) {
        if (!actor.has(Role.RECEPTION)) {
            throw ProblemException.forbidden("error.feedback.notAllowed.DESK");
        }
        FeedbackItem item = service.submit(submission(body), List.of(), FeedbackChannel.HOTLINE, actor, null);
        return ResponseEntity.created(URI.create("/api/v1/office/feedback/" + item.code())).body(full(item, actor));
    }

    @GetMapping("/api/v1/office/feedback")
    @Operation(summary = "The desk's queue (status filter, comma list); agencies see what was routed to them")
    List<Line> queue(Actor actor, @RequestParam(required = false) String status,
                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageResult.check(page, size);
        List<FeedbackStatus> statuses = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            for (String s : status.split(",")) {
                try {
                    statuses.add(FeedbackStatus.valueOf(s.strip()));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid("status", "error.param.invalid", s);
                }
            }
        }
        String agency = actor.has(Role.RECEPTION) ? null : actor.agencyCode();
        return repository.queue(statuses, agency, size, page * size).stream().map(Line::of).toList();
    }

    @GetMapping("/api/v1/office/feedback/{code}")
    @Operation(summary = "One item for officers: deadlines, level, history and the actions allowed now")
    FullView officeOne(Actor actor, @PathVariable String code) {
        return full(service.find(code), actor);
    }

    @PostMapping("/api/v1/office/feedback/{code}/actions/{action}")
    @Operation(summary = "Classify, mark spam, refuse, ask for a supplement, route, answer, return, approve, publish")
    FullView act(Actor actor, @PathVariable String code, @PathVariable String action, @RequestBody ActionBody body) {
        FeedbackAction a;
        try {
            a = FeedbackAction.valueOf(action.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("error.feedback.action.unknown", action);
        }
        var item = service.act(code, a, new FeedbackService.ActionInput(version(body.version()), body.note(),
                body.category(), body.agencyCode()), actor);
        return full(item, actor);
    }

    private FullView full(FeedbackItem item, @Nullable Actor officer) {
        return FullView.of(item, repository.photos(item.id()).size(),
                officer == null ? List.of() : FeedbackService.allowedFor(officer, item), repository.events(item.id()));
    }

    static int version(Integer v) {
        if (v == null) {
            throw ProblemException.invalid("version", "error.feedback.version.required");
        }
        return v;
    }

    static FeedbackService.Submission submission(NewFeedback b) {
        return new FeedbackService.Submission(b.category(), b.title(), b.content(), b.senderName(), b.senderPhone(),
                b.senderEmail(), b.address(), b.lat(), b.lon(), b.dossierCode());
    }
}
