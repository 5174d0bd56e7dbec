package vn.motcua.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.documents.FileStore;
import vn.motcua.feedback.FeedbackAction;
import vn.motcua.feedback.FeedbackCategory;
import vn.motcua.feedback.FeedbackChannel;
import vn.motcua.feedback.FeedbackStatus;
import vn.motcua.feedback.internal.FeedbackItem;
import vn.motcua.feedback.internal.FeedbackRepository;
import vn.motcua.feedback.internal.FeedbackService;
import vn.motcua.feedback.internal.FeedbackService.SenderProof;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.platform.Actor;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.limits.LimitKind;
import vn.motcua.platform.limits.RateLimits;
import vn.motcua.platform.Role;

/**
 * Feedback pages. Citizens: {@code /phan-anh} (send, with photos and a map point; track by code), {@code
 * /phan-anh/{code}} (status, deadlines, the published answer; rate, raise again, supplement). Officers: {@code
 * /can-bo/phan-anh} (the desk's queue, a hotline call), {@code /can-bo/phan-anh/{code}} (the actions the status
 * machine allows the officer now). Usable without JavaScript.
 */
@Controller
class FeedbackPages {

    private final FeedbackService service;
    private final FeedbackRepository repository;
    private final Organization organization;
    private final FileStore files;
    private final RateLimits limits;

    FeedbackPages(FeedbackService service, FeedbackRepository repository, Organization organization, FileStore files,
                  RateLimits limits) {
        this.service = service;
        this.repository = repository;
        this.organization = organization;
        this.files = files;
        this.limits = limits;
    }

    // ---- citizens -------------------------------------------------------------------------------------------

    @GetMapping("/phan-anh")
    String form(@Nullable Actor actor, Model model) {
        model.addAttribute("categories", FeedbackCategory.values());
        model.addAttribute("published", repository.queue(List.of(FeedbackStatus.PUBLISHED), null, 10, 0));
        model.addAttribute("mine", actor != null && actor.has(Role.CITIZEN) ? repository.byAccount(actor.accountId())
                : List.of());
        if (!model.containsAttribute("f")) {
            model.addAttribute("f", new FeedbackService.Submission(null, "", "",
                    actor != null && actor.has(Role.CITIZEN) ? actor.displayName() : "", "", "", "", null, null, ""));
        }
        return "feedback/send";
    }

    @PostMapping("/phan-anh")
    String send(@Nullable Actor actor, HttpServletRequest request, HttpServletResponse response, Model model,
                RedirectAttributes redirect) throws IOException {
        List<FieldProblem> problems = new ArrayList<>();
        FeedbackService.Submission s = submission(request, problems);
        try {
            if (!problems.isEmpty()) {
                throw ProblemException.invalid(problems);
            }
            limits.check(LimitKind.PUBLIC_WRITE, request.getRemoteAddr());
            FeedbackItem item = service.submit(s, photos(request), FeedbackChannel.PORTAL,
                    actor != null && actor.has(Role.CITIZEN) ? actor : null, null);
            redirect.addFlashAttribute("sent", true);
            return "redirect:/phan-anh/" + item.code();
        } catch (ProblemException e) {
            model.addAttribute("errors", e.errors().isEmpty()
                    ? List.of(FieldProblem.of("content", e.detailKey(), e.args())) : e.errors());
            model.addAttribute("f", s);
            response.setStatus(e.status().value());
            return form(actor, model);
        }
    }

    @GetMapping("/phan-anh/tra-cuu")
    String find(@RequestParam(required = false) String ma, Model model, @Nullable Actor actor) {
        String code = ma == null ? "" : ma.strip().toUpperCase(Locale.ROOT);
        if (!code.isEmpty() && repository.byCode(code).isPresent()) {
            return "redirect:/phan-anh/" + code;
        }
        model.addAttribute("notFound", true);
        model.addAttribute("ma", ma);
        return form(actor, model);
    }

    @GetMapping("/phan-anh/{code}")
    String one(@PathVariable String code, @Nullable Actor actor, Model model) {
        FeedbackItem item = service.find(code);
        model.addAttribute("i", item);
        model.addAttribute("owner", actor != null && FeedbackService.isSender(item,
                new SenderProof(actor.accountId(), null)));
        model.addAttribute("agencyName", agencyName(item.agencyCode()));
        model.addAttribute("published", item.status() == FeedbackStatus.PUBLISHED);
        model.addAttribute("canRaise", item.status() == FeedbackStatus.PUBLISHED
                || item.status() == FeedbackStatus.NOT_ACCEPTED);
        model.addAttribute("canSupplement", item.status() == FeedbackStatus.SUPPLEMENT_REQUESTED);
        return "feedback/item";
    }

