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
import vn.motcua.organization.AdminUnit;
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

    CatalogPages(Catalog catalog, Organization organization, vn.motcua.calendar.WorkingCalendar calendar) {
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
        model.addAttribute("receivers", receiversByDistrict(catalog.receivingAgencies(p)));
        model.addAttribute("expectedDue", p.acceptsApplications()
                ? calendar.expectedDue(p.processingTime(), vn.motcua.platform.Channel.ONLINE, locale) : null);
        return "catalog/procedure";
    }

    /** One-stop sections grouped by district (province first), for the agency filter. */
    private Map<String, List<Agency>> oneStopsByDistrict() {
        return receiversByDistrict(organization.allAgencies().stream().filter(Agency::isOneStop).toList());
    }

    private Map<String, List<Agency>> receiversByDistrict(List<Agency> agencies) {
        Map<String, List<Agency>> out = new LinkedHashMap<>();
        for (Agency ag : agencies) {
            var path = organization.path(ag.unitCode());
            String group = path.districtCode() == null
                    ? organization.unit(path.provinceCode()).map(AdminUnit::name).orElse("")
                    : organization.unit(path.districtCode()).map(AdminUnit::name).orElse("");
            out.computeIfAbsent(group, k -> new java.util.ArrayList<>()).add(ag);
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
