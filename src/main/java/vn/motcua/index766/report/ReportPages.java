package vn.motcua.index766.report;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.catalog.Procedure;
import vn.motcua.index766.web.Index766Format;
import vn.motcua.organization.AdminUnit;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitLevel;
import vn.motcua.platform.ProblemException;

/** The report pages ({@code /bao-cao/**}, officers, leaders and administrators): the tables, a filter form, Excel. */
@Controller
class ReportPages {

    private final ReportService reports;
    private final ReportParams params;
    private final ReportTables tables;
    private final Organization organization;
    private final MessageSource messages;
    private final java.time.ZoneId zone;

    private final java.time.Clock clock;

    ReportPages(ReportService reports, ReportParams params, ReportTables tables, Organization organization,
                MessageSource messages, java.time.ZoneId zone, java.time.Clock clock) {
        this.clock = clock;
        this.reports = reports;
        this.params = params;
        this.tables = tables;
        this.organization = organization;
        this.messages = messages;
        this.zone = zone;
    }

    @GetMapping("/bao-cao")
    String index(Model model) {
        model.addAttribute("reports", Report.values());
        return "report/index";
    }

    @GetMapping("/bao-cao/{slug}")
    String report(@PathVariable String slug, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, @RequestParam(required = false) String unit,
                  @RequestParam(required = false) String procedure, @RequestParam(required = false) String top,
                  @RequestParam(required = false) String units, Model model, Locale locale,
                  HttpServletResponse response) {
        Report kind = Report.bySlug(slug).orElseThrow(() -> ProblemException.notFound("error.report.notFound", slug));
        model.addAttribute("kind", kind);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("unit", unit);
        model.addAttribute("procedure", procedure);
        model.addAttribute("top", top);
        vn.motcua.index766.UnitsBasis basis = vn.motcua.index766.UnitsBasis.of(units);
        boolean today = basis == vn.motcua.index766.UnitsBasis.TODAY;
        model.addAttribute("unitsBasis", basis == null ? units : basis.name());
        model.addAttribute("unitsBases", vn.motcua.index766.UnitsBasis.values());
        model.addAttribute("units", today ? unitChoicesToday() : unitChoices());
        if (kind == Report.BY_PROCEDURE) {
            model.addAttribute("procedures", reports.procedures().stream()
                    .sorted(Comparator.comparing(Procedure::name)).toList());
        }
        Table table;
        try {
            table = switch (kind) {
                case PROCEDURES -> tables.procedures(reports.proceduresByLevel(), locale);
                case BY_LEVEL -> tables.dossiers(kind, reports.byLevel(check(from, to, unit, null, null, units)), locale);
                case BY_UNIT -> tables.dossiers(kind, reports.byUnit(check(from, to, unit, null, null, units)), locale);
                case ONLINE -> tables.online(reports.online(check(from, to, unit, null, null, units)), locale);
                case BY_PROCEDURE -> tables.dossiers(kind, reports.byProcedure(check(from, to, unit, procedure, top, units)),
                        locale);
            };
        } catch (ProblemException e) {
            if (e.errors().isEmpty()) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("errors", e.errors());
            model.addAttribute("heading", tables.msg(kind.key() + ".title", locale));
            return "report/table";
        }
        model.addAttribute("heading", table.title());
        model.addAttribute("table", table);
        model.addAttribute("cells", format(table.rows(), locale));
        model.addAttribute("totalCells", format(List.of(table.total()), locale).getFirst());
        model.addAttribute("excel", excelLink(kind, from, to, unit, procedure, top, units));
        return "report/table";
    }

    private ReportRequest check(String from, String to, String unit, String procedure, String top, String units) {
        return params.check(new ReportParams.Raw(from, to, unit, procedure, top, units));
    }

    private static String excelLink(Report kind, String from, String to, String unit, String procedure, String top,
                                    String units) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/api/v1/stats/" + kind.api() + ".xlsx");
        Map<String, String> q = new LinkedHashMap<>();
        q.put("from", from);
        q.put("to", to);
        q.put("unit", unit);
        q.put("procedure", procedure);
        q.put("top", top);
        q.put("units", units);
        q.forEach((k, v) -> {
            if (!ReportParams.blank(v)) {
                b.queryParam(k, v);
            }
        });
        return b.encode().build().toUriString();
    }

    /**
     * Cells as text in the reader's language, written as the 766 dashboard writes them ({@link Index766Format},
     * issue 18): counts with a thousands dot (1.013.078), percentages with a decimal comma and one decimal
     * (97,6&nbsp;%); an empty cell for none.
     */
    private List<List<String>> format(List<List<Object>> rows, Locale locale) {
        Index766Format fmt = new Index766Format(locale, messages, zone);
        List<List<String>> out = new ArrayList<>();
        for (List<Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (Object v : row) {
                cells.add(v == null ? "" : v instanceof Long || v instanceof Integer ? fmt.count((Number) v)
                        : v instanceof Double d ? fmt.percent(d / 100) : v.toString());
            }
            out.add(cells);
        }
        return out;
    }

    /** A choice of the unit select. */
    public record Choice(String code, String name) {
    }

    /** Units to choose: the province, districts, departments (province-level agencies), communes. */
    private Map<String, List<Choice>> unitChoices() {
        Map<String, List<Choice>> groups = new LinkedHashMap<>();
        groups.put("report.unitLevel.PROVINCE_UNIT", choices(organization.units(UnitLevel.PROVINCE)));
        groups.put("report.unitLevel.DISTRICT", choices(organization.units(UnitLevel.DISTRICT)));
        groups.put("report.unitLevel.PROVINCE", organization.allAgencies().stream()
                .filter(a -> a.level() == UnitLevel.PROVINCE)
                .sorted(Comparator.comparing(Agency::name)).map(a -> new Choice(a.code(), a.name())).toList());
        groups.put("report.unitLevel.COMMUNE", choices(organization.units(UnitLevel.COMMUNE)));
        return groups;
    }

    /**
     * Today's units (issue 11): the province in force today, the departments and today's communes and wards; the same
     * as {@link #unitChoices} where nothing was reorganised.
     */
    private Map<String, List<Choice>> unitChoicesToday() {
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(zone));
        var provinces = organization.unitsAt(null, today).stream().filter(u -> u.level() == UnitLevel.PROVINCE)
                .toList();
        if (provinces.isEmpty() || organization.predecessors(provinces.getFirst().code()).isEmpty()) {
            return unitChoices();
        }
        Map<String, List<Choice>> groups = new LinkedHashMap<>();
        groups.put("report.unitLevel.PROVINCE_UNIT", provinces.stream().map(u -> new Choice(u.code(), u.name()))
                .toList());
        groups.put("report.unitLevel.PROVINCE", organization.allAgencies().stream()
                .filter(a -> a.level() == UnitLevel.PROVINCE)
                .sorted(Comparator.comparing(Agency::name)).map(a -> new Choice(a.code(), a.name())).toList());
        groups.put("report.unitLevel.TODAY", provinces.stream()
                .flatMap(p -> organization.unitsAt(p.code(), today).stream())
                .sorted(Comparator.comparing(vn.motcua.organization.UnitPeriod::name))
                .map(u -> new Choice(u.code(), u.name())).toList());
        return groups;
    }

    private static List<Choice> choices(List<AdminUnit> units) {
        return units.stream().sorted(Comparator.comparing(AdminUnit::code))
                .map(u -> new Choice(u.code(), u.name())).toList();
    }
}
