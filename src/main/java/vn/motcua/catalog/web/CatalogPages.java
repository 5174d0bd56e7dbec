package vn.motcua.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureQuery;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitLevel;
import vn.motcua.platform.PageResult;
import vn.motcua.platform.ProblemException;

/** The portal's catalogue pages: search with filters, and one procedure. */
@Controller
class CatalogPages {

    private static final int PAGE_SIZE = 20;
    private final Catalog catalog;
    private final Organization organization;
    private final vn.motcua.calendar.WorkingCalendar calendar;
    private final vn.motcua.signing.OfficialDocuments documents;

    CatalogPages(Catalog catalog, Organization organization, vn.motcua.calendar.WorkingCalendar calendar,
                 vn.motcua.signing.OfficialDocuments documents) {
        this.documents = documents;
        this.catalog = catalog;
        this.organization = organization;
        this.calendar = calendar;
    }

    @GetMapping("/thu-tuc")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String level,
                  @RequestParam(required = false) String field, @RequestParam(required = false) String agency,
                  @RequestParam(required = false) String online, @RequestParam(defaultValue = "0") int page,
                  HttpServletRequest request, Model model) {
        UnitLevel l = parse(UnitLevel.class, level);
        OnlineLevel o = parse(OnlineLevel.class, online);
        String f = catalog.fields().stream().anyMatch(x -> x.code().equals(field)) ? field : null;
        String a = agency != null && organization.agency(agency).isPresent() ? agency : null;
        String text = q == null ? null : q.length() > 500 ? q.substring(0, 500) : q;
        PageResult<Procedure> result = catalog.search(new ProcedureQuery(text, l, f, a, o, Math.max(0, page), PAGE_SIZE));
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("level", l);
        model.addAttribute("field", f);
        model.addAttribute("agency", a);
        model.addAttribute("online", o);
        model.addAttribute("result", result);
        model.addAttribute("pages", Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("fields", catalog.fields());
        model.addAttribute("levels", UnitLevel.values());
        model.addAttribute("onlineLevels", OnlineLevel.values());
        model.addAttribute("oneStops", oneStopsByDistrict());
        if ("true".equals(request.getHeader("HX-Request"))) {
            return "catalog/search :: results";
        }
        return "catalog/search";
    }

    @GetMapping("/thu-tuc/{code}")
    String procedure(@PathVariable String code, Model model, Locale locale) {
        Procedure p = catalog.procedure(code)
                .orElseThrow(() -> ProblemException.notFound("error.catalog.procedure.notFound", code));
        model.addAttribute("p", p);
        model.addAttribute("guide", catalog.guide(p.code()));
        model.addAttribute("templateTitle", templateTitle(p, locale));
        model.addAttribute("receivers", receiversByDistrict(catalog.receivingAgencies(p)));
        model.addAttribute("expectedDue", p.acceptsApplications()
                ? calendar.expectedDue(p.processingTime(), vn.motcua.platform.Channel.ONLINE, locale) : null);
        return "catalog/procedure";
    }

    /**
     * The procedure's declaration as a blank PDF to print and fill in by hand, laid out from its eForm (the same
     * fields, labels and choices as the online form, so paper and screen never disagree).
     */
    @GetMapping(value = "/thu-tuc/{code}/mau-to-khai.pdf", produces = "application/pdf")
    org.springframework.http.ResponseEntity<byte[]> template(@PathVariable String code) {
        Procedure p = catalog.procedure(code)
                .orElseThrow(() -> ProblemException.notFound("error.catalog.procedure.notFound", code));
        Locale vi = Locale.forLanguageTag("vi");
        List<vn.motcua.signing.FormTemplateData.Line> lines = new java.util.ArrayList<>();
        templateLines(vn.motcua.catalog.EForm.fields(p.formSchema(), null, vi), 0, lines);
        byte[] pdf = documents.formTemplate(new vn.motcua.signing.FormTemplateData(p.code(), templateTitle(p, vi),
                null, null, lines));
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"mau-to-khai-" + p.code() + ".pdf\"")
                .header("Cache-Control", "public, max-age=3600")
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF).body(pdf);
    }

    /** The declaration's title: the eForm's title, else "Tờ khai" and the procedure's name. */
    private static String templateTitle(Procedure p, Locale locale) {
        var schema = p.formSchema();
        if ("en".equals(locale.getLanguage()) && schema.hasNonNull("x-title-en")) {
            return schema.get("x-title-en").asString();
        }
        return schema.hasNonNull("title") ? schema.get("title").asString() : "Tờ khai " + p.name();
    }

    private static void templateLines(List<vn.motcua.catalog.EFormField> fields, int depth,
                                      List<vn.motcua.signing.FormTemplateData.Line> out) {
        for (var f : fields) {
            boolean required = f.required() && !f.conditional();
            switch (f.widget()) {
                case "group" -> {
                    out.add(new vn.motcua.signing.FormTemplateData.Line(f.label(), List.of(), true, required, depth));
                    templateLines(f.children(), depth + 1, out);
                }
                case "list" -> {
                    out.add(new vn.motcua.signing.FormTemplateData.Line(f.label(), List.of(), true, required, depth));
                    if (!f.children().isEmpty()) {
                        templateLines(f.children().getFirst().children(), depth + 1, out);
                    }
                }
                case "radio", "select", "checkbox" -> out.add(new vn.motcua.signing.FormTemplateData.Line(f.label(),
                        f.widget().equals("checkbox") ? List.of("Có")
                                : f.options().stream().map(vn.motcua.catalog.EFormField.Option::label).toList(),
                        false, required, depth));
                default -> out.add(new vn.motcua.signing.FormTemplateData.Line(f.label(), List.of(), false, required,
                        depth));
            }
        }
    }

    /** One-stop sections grouped by district (province first), for the agency filter. */
    private Map<String, List<Agency>> oneStopsByDistrict() {
        return receiversByDistrict(organization.allAgencies().stream().filter(Agency::isOneStop).toList());
    }

    private Map<String, List<Agency>> receiversByDistrict(List<Agency> agencies) {
        Map<String, List<Agency>> out = new LinkedHashMap<>();
        for (Agency ag : agencies) {
            out.computeIfAbsent(organization.listedUnder(ag), k -> new java.util.ArrayList<>()).add(ag);
        }
        return out;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
