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
import org.springframework.context.MessageSource;
import vn.motcua.index766.IndexResult;
import vn.motcua.index766.Indicators;
import vn.motcua.index766.Period;
import vn.motcua.index766.UnitsBasis;
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
 * of one indicator ({@code /chi-so-766/{id}}) and the public transparency page ({@code /cong-khai}). Charts are
 * inline SVG drawn here ({@link SvgCharts}, no script); numbers, moments and periods are written for the reader
 * by {@link Index766Format} (issue 18); the tables carry the same numbers as the charts.
 */
@Controller
class Index766Pages {

    /** An option of a select. */
    record Option(String value, String label, String group) {
    }

    /**
     * Indicators whose numerator is a total of minutes and denominator a number of dossiers (2.2, the average
     * processing time): shown as an average length of time, not as a fraction.
     */
    static final java.util.Set<String> DURATIONS = java.util.Set.of("2.2");

    /** Units of a ranking shown before "the whole ranking" (which is folded). */
    static final int RANKING_SHOWN = 10;

    private final IndexService index;
    private final DrillDown drillDown;
    private final Organization organization;
    private final MessageSource messages;
    private final vn.motcua.dossier.DossierContents dossiers;

    Index766Pages(IndexService index, DrillDown drillDown, Organization organization, MessageSource messages,
                  vn.motcua.dossier.DossierContents dossiers) {
        this.dossiers = dossiers;
        this.index = index;
        this.drillDown = drillDown;
        this.organization = organization;
        this.messages = messages;
    }

    private Index766Format format(Locale locale) {
        return new Index766Format(locale, messages, index.zone());
    }

    /** The sentences saying how the province has set a configurable rule, per indicator that has one (issue 18). */
    private java.util.Map<String, String> rules(Locale locale) {
        java.util.Map<String, String> rules = new java.util.HashMap<>();
        for (var ind : Indicators.ALL) {
            String rule = index.rule(ind.id(), locale);
            if (rule != null) {
                rules.put(ind.id(), rule);
            }
        }
        return rules;
    }

    @GetMapping("/chi-so-766")
    String dashboard(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
                     @RequestParam(required = false) String level, @RequestParam(required = false) String units,
                     @Nullable Actor actor, Locale locale, Model model) {
        UnitsBasis basis = UnitsBasis.parse(units);
        IndexService.Shown shown = shown(unit, basis, actor, locale);
        // the last complete month: the current one is a few days old at the start of a month (issue 18)
        Period p = index.period(period, true);
        // named as it stood then (a reused code: 25195 is Phường Bình Phước from July 2025, Phường Tân Phú before),
        // or as it is today when re-mapped to today's units
        UnitRef u = index.named(shown, p, locale);
        IndexResult r = index.index(shown, p, locale);
        boolean today = basis == UnitsBasis.TODAY;
        IndexService.RankLevel rl = level == null || level.isBlank() ? defaultLevel(u, today) : Index766Api.level(level);
        var ranking = today ? index.rankingToday(rl, p, locale) : index.ranking(rl, p, locale);
        var trend = index.trend(shown, 12, locale);
        model.addAttribute("unitsBasis", basis.name());
        model.addAttribute("unitsBases", UnitsBasis.values());
        model.addAttribute("formedFrom", String.join(", ", shown.formedFrom()));
        model.addAttribute("unit", u);
        model.addAttribute("period", p);
        model.addAttribute("result", r);
        model.addAttribute("rankLevel", rl.name());
        model.addAttribute("rankLevels", java.util.Arrays.stream(IndexService.RankLevel.values())
                .filter(l -> !today || l != IndexService.RankLevel.DISTRICT || l == rl).toList());
        model.addAttribute("ranking", ranking);
        model.addAttribute("trend", trend);
        model.addAttribute("units", grouped(today ? unitOptionsToday(locale) : unitOptions(p, locale)));
        model.addAttribute("periods", grouped(periodOptions(p, locale)));
        Index766Format f = format(locale);
        model.addAttribute("fmt", f);
        model.addAttribute("durations", DURATIONS);
        model.addAttribute("rules", rules(locale));
        model.addAttribute("groupsChart", SvgCharts.groups("chart-groups", f.msg("index766.chart.groups"),
                r.groups().stream().map(g -> new SvgCharts.GroupBar(g.id() + ". " + g.name(), g.score(),
                        g.computableMax(), g.max(), f.points(g.score(), g.max()))).toList(),
                List.of(f.msg("index766.legend.score"), f.msg("index766.legend.computable"),
                        f.msg("index766.legend.max"))));
        model.addAttribute("trendChart", SvgCharts.line("chart-trend", f.msg("index766.chart.trend"),
                trend.stream().map(t -> new SvgCharts.Point(f.shortMonth(t.period()), t.score(),
                        f.points(t.score(), t.computableMax()))).toList(), 100));
        var top = ranking.stream().limit(15).toList();
        // the first ten and the unit looked at; the whole ranking is folded below (111 communes on a phone)
        model.addAttribute("rankingTop", ranking.stream()
                .filter(k -> k.rank() <= RANKING_SHOWN || k.unit().equals(u.code())).toList());
        model.addAttribute("rankingShown", top.size());
        model.addAttribute("rankingChart", SvgCharts.bars("chart-ranking",
                f.msg("index766.chart.ranking", top.size()),
                top.stream().map(k -> new SvgCharts.Bar(k.rank() + ". " + k.name(), k.score(), f.number(k.score()),
                        k.unit().equals(u.code()))).toList(), 100));
        return "index766/dashboard";
    }