    @PostMapping("/phan-anh/{code}/danh-gia")
    String rate(@PathVariable String code, @Nullable Actor actor, @RequestParam(required = false) String rating,
                @RequestParam(required = false) String phone, @RequestParam(required = false) String version,
                RedirectAttributes redirect) {
        try {
            service.rate(code, version(version), rating, proof(actor, phone));
            redirect.addFlashAttribute("done", "feedback.page.rated");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("errors", errors(e, "rating"));
        }
        return "redirect:/phan-anh/" + code + "#danh-gia";
    }

    @PostMapping("/phan-anh/{code}/phan-anh-lai")
    String raise(@PathVariable String code, @Nullable Actor actor, @RequestParam(required = false) String note,
                 @RequestParam(required = false) String phone, @RequestParam(required = false) String version,
                 RedirectAttributes redirect) {
        return sender(code, FeedbackAction.RAISE_AGAIN, actor, note, phone, version, redirect, "phan-anh-lai");
    }

    @PostMapping("/phan-anh/{code}/bo-sung")
    String supplement(@PathVariable String code, @Nullable Actor actor, @RequestParam(required = false) String note,
                      @RequestParam(required = false) String phone, @RequestParam(required = false) String version,
                      RedirectAttributes redirect) {
        return sender(code, FeedbackAction.SUPPLEMENT, actor, note, phone, version, redirect, "bo-sung");
    }

    private String sender(String code, FeedbackAction action, Actor actor, String note, String phone, String version,
                          RedirectAttributes redirect, String anchor) {
        try {
            service.senderAct(code, action, version(version), note, proof(actor, phone));
            redirect.addFlashAttribute("done", "feedback.page.done." + action.name());
        } catch (ProblemException e) {
            redirect.addFlashAttribute("errors", errors(e, "note"));
        }
        return "redirect:/phan-anh/" + code + "#" + anchor;
    }

    // ---- officers -------------------------------------------------------------------------------------------

    @GetMapping("/can-bo/phan-anh")
    String queue(Actor actor, @RequestParam(required = false) String status, Model model) {
        List<FeedbackStatus> statuses = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            try {
                statuses.add(FeedbackStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("status", "error.param.invalid", status);
            }
        }
        boolean desk = actor.has(Role.RECEPTION);
        model.addAttribute("desk", desk);
        model.addAttribute("status", status);
        model.addAttribute("statuses", FeedbackStatus.values());
        model.addAttribute("items", repository.queue(statuses, desk ? null : actor.agencyCode(), 100, 0));
        model.addAttribute("now", service.now());
        return "feedback/queue";
    }

    @GetMapping("/can-bo/phan-anh/moi")
    String call(Actor actor, Model model) {
        requireDesk(actor);
        model.addAttribute("categories", FeedbackCategory.values());
        if (!model.containsAttribute("f")) {
            model.addAttribute("f", new FeedbackService.Submission(null, "", "", "", "", "", "", null, null, ""));
        }
        return "feedback/call";
    }

    @PostMapping("/can-bo/phan-anh/moi")
    String enterCall(Actor actor, HttpServletRequest request, HttpServletResponse response, Model model,
                     RedirectAttributes redirect) {
        requireDesk(actor);
        List<FieldProblem> problems = new ArrayList<>();
        FeedbackService.Submission s = submission(request, problems);
        try {
            if (!problems.isEmpty()) {
                throw ProblemException.invalid(problems);
            }
            FeedbackItem item = service.submit(s, List.of(), FeedbackChannel.HOTLINE, actor, null);
            redirect.addFlashAttribute("done", "feedback.page.done.CALL");
            return "redirect:/can-bo/phan-anh/" + item.code();
        } catch (ProblemException e) {
            model.addAttribute("errors", errors(e, "content"));
            model.addAttribute("f", s);
            response.setStatus(e.status().value());
            return call(actor, model);
        }
    }

