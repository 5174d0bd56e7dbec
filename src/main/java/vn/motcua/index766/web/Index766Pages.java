package vn.motcua.index766.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.index766.IndexResult;
import vn.motcua.index766.Indicators;
import vn.motcua.index766.Period;
import vn.motcua.index766.internal.DrillDown;
import vn.motcua.index766.internal.IndexService;
import vn.motcua.index766.internal.UnitRef;
import vn.motcua.organization.AdminUnit;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitLevel;
import org.jspecify.annotations.Nullable;
import vn.motcua.platform.Actor;
import vn.motcua.platform.ProblemException;

/**
 * The index pages: the dashboard for officers, leaders and administrators ({@code /chi-so-766}), the drill-down
 * of one indicator ({@code /chi-so-766/{id}}) and the public transparency page ({@code /cong-khai}). Charts take
 * their data from data-* attributes (/js/index766.js renders them with ECharts); without JavaScript the same
 * numbers are in the tables.
 */
@Controller
class Index766Pages {

    /** An option of a select. */
    record Option(String value, String label, String group) {
    }

    private final IndexService index;
    private final DrillDown drillDown;
    private final Organization organization;
    private final JsonMapper json;

    Index766Pages(IndexService index, DrillDown drillDown, Organization organization, JsonMapper json) {
        this.index = index;
        this.drillDown = drillDown;
        this.organization = organization;
        this.json = json;
    }

    @GetMapping("/chi-so-766")
    String dashboard(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
                     @RequestParam(required = false) String level, @Nullable Actor actor, Locale locale,
                     Model model) {
        UnitRef u = unit == null || unit.isBlank() ? home(actor, locale) : index.unit(unit, locale);
        // the last complete month: the current one is a few days old at the start of a month (issue 18)
        Period p = index.period(period, true);
        IndexResult r = index.index(u, p, locale);
        IndexService.RankLevel rl = level == null || level.isBlank() ? defaultLevel(u) : Index766Api.level(level);
        var ranking = index.ranking(rl, p, locale);
        var trend = index.trend(u, 12, locale);
        model.addAttribute("unit", u);
        model.addAttribute("period", p);
        model.addAttribute("result", r);
        model.addAttribute("rankLevel", rl.name());
        model.addAttribute("rankLevels", IndexService.RankLevel.values());
        model.addAttribute("ranking", ranking);
        model.addAttribute("trend", trend);
        model.addAttribute("units", grouped(unitOptions(locale)));
        model.addAttribute("periods", grouped(periodOptions(p, locale)));
        boolean en = "en".equals(locale.getLanguage());
        Map<String, Object> groups = new LinkedHashMap<>();
        groups.put("labels", r.groups().stream().map(g -> g.id() + ". " + g.name()).toList());
        groups.put("score", r.groups().stream().map(IndexResult.GroupResult::score).toList());
        groups.put("max", r.groups().stream().map(IndexResult.GroupResult::max).toList());
        groups.put("computable", r.groups().stream().map(IndexResult.GroupResult::computableMax).toList());
        groups.put("names", List.of(en ? "Score" : "Điểm", en ? "Computable here" : "Tính được", en ? "Maximum" : "Tối đa"));
        model.addAttribute("groupsChart", json.writeValueAsString(groups));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("labels", trend.stream().map(IndexService.TrendPoint::period).toList());
        t.put("values", trend.stream().map(IndexService.TrendPoint::score).toList());
        t.put("name", en ? "Score" : "Điểm");
        model.addAttribute("trendChart", json.writeValueAsString(t));
        Map<String, Object> k = new LinkedHashMap<>();
        var top = ranking.stream().limit(15).toList();
        k.put("labels", top.stream().map(IndexService.RankRow::name).toList());
        k.put("values", top.stream().map(IndexService.RankRow::score).toList());
        k.put("name", en ? "Score" : "Điểm");
        model.addAttribute("rankingChart", json.writeValueAsString(k));
        return "index766/dashboard";
    }

    /**
     * Where an officer lands (issue 18): the administrative unit of their agency (a ward leader sees their ward, not
     * the province among 146 options); a provincial department's officer, a monitor or an administrator sees the
     * province.
     */
    private UnitRef home(@Nullable Actor actor, Locale locale) {
        if (actor == null || actor.agencyCode() == null) {
            return index.province(locale);
        }
        return organization.agency(actor.agencyCode())
                .filter(a -> a.level() != UnitLevel.PROVINCE && a.unitCode() != null)
                .map(a -> index.unit(a.unitCode(), locale)).orElseGet(() -> index.province(locale));
    }