    /**
     * The unit asked for, or where an officer lands (issue 18), shown by the units in force at the period or re-mapped
     * to today's (issue 11: a former unit is taken to the unit of today it counts for, Xã Tiến Hưng → Phường Bình
     * Phước).
     */
    private IndexService.Shown shown(@Nullable String unit, UnitsBasis basis, @Nullable Actor actor, Locale locale) {
        String code = unit == null || unit.isBlank() ? home(actor) : unit.trim();
        if (basis == UnitsBasis.TODAY) {
            return index.today(code, locale);
        }
        return index.atPeriod(code, locale);
    }

    /**
     * Where an officer lands (issue 18): the administrative unit of their agency (a ward leader sees their ward, not
     * the province among 146 options); a provincial department's officer, a monitor or an administrator sees the
     * province (null).
     */
    private @Nullable String home(@Nullable Actor actor) {
        if (actor == null || actor.agencyCode() == null) {
            return null;
        }
        return organization.agency(actor.agencyCode())
                .filter(a -> a.level() != UnitLevel.PROVINCE && a.unitCode() != null)
                .map(Agency::unitCode).orElse(null);
    }

    @GetMapping("/chi-so-766/{indicatorId}")
    String drillDown(@PathVariable String indicatorId, @RequestParam(required = false) String unit,
                     @RequestParam(required = false) String period, @RequestParam(required = false) String part,
                     @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String units,
                     @Nullable Actor actor, Locale locale, Model model) {
        var ind = Indicators.byId(indicatorId)
                .orElseThrow(() -> ProblemException.notFound("error.index766.indicator", indicatorId));
        UnitsBasis basis = UnitsBasis.parse(units);
        IndexService.Shown shown = basis == UnitsBasis.TODAY ? index.today(unit, locale) : index.atPeriod(unit, locale);
        UnitRef u = shown.unit();
        Period p = index.period(period);
        boolean numerator = Index766Api.numerator(part);
        var rows = drillDown.list(indicatorId, shown, p, numerator, Math.max(0, page), 50, locale);
        IndexResult r = index.index(shown, p, locale);
        model.addAttribute("unitsBasis", basis.name());
        model.addAttribute("formedFrom", String.join(", ", shown.formedFrom()));
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
        model.addAttribute("fmt", format(locale));
        model.addAttribute("durations", DURATIONS);
        model.addAttribute("rules", rules(locale));
        // a code opens the officer's dossier page when the officer may see that dossier there (their agency's,
        // their step's or consulted); the others stay text rather than lead to "not found"
        model.addAttribute("openable", actor != null && actor.isOfficer()
                ? dossiers.visibleToOfficer(rows.items().stream().map(DrillDown.Row::code).toList(), actor)
                : java.util.Set.of());
        return "index766/drilldown";
    }

    /**
     * The public transparency page: the province's index for a period and its units' ranking, by the units in force
     * at the period (the default, as on the other pages: the province and its districts, the communes of the period
     * folded below) or re-mapped to today's units (issue 11, {@code units=TODAY}: today's province over the former
     * ones, {@link IndexService#today}, and today's communes and wards each over the former communes it was formed
     * from, {@link IndexService#rankingToday}; no district level). The choice is a form field kept in the address.
     */
    @GetMapping("/cong-khai")
    String publicPage(@RequestParam(required = false) String period, @RequestParam(required = false) String units,
                      Locale locale, Model model) {
        UnitsBasis basis = UnitsBasis.parse(units);
        boolean today = basis == UnitsBasis.TODAY;
        IndexService.Shown shown = today ? index.today(null, locale) : index.atPeriod(null, locale);
        Period p = index.period(period, true);
        Period year = Period.parse(String.valueOf(p.last().getYear()));
        IndexResult month = index.index(shown, p, locale);
        IndexResult y = index.index(shown, year, locale);
        var numbers = index.numbers(shown, p);
        model.addAttribute("unit", today ? shown.unit() : index.province(locale));
        model.addAttribute("unitsBasis", basis.name());
        model.addAttribute("unitsBases", UnitsBasis.values());
        model.addAttribute("formedFrom", String.join(", ", shown.formedFrom()));
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
        model.addAttribute("districts", today ? List.of() : index.ranking(IndexService.RankLevel.DISTRICT, p, locale));
        model.addAttribute("communes", today ? index.rankingToday(IndexService.RankLevel.COMMUNE, p, locale)
                : index.ranking(IndexService.RankLevel.COMMUNE, p, locale));
        model.addAttribute("fmt", format(locale));
        return "index766/public";
    }