    @GetMapping("/can-bo/phan-anh/{code}")
    String officeOne(Actor actor, @PathVariable String code, Model model) {
        FeedbackItem item = service.find(code);
        model.addAttribute("i", item);
        model.addAttribute("agencyName", agencyName(item.agencyCode()));
        model.addAttribute("actions", FeedbackService.allowedFor(actor, item));
        model.addAttribute("history", repository.events(item.id()));
        model.addAttribute("photos", repository.photos(item.id()).size());
        model.addAttribute("categories", FeedbackCategory.values());
        model.addAttribute("agencies", organization.allAgencies().stream()
                .sorted(Comparator.comparing(Agency::name)).toList());
        model.addAttribute("now", service.now());
        return "feedback/office-item";
    }

    @PostMapping("/can-bo/phan-anh/{code}/{action}")
    String act(Actor actor, @PathVariable String code, @PathVariable String action,
               @RequestParam(required = false) String version, @RequestParam(required = false) String note,
               @RequestParam(required = false) String category, @RequestParam(required = false) String agencyCode,
               RedirectAttributes redirect) {
        FeedbackAction a;
        try {
            a = FeedbackAction.valueOf(action.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("error.feedback.action.unknown", action);
        }
        try {
            FeedbackCategory c = category == null || category.isBlank() ? null : FeedbackCategory.valueOf(category);
            service.act(code, a, new FeedbackService.ActionInput(version(version), note, c,
                    agencyCode == null || agencyCode.isBlank() ? null : agencyCode), actor);
            redirect.addFlashAttribute("done", "feedback.page.done." + a.name());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("errors", List.of(FieldProblem.of("category", "error.feedback.category.required")));
        } catch (ProblemException e) {
            redirect.addFlashAttribute("errors", errors(e, "action-" + a.name()));
        }
        return "redirect:/can-bo/phan-anh/" + code;
    }

    @GetMapping("/can-bo/phan-anh/{code}/anh/{n}")
    ResponseEntity<byte[]> photo(Actor actor, @PathVariable String code, @PathVariable int n) {
        FeedbackItem item = service.find(code);
        var ids = repository.photos(item.id());
        if (n < 0 || n >= ids.size()) {
            throw ProblemException.notFound("error.feedback.notFound", code);
        }
        var file = files.find(ids.get(n)).orElseThrow(() -> ProblemException.notFound("error.feedback.notFound", code));
        byte[] bytes = files.content(file.id()).orElseThrow();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .cacheControl(CacheControl.noStore()).body(bytes);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static void requireDesk(Actor actor) {
        if (!actor.has(Role.RECEPTION)) {
            throw ProblemException.forbidden("error.feedback.notAllowed.DESK");
        }
    }

    private String agencyName(String code) {
        return code == null ? null : organization.agency(code).map(Agency::name).orElse(code);
    }

    private static SenderProof proof(Actor actor, String phone) {
        return new SenderProof(actor == null ? null : actor.accountId(), phone == null || phone.isBlank() ? null : phone);
    }

    private static List<FieldProblem> errors(ProblemException e, String field) {
        return e.errors().isEmpty() ? List.of(FieldProblem.of(field, e.detailKey(), e.args())) : e.errors();
    }

    static int version(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException | NullPointerException e) {
            throw ProblemException.invalid("version", "error.feedback.version.required");
        }
    }

    private static FeedbackService.Submission submission(HttpServletRequest r, List<FieldProblem> problems) {
        FeedbackCategory category = null;
        String c = r.getParameter("category");
        if (c != null && !c.isBlank()) {
            try {
                category = FeedbackCategory.valueOf(c);
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("category", "error.feedback.category.required"));
            }
        }
        Double lat = number(r, "lat", problems);
        Double lon = number(r, "lon", problems);
        return new FeedbackService.Submission(category, r.getParameter("title"), r.getParameter("content"),
                r.getParameter("senderName"), r.getParameter("senderPhone"), r.getParameter("senderEmail"),
                r.getParameter("address"), lat, lon, r.getParameter("dossierCode"));
    }

    private static Double number(HttpServletRequest r, String name, List<FieldProblem> problems) {
        String v = r.getParameter(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(v.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of(name, "error.feedback.point.number"));
            return null;
        }
    }

    private static List<FeedbackService.Photo> photos(HttpServletRequest request) throws IOException {
        List<FeedbackService.Photo> out = new ArrayList<>();
        if (request instanceof MultipartHttpServletRequest mr) {
            for (MultipartFile f : mr.getFiles("photos")) {
                if (!f.isEmpty()) {
                    out.add(new FeedbackService.Photo(f.getOriginalFilename(), f.getBytes()));
                }
            }
        }
        return out;
    }
}
