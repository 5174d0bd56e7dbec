package vn.motcua.certification.web;

import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.certification.RefusalGround;
import vn.motcua.certification.internal.CertificationService;
import vn.motcua.documents.FileStore;
import vn.motcua.platform.Actor;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;

/**
 * The pages: {@code /chung-thuc} (a citizen asks for certified e-copies and finds the issued ones, kept for reuse),
 * {@code /chung-thuc/xu-ly} (the certifier's queue and the counter intake), {@code /chung-thuc/{code}} (a request,
 * with the actions the viewer may take).
 */
@Controller
class CertificationPages {

    private final CertificationService service;
    private final FileStore files;
    private final MessageSource messages;
    private final vn.motcua.organization.Organization organization;

    CertificationPages(CertificationService service, FileStore files, MessageSource messages,
                       vn.motcua.organization.Organization organization) {
        this.service = service;
        this.files = files;
        this.messages = messages;
        this.organization = organization;
    }

    /** The communes' one-stop sections: every commune certifies copies (Decree 23/2015 Art. 5 as amended). */
    @org.springframework.web.bind.annotation.ModelAttribute("agencies")
    java.util.List<vn.motcua.organization.Agency> agencies() {
        return organization.units(vn.motcua.organization.UnitLevel.PROVINCE).stream()
                .flatMap(p -> organization.agenciesWithin(p.code()).stream())
                .filter(a -> a.kind().equals("one_stop_commune"))
                .sorted(java.util.Comparator.comparing(vn.motcua.organization.Agency::name)).toList();
    }

    @GetMapping("/chung-thuc")
    String mine(Actor actor, Model model) {
        if (!actor.has(Role.CITIZEN)) {
            return "redirect:/chung-thuc/xu-ly";
        }
        model.addAttribute("requests", service.mine(actor));
        return "certification/mine";
    }

    @GetMapping("/chung-thuc/xu-ly")
    String queue(Actor actor, Model model) {
        model.addAttribute("requests", service.queue(actor, false));
        return "certification/queue";
    }

    @PostMapping({"/chung-thuc", "/chung-thuc/xu-ly"})
    String create(Actor actor, @RequestParam(required = false) String agencyCode,
                  @RequestParam(required = false) String documentName, @RequestParam(required = false) Integer pages,
                  @RequestParam(required = false) Integer copies, @RequestParam(required = false) String applicantName,
                  @RequestParam(required = false) String applicantIdNumber,
                  @RequestParam(required = false) Boolean extended,
                  @RequestParam(value = "file", required = false) MultipartFile file, Locale locale, Model model) {
        try {
            String fileId = null;
            if (file != null && !file.isEmpty()) {
                fileId = files.store(actor.accountId(), file.getOriginalFilename() == null ? "ban-chinh.pdf"
                        : file.getOriginalFilename(), file.getBytes()).id().toString();
            }
            var created = service.create(actor, new CertificationService.Application(agencyCode, documentName, pages,
                    copies, fileId, applicantName, applicantIdNumber, extended));
            return "redirect:/chung-thuc/" + created.code();
        } catch (ProblemException e) {
            model.addAttribute("errors", errors(e, locale));
            model.addAttribute("form", new Form(agencyCode, documentName, pages, copies, applicantName, applicantIdNumber));
            if (actor.has(Role.CITIZEN)) {
                model.addAttribute("requests", service.mine(actor));
                return "certification/mine";
            }
            model.addAttribute("requests", service.queue(actor, false));
            return "certification/queue";
        } catch (IOException e) {
            throw ProblemException.invalid("file", "certification.original.required");
        }
    }

    record Form(String agencyCode, String documentName, Integer pages, Integer copies, String applicantName,
                String applicantIdNumber) {
    }

    record Error(String field, String message) {
    }

    private java.util.List<Error> errors(ProblemException e, Locale locale) {
        if (e.errors().isEmpty()) {
            return java.util.List.of(new Error(null, messages.getMessage(e.detailKey(), e.args(), e.detailKey(), locale)));
        }
        return e.errors().stream().map((FieldProblem p) -> new Error(p.field(),
                messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale))).toList();
    }

    @GetMapping("/chung-thuc/{code}")
    String one(Actor actor, @PathVariable String code, Model model) {
        model.addAttribute("r", service.find(actor, code));
        model.addAttribute("history", service.history(actor, code));
        model.addAttribute("grounds", RefusalGround.values());
        return "certification/request";
    }

    @PostMapping("/chung-thuc/{code}")
    String act(Actor actor, @PathVariable String code, @RequestParam String action,
               @RequestParam(required = false) Integer version, @RequestParam(required = false) String statement,
               @RequestParam(required = false) String ground, @RequestParam(required = false) String note,
               Locale locale, Model model, RedirectAttributes redirect) {
        try {
            service.act(actor, code, new CertificationService.ActionBody(action, version, statement, ground, note));
            redirect.addFlashAttribute("done", action);
            return "redirect:/chung-thuc/" + code;
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            model.addAttribute("errors", errors(e, locale));
            return one(actor, code, model);
        }
    }

    @GetMapping("/chung-thuc/{code}/ban-sao.pdf")
    ResponseEntity<byte[]> copy(Actor actor, @PathVariable String code) {
        return ResponseEntity.ok().header("Content-Type", "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"ban-sao-dien-tu-" + code + ".pdf\"")
                .body(service.copy(actor, code));
    }
}