    @GetMapping("/chi-so-766/{indicatorId}")
    String drillDown(@PathVariable String indicatorId, @RequestParam(required = false) String unit,
                     @RequestParam(required = false) String period, @RequestParam(required = false) String part,
                     @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
        var ind = Indicators.byId(indicatorId)
                .orElseThrow(() -> ProblemException.notFound("error.index766.indicator", indicatorId));
        UnitRef u = unit == null || unit.isBlank() ? index.province(locale) : index.unit(unit, locale);
        Period p = index.period(period);
        boolean numerator = Index766Api.numerator(part);
        var rows = drillDown.list(indicatorId, u, p, numerator, Math.max(0, page), 50, locale);
        IndexResult r = index.index(u, p, locale);
        var row = r.groups().stream().flatMap(g -> g.indicators().stream()).filter(i -> i.id().equals(indicatorId))
                .findFirst().orElseThrow();
        model.addAttribute("ind", ind);
        model.addAttribute("row", row);
        model.addAttribute("name", ind.name("en".equals(locale.getLanguage())));
        model.addAttribute("unit", u);
        model.addAttribute("period", p);
        model.addAttribute("part", numerator ? "numerator" : "denominator");
        model.addAttribute("rows", rows);
        model.addAttribute("pages", Math.max(1, (rows.total() + 49) / 50));
        return "index766/drilldown";
    }

    @GetMapping("/cong-khai")
    String publicPage(@RequestParam(required = false) String period, Locale locale, Model model) {
        UnitRef province = index.province(locale);
        Period p = index.period(period, true);
        Period year = Period.parse(String.valueOf(p.last().getYear()));
        IndexResult month = index.index(province, p, locale);
        IndexResult y = index.index(province, year, locale);
        var numbers = index.numbers(province, p);
        model.addAttribute("unit", province);
        model.addAttribute("period", p);
        model.addAttribute("result", month);
        model.addAttribute("year", y);
        model.addAttribute("periods", grouped(periodOptions(p, locale)));
        model.addAttribute("received", numbers.r()[0]);
        model.addAttribute("onTime", month.groups().get(1).indicators().get(0));
        model.addAttribute("online", month.groups().get(2).indicators().stream().filter(i -> i.id().equals("3.3"))
                .findFirst().orElseThrow());
        model.addAttribute("satisfaction", month.groups().get(4).indicators().stream()
                .filter(i -> i.id().equals("5.4")).findFirst().orElseThrow());
        model.addAttribute("districts", index.ranking(IndexService.RankLevel.DISTRICT, p, locale));
        return "index766/public";
    }

    private static IndexService.RankLevel defaultLevel(UnitRef u) {
        return u.level() == UnitLevel.PROVINCE && !u.kind().equals("AGENCY") ? IndexService.RankLevel.DISTRICT
                : IndexService.RankLevel.COMMUNE;
    }

    private List<Option> unitOptions(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        List<Option> out = new ArrayList<>();
        for (AdminUnit p : organization.units(UnitLevel.PROVINCE)) {
            String pg = en ? "Province" : "Tỉnh";
            out.add(new Option(p.code(), name(p, en), pg));
            for (Agency a : organization.agencies(p.code())) {
                if (!a.isOneStop()) {
                    out.add(new Option(a.code(), en && a.nameEn() != null ? a.nameEn() : a.name(),
                            en ? "Departments" : "Sở, ban, ngành"));
                }
            }
            for (AdminUnit d : organization.children(p.code())) {
                out.add(new Option(d.code(), name(d, en), en ? "Districts" : "Huyện, thị xã, thành phố"));
            }
            for (AdminUnit d : organization.children(p.code())) {
                for (AdminUnit c : organization.children(d.code())) {
                    out.add(new Option(c.code(), name(c, en), name(d, en)));
                }
            }
        }
        return out;
    }

    private List<Option> periodOptions(Period selected, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        YearMonth now = index.currentMonth();
        List<Option> out = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            YearMonth m = now.minusMonths(i);
            out.add(new Option(m.toString(), (en ? "Month " : "Tháng ") + m.getMonthValue() + "/" + m.getYear(),
                    en ? "Months" : "Tháng"));
        }
        for (int i = 0; i < 8; i++) {
            YearMonth m = now.minusMonths(3L * i);
            int q = (m.getMonthValue() - 1) / 3 + 1;
            out.add(new Option(m.getYear() + "-Q" + q, (en ? "Quarter " : "Quý ") + q + "/" + m.getYear(),
                    en ? "Quarters" : "Quý"));
        }
        for (int i = 0; i < 5; i++) {
            int y = now.getYear() - i;
            out.add(new Option(String.valueOf(y), (en ? "Year " : "Năm ") + y, en ? "Years" : "Năm"));
        }
        if (out.stream().noneMatch(o -> o.value().equals(selected.text()))) {
            out.add(new Option(selected.text(), selected.text(), en ? "Selected" : "Đã chọn"));
        }
        return out;
    }

    private static Map<String, List<Option>> grouped(List<Option> options) {
        Map<String, List<Option>> out = new LinkedHashMap<>();
        options.forEach(o -> out.computeIfAbsent(o.group(), k -> new ArrayList<>()).add(o));
        return out;
    }

    private static String name(AdminUnit u, boolean en) {
        return en && u.nameEn() != null ? u.nameEn() : u.name();
    }
}