    private static IndexService.RankLevel defaultLevel(UnitRef u, boolean today) {
        return !today && u.level() == UnitLevel.PROVINCE && !u.kind().equals("AGENCY") ? IndexService.RankLevel.DISTRICT
                : IndexService.RankLevel.COMMUNE;
    }

    /**
     * Today's units (issue 11): the province in force today, its departments and its communes and wards (the 40
     * formed from Bình Phước); the same as {@link #unitOptions} where nothing was reorganised.
     */
    private List<Option> unitOptionsToday(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        java.time.LocalDate today = index.today();
        var provinces = organization.unitsAt(null, today).stream().filter(u -> u.level() == UnitLevel.PROVINCE)
                .toList();
        if (provinces.isEmpty() || organization.predecessors(provinces.getFirst().code()).isEmpty()) {
            return unitOptions(Period.month(index.currentMonth()), locale);
        }
        List<Option> out = new ArrayList<>();
        for (var p : provinces) {
            out.add(new Option(p.code(), en && p.nameEn() != null ? p.nameEn() : p.name(),
                    msg("index766.group.province", locale)));
            organization.allAgencies().stream().filter(a -> a.level() == UnitLevel.PROVINCE && !a.isOneStop())
                    .sorted(java.util.Comparator.comparing(Agency::code))
                    .forEach(a -> out.add(new Option(a.code(), en && a.nameEn() != null ? a.nameEn() : a.name(),
                            msg("index766.group.departments", locale))));
            organization.unitsAt(p.code(), today).stream()
                    .sorted(java.util.Comparator.comparing(vn.motcua.organization.UnitPeriod::name))
                    .forEach(c -> out.add(new Option(c.code(), en && c.nameEn() != null ? c.nameEn() : c.name(),
                            msg("index766.group.today", locale))));
        }
        return out;
    }

    /**
     * The units a leader can look at for a period: the province(s), the departments, the districts, and the communes
     * of the period ({@link IndexService#communesAt}: on today's structure the communes and wards of Đồng Nai under
     * "Tỉnh Đồng Nai", named as they are, with Tỉnh Đồng Nai itself).
     */
    private List<Option> unitOptions(Period period, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        List<Option> out = new ArrayList<>();
        List<IndexService.Listed> communes = index.communesAt(period, locale);
        for (var u : organization.unitsAt(null, index.dayOf(period))) {
            if (u.level() == UnitLevel.PROVINCE && organization.unit(u.code()).isEmpty()) {
                out.add(new Option(u.code(), en && u.nameEn() != null ? u.nameEn() : u.name(),
                        msg("index766.group.province", locale)));
            }
        }
        for (AdminUnit p : organization.units(UnitLevel.PROVINCE)) {
            String pg = msg("index766.group.province", locale);
            out.add(new Option(p.code(), name(p, en), pg));
            for (Agency a : organization.agencies(p.code())) {
                if (!a.isOneStop()) {
                    out.add(new Option(a.code(), en && a.nameEn() != null ? a.nameEn() : a.name(),
                            msg("index766.group.departments", locale)));
                }
            }
            for (AdminUnit d : organization.children(p.code())) {
                out.add(new Option(d.code(), name(d, en), msg("index766.group.districts", locale)));
            }
        }
        for (IndexService.Listed c : communes) {
            out.add(new Option(c.unit().code(), c.unit().name(), c.group()));
        }
        return out;
    }

    private List<Option> periodOptions(Period selected, Locale locale) {
        Index766Format f = format(locale);
        YearMonth now = index.currentMonth();
        List<Option> out = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String m = now.minusMonths(i).toString();
            out.add(new Option(m, f.period(m), f.msg("index766.group.months")));
        }
        for (int i = 0; i < 8; i++) {
            YearMonth m = now.minusMonths(3L * i);
            String q = m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1);
            out.add(new Option(q, f.period(q), f.msg("index766.group.quarters")));
        }
        for (int i = 0; i < 5; i++) {
            String y = String.valueOf(now.getYear() - i);
            out.add(new Option(y, f.period(y), f.msg("index766.group.years")));
        }
        if (out.stream().noneMatch(o -> o.value().equals(selected.text()))) {
            out.add(new Option(selected.text(), f.period(selected.text()), f.msg("index766.group.selected")));
        }
        return out;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
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
