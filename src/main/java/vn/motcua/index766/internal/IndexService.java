package vn.motcua.index766.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureQuery;
import vn.motcua.index766.Index766Settings;
import vn.motcua.index766.IndexResult;
import vn.motcua.index766.IndexResult.GroupResult;
import vn.motcua.index766.IndexResult.IndicatorResult;
import vn.motcua.index766.Indicators;
import vn.motcua.index766.Indicators.Indicator;
import vn.motcua.index766.Indicators.Source;
import vn.motcua.index766.Period;
import vn.motcua.index766.web.Index766Format;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AdminUnit;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitLevel;
import vn.motcua.platform.ProblemException;

/** The index of a unit for a period, the ranking of units and the trend, from the aggregates. */
@Service
public class IndexService {

    /** Ranking levels. */
    public enum RankLevel { DISTRICT, COMMUNE, AGENCY, DEPARTMENT }

    /** One line of a ranking. */
    public record RankRow(int rank, String unit, String name, double score, double computableMax, Double onTimeRatio,
                          long received) {
    }

    /** One month of a trend. */
    public record TrendPoint(String period, double score, double computableMax, Double onTimeRatio,
                             Double onlineRatio, long received, long finished) {
    }

    private final IndexQueries queries;
    private final Organization organization;
    private final Catalog catalog;
    private final Index766Settings settings;
    private final MessageSource messages;
    private final Clock clock;
    private final vn.motcua.certification.CertificationStats certifications;
    private final AtomicReference<CatalogueCache> catalogue = new AtomicReference<>();

    /** The province's time zone (the calendar's). */
    private final java.time.ZoneId zone;
    private final vn.motcua.feedback.FeedbackFigures feedback;

    IndexService(IndexQueries queries, Organization organization, Catalog catalog, Index766Settings settings,
                 MessageSource messages, Clock clock, vn.motcua.certification.CertificationStats certifications,
                 java.time.ZoneId zone, vn.motcua.feedback.FeedbackFigures feedback) {
        this.zone = zone;
        this.feedback = feedback;
        this.certifications = certifications;
        this.queries = queries;
        this.organization = organization;
        this.catalog = catalog;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    public Index766Settings settings() {
        return settings;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** The province's time zone: days and months of the index and its reports. */
    public java.time.ZoneId zone() {
        return zone;
    }

    /** Today in the province. */
    public java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(zone));
    }

    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(zone));
    }

    // ---------------------------------------------------------------- input

    /** The unit of a code (province, district, commune or agency); 400 naming the field otherwise. */
    public UnitRef unit(String code, Locale locale) {
        if (code == null || code.isBlank()) {
            throw ProblemException.invalid("unit", "error.index766.unit.required");
        }
        String c = code.trim();
        boolean en = english(locale);
        var u = organization.unit(c);
        if (u.isPresent()) {
            return ref(u.get(), en);
        }
        var a = organization.agency(c);
        if (a.isPresent()) {
            return ref(a.get(), en);
        }
        if (organization.unitAt(c, today()).isPresent()) {
            return todayRef(c, locale); // a unit formed by a reorganisation under a code of its own (Tỉnh Đồng Nai 75)
        }
        throw ProblemException.invalid("unit", "error.index766.unit", c);
    }

    public UnitRef province(Locale locale) {
        return organization.units(UnitLevel.PROVINCE).stream().findFirst().map(u -> ref(u, english(locale)))
                .orElseThrow();
    }

    /** A period of {@code 2026-10}, {@code 2026-Q3} or {@code 2026}, not after the current month; 400 otherwise. */
    public Period period(String text) {
        return period(text, false);
    }

    /**
     * The period asked for; when none, the current month (live) or, for published figures, the last complete
     * month (DVCQG computes a month only after its last day).
     */
    public Period period(String text, boolean lastCompleteByDefault) {
        if (text == null || text.isBlank()) {
            return Period.month(lastCompleteByDefault ? currentMonth().minusMonths(1) : currentMonth());
        }
        Period p = Period.parse(text);
        if (p == null || p.first().getYear() < 2000) {
            throw ProblemException.invalid("period", "error.index766.period", text);
        }
        if (p.first().isAfter(currentMonth())) {
            throw ProblemException.invalid("period", "error.index766.period.future", text);
        }
        return p;
    }

    // ---------------------------------------------------------------- the index

    public IndexResult index(UnitRef asked, Period period, Locale locale) {
        YearMonth last = period.last().isAfter(currentMonth()) ? currentMonth() : period.last();
        UnitRef unit = asOf(asked, period, locale);
        Numbers n = queries.load(List.of(unit), period.first(), last, false, now())
                .getOrDefault(unit.code(), Map.of()).getOrDefault(last, Numbers.empty());
        return compute(unit, period.text(), n, feedback(period.first(), last), locale);
    }

    /**
     * The unit named as it stood at the end of the period: a GSO code can be reused (25195 is Phường Tân Phú until
     * June 2025, Phường Bình Phước from July 2025, docs/REORGANISATION.md), so a ward leader of today's structure sees
     * their ward's name on this month's index. The directory's name when the unit has no period then; agencies as
     * they are.
     */
    public UnitRef asOf(UnitRef u, Period period, Locale locale) {
        if ("AGENCY".equals(u.kind())) {
            return u;
        }
        return organization.unitAt(u.code(), dayOf(period)).filter(p -> p.level() == u.level())
                .map(p -> new UnitRef(u.code(), english(locale) && p.nameEn() != null ? p.nameEn() : p.name(),
                        u.kind(), u.column(), u.level()))
                .orElse(u);
    }

    /** The day a period's units are taken at: its last day, today for the current month. */
    public java.time.LocalDate dayOf(Period period) {
        java.time.LocalDate end = period.last().atEndOfMonth();
        return end.isAfter(today()) ? today() : end;
    }

    /** A commune, ward or town as listed for a period, and the unit it lay in then (its district, or its province). */
    public record Listed(UnitRef unit, String group) {
    }

    /**
     * The communes, wards and towns of a period, for the ranking and the unit list: those in force on its last day
     * (today for the current month) and those whose own agencies still receive (a reorganisation recorded, not
     * applied), each named as it stood then and under the unit it lay in then. On today's structure: the 40 communes
     * and wards of Đồng Nai formed from Bình Phước under "Tỉnh Đồng Nai", not the 111 of before; for 2024 the 111.
     */
    public List<Listed> communesAt(Period period, Locale locale) {
        boolean en = english(locale);
        Map<String, vn.motcua.organization.UnitPeriod> then = new java.util.HashMap<>();
        organization.unitsAt(null, dayOf(period)).forEach(u -> then.putIfAbsent(u.code(), u));
        List<Listed> out = new ArrayList<>();
        for (AdminUnit c : organization.units(UnitLevel.COMMUNE)) {
            var u = then.get(c.code());
            if (u == null && organization.agencies(c.code()).isEmpty()) {
                continue; // abolished, and nothing of its own receives any more
            }
            String name = u == null ? null : en && u.nameEn() != null ? u.nameEn() : u.name();
            UnitRef ref = name == null ? ref(c, en) : new UnitRef(c.code(), name, c.level().name(), "commune_code",
                    c.level());
            String parent = u == null ? c.parentCode() : u.parentCode();
            var p = parent == null ? null : then.get(parent);
            String group = p != null ? (en && p.nameEn() != null ? p.nameEn() : p.name())
                    : organization.unit(parent).map(x -> en && x.nameEn() != null ? x.nameEn() : x.name()).orElse("");
            out.add(new Listed(ref, group));
        }
        return out;
    }

    /**
     * A unit as figures are shown by it: the unit, and the units whose dossiers it counts — itself, or for a unit of
     * today re-mapped ({@link vn.motcua.index766.UnitsBasis#TODAY}) the former units it was formed from (issue 11).
     *
     * @param formedFrom the former units' names when re-mapped (for the reader), empty otherwise
     */
    public record Shown(UnitRef unit, List<UnitRef> parts, List<String> formedFrom) {

        public boolean remapped() {
            return !formedFrom.isEmpty();
        }
    }

    /** A unit by the units in force at the period: itself (default the province). */
    public Shown atPeriod(@Nullable String code, Locale locale) {
        UnitRef u = code == null || code.isBlank() ? province(locale) : unit(code, locale);
        return new Shown(u, List.of(u), List.of());
    }

    /**
     * A unit of today re-mapped over the units it was formed from ({@code Organization.predecessors}): a former unit
     * asked for is first taken to the unit of today its dossiers count for ({@code Organization.unitToday}: Xã Tiến
     * Hưng → Phường Bình Phước); no code: today's province; a unit or agency not reorganised answers as itself.
     */
    public Shown today(@Nullable String code, Locale locale) {
        String c = code == null || code.isBlank() ? todayProvince() : code.trim();
        if (organization.unit(c).isPresent() || organization.unitAt(c, today()).isPresent()) {
            c = organization.unitToday(c).orElse(c);
        }
        List<String> olds = organization.predecessors(c);
        if (olds.isEmpty()) {
            return atPeriod(c, locale);
        }
        boolean en = english(locale);
        UnitRef unit = todayRef(c, locale);
        List<UnitRef> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String old : olds) {
            // the column follows the level, the same for a reused code (25195: Tân Phú's and Bình Phước's commune_code)
            var u = organization.unit(old);
            UnitRef part = u.isPresent() ? ref(u.get(), en)
                    : organization.unitAt(old, today()).isPresent() ? todayRef(old, locale) : null;
            if (part == null) {
                continue;
            }
            parts.add(part);
            if (!part.name().equals(unit.name())) {
                names.add(part.name());
            }
        }
        return new Shown(unit, parts, names);
    }

    /** The province in force today (Tỉnh Đồng Nai 75 after 1 July 2025 in the demo data; else the directory's). */
    private String todayProvince() {
        return organization.unitsAt(null, today()).stream()
                .filter(u -> u.level() == UnitLevel.PROVINCE).map(vn.motcua.organization.UnitPeriod::code)
                .findFirst().orElseGet(() -> organization.units(UnitLevel.PROVINCE).getFirst().code());
    }

    /** The index of a unit shown by the units in force at the period, or re-mapped to today's. */
    public IndexResult index(Shown shown, Period period, Locale locale) {
        YearMonth last = period.last().isAfter(currentMonth()) ? currentMonth() : period.last();
        return compute(named(shown, period, locale), period.text(), numbers(shown, period),
                feedback(period.first(), last), locale);
    }

    /** The unit's name: as it stood at the period ({@link #asOf}), or today's when re-mapped to today's units. */
    public UnitRef named(Shown shown, Period period, Locale locale) {
        return shown.remapped() ? shown.unit() : asOf(shown.unit(), period, locale);
    }

    /** The numbers of a unit as shown: the sums over its parts (additive counts, united procedure sets). */
    public Numbers numbers(Shown shown, Period period) {
        YearMonth last = period.last().isAfter(currentMonth()) ? currentMonth() : period.last();
        Map<String, Map<YearMonth, Numbers>> all = queries.load(shown.parts(), period.first(), last, false, now());
        return sum(shown.parts(), all, last);
    }

    private static Numbers sum(List<UnitRef> parts, Map<String, Map<YearMonth, Numbers>> all, YearMonth month) {
        Numbers sum = Numbers.empty();
        for (UnitRef r : parts) {
            Numbers n = all.getOrDefault(r.code(), Map.of()).getOrDefault(month, Numbers.empty());
            for (int i = 0; i < sum.r().length; i++) {
                sum.r()[i] += n.r()[i];
                sum.f()[i] += n.f()[i];
                sum.o()[i] += n.o()[i];
            }
            sum.onlineProcedures().addAll(n.onlineProcedures());
            sum.paidProcedures().addAll(n.paidProcedures());
            sum.populationProcedures().addAll(n.populationProcedures());
        }
        return sum;
    }

    /**
     * The index of a unit of today's structure re-mapped over the period: the dossiers of the units it was formed from
     * (e.g. Phường Bình Phước of 1 July 2025 = Tân Phú, Tân Đồng, Tân Bình, Tân Xuân, Tân Thiện, Tiến Hưng), whatever
     * units they were filed under. A unit that was not reorganised answers as {@link #index}.
     */
    public IndexResult indexToday(String code, Period period, Locale locale) {
        return index(today(code, locale), period, locale);
    }

    /** The sums of a unit of today over the units it was formed from (additive counts, united procedure sets). */
    public Numbers numbersToday(String code, Period period) {
        return numbers(today(code, Locale.ROOT), period);
    }

    /**
     * The ranking by today's units (issue 11): today's communes and wards, each over the units it was formed from;
     * agencies and departments as {@link #ranking}; no district level once districts are gone.
     */
    public List<RankRow> rankingToday(RankLevel level, Period period, Locale locale) {
        if (level == RankLevel.AGENCY || level == RankLevel.DEPARTMENT) {
            return ranking(level, period, locale);
        }
        UnitLevel ul = level == RankLevel.DISTRICT ? UnitLevel.DISTRICT : UnitLevel.COMMUNE;
        List<Shown> units = organization.unitsAt(null, today()).stream().filter(u -> u.level() == ul)
                .map(u -> today(u.code(), locale)).toList();
        YearMonth last = period.last().isAfter(currentMonth()) ? currentMonth() : period.last();
        var all = queries.load(units.stream().flatMap(u -> u.parts().stream()).distinct().toList(), period.first(),
                last, false, now());
        var feedbackByAgency = feedback(period.first(), last);
        List<RankRow> rows = new ArrayList<>();
        for (Shown u : units) {
            Numbers n = sum(u.parts(), all, last);
            IndexResult r = compute(u.unit(), period.text(), n, feedbackByAgency, locale);
            rows.add(new RankRow(0, u.unit().code(), u.unit().name(), r.score(), r.computableMax(),
                    r.groups().get(1).indicators().get(0).ratio(), n.r()[Contributions.N]));
        }
        return ranked(rows);
    }

    /** The trend of a unit as shown (over its parts when re-mapped to today's units). */
    public List<TrendPoint> trend(Shown shown, int months, Locale locale) {
        YearMonth last = currentMonth();
        YearMonth first = last.minusMonths(months - 1L);
        var all = queries.load(shown.parts(), first, last, true, now());
        List<TrendPoint> out = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            out.add(point(shown.unit(), m, sum(shown.parts(), all, m), locale));
        }
        return out;
    }

    private UnitRef todayRef(String code, Locale locale) {
        java.time.LocalDate today = today();
        var u = organization.unitAt(code, today)
                .orElseThrow(() -> ProblemException.invalid("unit", "error.index766.unit", code));
        String column = switch (u.level()) {
            case PROVINCE -> "province_code";
            case DISTRICT -> "district_code";
            case COMMUNE -> "commune_code";
        };
        return new UnitRef(u.code(), english(locale) && u.nameEn() != null ? u.nameEn() : u.name(), u.level().name(),
                column, u.level());
    }

    public List<RankRow> ranking(RankLevel level, Period period, Locale locale) {
        boolean en = english(locale);
        List<UnitRef> units = switch (level) {
            case DISTRICT -> organization.units(UnitLevel.DISTRICT).stream().map(u -> ref(u, en)).toList();
            case COMMUNE -> communesAt(period, locale).stream().map(Listed::unit).toList();
            case AGENCY -> organization.allAgencies().stream().map(a -> ref(a, en)).toList();
            case DEPARTMENT -> organization.allAgencies().stream()
                    .filter(a -> a.level() == UnitLevel.PROVINCE && !a.isOneStop()).map(a -> ref(a, en)).toList();
        };
        YearMonth last = period.last().isAfter(currentMonth()) ? currentMonth() : period.last();
        var all = queries.load(units, period.first(), last, false, now());
        var feedbackByAgency = feedback(period.first(), last);
        List<RankRow> rows = new ArrayList<>();
        for (UnitRef u : units) {
            Numbers n = all.getOrDefault(u.code(), Map.of()).getOrDefault(last, Numbers.empty());
            IndexResult r = compute(u, period.text(), n, feedbackByAgency, locale);
            Double onTime = r.groups().get(1).indicators().get(0).ratio();
            rows.add(new RankRow(0, u.code(), u.name(), r.score(), r.computableMax(), onTime, n.r()[Contributions.N]));
        }
        return ranked(rows);
    }

    private static List<RankRow> ranked(List<RankRow> rows) {
        rows.sort(Comparator.comparingDouble(RankRow::score).reversed().thenComparing(RankRow::name));
        List<RankRow> ranked = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            RankRow r = rows.get(i);
            ranked.add(new RankRow(i + 1, r.unit(), r.name(), r.score(), r.computableMax(), r.onTimeRatio(), r.received()));
        }
        return ranked;
    }

    public List<TrendPoint> trend(UnitRef unit, int months, Locale locale) {
        YearMonth last = currentMonth();
        YearMonth first = last.minusMonths(months - 1L);
        var byMonth = queries.load(List.of(unit), first, last, true, now()).getOrDefault(unit.code(), Map.of());
        List<TrendPoint> out = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            out.add(point(unit, m, byMonth.getOrDefault(m, Numbers.empty()), locale));
        }
        return out;
    }

    private TrendPoint point(UnitRef unit, YearMonth m, Numbers n, Locale locale) {
        IndexResult r = compute(unit, m.toString(), n, feedback(m, m), locale);
        long[] rr = n.r();
        return new TrendPoint(m.toString(), r.score(), r.computableMax(),
                r.groups().get(1).indicators().get(0).ratio(),
                rr[Contributions.N] == 0 ? null : round4((double) rr[Contributions.ONLINE] / rr[Contributions.N]),
                rr[Contributions.N], n.f()[Contributions.N]);
    }

    /** Numerator and denominator of a dossier-based indicator (the drill-down's totals). */
    public long[] fraction(String indicatorId, Numbers n) {
        long[] r = n.r(), f = n.f(), o = n.o();
        return switch (indicatorId) {
            case "2.1" -> new long[] {f[Contributions.EARLY] + f[Contributions.ON_TIME] + o[Contributions.ON_TIME],
                f[Contributions.N] + o[Contributions.N]};
            case "2.2" -> new long[] {f[Contributions.MINUTES], f[Contributions.WITH_RESULT]};
            case "3.3" -> new long[] {r[Contributions.ONLINE], r[Contributions.N]};
            case "3.6" -> new long[] {r[Contributions.PAID], r[Contributions.FEE]};
            case "4.1" -> new long[] {f[Contributions.ELECTRONIC], f[Contributions.WITH_RESULT]};
            case "4.2" -> new long[] {f[Contributions.DIGITISED], f[Contributions.WITH_RESULT]};
            case "4.5b" -> new long[] {r[Contributions.POPULATION], r[Contributions.N]};
            case "5.4" -> {
                long den = f[Contributions.N] + o[Contributions.N];
                yield new long[] {den - f[Contributions.BAD54] - o[Contributions.BAD54], den};
            }
            default -> null;
        };
    }

    public Numbers numbers(UnitRef unit, Period period) {
        YearMonth last = period.last().isAfter(currentMonth()) ? currentMonth() : period.last();
        return queries.load(List.of(unit), period.first(), last, false, now())
                .getOrDefault(unit.code(), Map.of()).getOrDefault(last, Numbers.empty());
    }

    /**
     * The feedback of the months [first, last] per competent agency (766 indicators 5.1–5.3), judged at the period's
     * end or now; none when feedback is not handled in MotCua ({@code motcua.index766.feedback-available=false}).
     */
    private Map<String, vn.motcua.feedback.FeedbackFigures.Counts> feedback(YearMonth first, YearMonth last) {
        if (!settings.feedbackAvailable()) {
            return Map.of();
        }
        OffsetDateTime from = first.atDay(1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = last.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime now = now();
        return feedback.countByAgency(from, to, now.isBefore(to) ? now : to);
    }

    /**
     * A unit's feedback: the province's is every item (those still at the desk included); an agency's, the items
     * routed to it; a district's or a commune's, those routed to its agencies and to those of the units under it.
     */
    private vn.motcua.feedback.FeedbackFigures.Counts feedbackOf(UnitRef unit,
                                                                 Map<String, vn.motcua.feedback.FeedbackFigures.Counts> byAgency) {
        var zero = vn.motcua.feedback.FeedbackFigures.Counts.ZERO;
        if ("AGENCY".equals(unit.kind())) {
            return byAgency.getOrDefault(unit.code(), zero);
        }
        if (unit.level() == UnitLevel.PROVINCE) {
            return byAgency.values().stream().reduce(zero, vn.motcua.feedback.FeedbackFigures.Counts::plus);
        }
        return organization.agenciesWithin(unit.code()).stream().map(a -> byAgency.getOrDefault(a.code(), zero))
                .reduce(zero, vn.motcua.feedback.FeedbackFigures.Counts::plus);
    }

    private static long[] fraction(vn.motcua.feedback.FeedbackFigures.Fraction f) {
        return new long[] {f.numerator(), f.denominator()};
    }

    IndexResult compute(UnitRef unit, String period, Numbers n,
                        Map<String, vn.motcua.feedback.FeedbackFigures.Counts> feedbackByAgency, Locale locale) {
        var pakn = settings.feedbackAvailable() ? feedbackOf(unit, feedbackByAgency) : null;
        boolean en = english(locale);
        CatalogueCache cat = catalogue();
        Set<String> applicable = cat.applicable(unit.level());
        Set<String> online = intersect(applicable, cat.online);
        Set<String> fee = intersect(applicable, cat.feeBearing);
        List<GroupResult> groups = new ArrayList<>();
        double total = 0;
        double totalMax = 0;
        for (Indicators.Group g : Indicators.GROUPS) {
            List<IndicatorResult> rows = new ArrayList<>();
            double score = 0;
            double max = 0;
            for (Indicator ind : Indicators.of(g)) {
                long[] fr = switch (ind.id()) {
                    case "3.1" -> new long[] {online.size(), applicable.size()};
                    case "3.2" -> new long[] {intersect(online, n.onlineProcedures()).size(), online.size()};
                    case "3.5b" -> new long[] {intersect(fee, n.paidProcedures()).size(), fee.size()};
                    case "4.5a" -> new long[] {intersect(applicable, n.populationProcedures()).size(),
                        applicable.size()};
                    case "5.1" -> pakn == null ? null : fraction(pakn.classification());
                    case "5.2" -> pakn == null ? null : fraction(pakn.onTime());
                    case "5.3" -> pakn == null ? null : fraction(pakn.satisfaction());
                    case "4.6" -> certificationCoverage(unit);
                    default -> fraction(ind.id(), n);
                };
                boolean computable = fr != null && (ind.source().computable()
                        || settings.feedbackAvailable() && ind.id().startsWith("5."));
                if (!computable) {
                    String status = msg(ind.source() == Source.NONE ? "index766.status.none" : "index766.status.national",
                            locale);
                    rows.add(new IndicatorResult(ind.id(), ind.name(en), null, null, null, ind.max(), null,
                            ind.key().name(), false, ind.source().name(), status, note(ind, locale), false));
                    continue;
                }
                Indicators.Key key = settings.keyOf(ind);
                Indicators.Score s = Indicators.score(ind, key, fr[0], fr[1], settings);
                String note = note(ind, locale);
                if (fr[1] <= 0 && key != Indicators.Key.MONITOR && !ind.id().startsWith("5.")) {
                    note += " " + msg(s.points() > 0 ? "index766.rule.empty.full" : "index766.rule.empty.zero", locale);
                }
                Double ratio = s.ratio() == null ? null : round4(s.ratio());
                if (ind.id().equals("2.2")) {
                    ratio = null;
                    if (fr[1] > 0) {
                        note = msg("index766.average", locale, format(locale).averageDuration(fr[0], fr[1])) + " "
                                + note;
                    }
                }
                rows.add(new IndicatorResult(ind.id(), ind.name(en), fr[0], fr[1], ratio, ind.max(),
                        round2(s.points()), key.name(), true, ind.source().name(),
                        msg(ind.source() == Source.PROXY ? "index766.status.proxy" : "index766.status.local", locale),
                        note, fraction(ind.id(), n) != null));
                score += s.points();
                max += ind.max();
            }
            groups.add(new GroupResult(g.id(), g.name(en), g.max(), round2(score), max, rows));
            total += score;
            totalMax += max;
        }
        return new IndexResult(unit.code(), unit.name(), period, round2(total), totalMax,
                msg("index766.computable", locale, fmt(round2(total), locale), fmt(totalMax, locale)),
                now().atZoneSameInstant(zone).toOffsetDateTime().toString(), groups);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * 4.6 (signing/certification, issue 12): the communes of the unit that have issued at least one certified
     * electronic copy so far ÷ the communes of the unit (for an agency: its own commune).
     */
    private long[] certificationCoverage(UnitRef unit) {
        String scope = unit.code();
        UnitLevel level = unit.level();
        if ("AGENCY".equals(unit.kind())) {
            var agency = organization.agency(unit.code()).orElse(null);
            if (agency == null) {
                return new long[] {0, 0};
            }
            scope = agency.unitCode();
            level = organization.unit(scope).map(AdminUnit::level).orElse(UnitLevel.COMMUNE);
        }
        final String within = scope;
        final UnitLevel at = level;
        List<String> communes = organization.units(UnitLevel.COMMUNE).stream().map(AdminUnit::code).filter(c -> {
            var path = organization.path(c);
            return switch (at) {
                case PROVINCE -> within.equals(path.provinceCode());
                case DISTRICT -> within.equals(path.districtCode());
                case COMMUNE -> within.equals(c);
            };
        }).toList();
        Set<String> certifying = new HashSet<>();
        for (String agency : certifications.agenciesCertifying(OffsetDateTime.parse("2000-01-01T00:00:00Z"),
                now().plusDays(1))) {
            organization.agency(agency).ifPresent(a -> certifying.add(a.unitCode()));
        }
        return new long[] {communes.stream().filter(certifying::contains).count(), communes.size()};
    }

    private CatalogueCache catalogue() {
        CatalogueCache c = catalogue.get();
        if (c == null || c.expired(clock.millis())) {
            c = CatalogueCache.load(catalog, clock.millis());
            catalogue.set(c);
        }
        return c;
    }

    /** The catalogue's procedures by level, online and fee-bearing (for 3.1, 3.2, 3.5b); read every 10 minutes. */
    private record CatalogueCache(long loadedAt, Map<UnitLevel, Set<String>> byLevel, Set<String> all,
                                  Set<String> online, Set<String> feeBearing) {

        static CatalogueCache load(Catalog catalog, long millis) {
            Map<UnitLevel, Set<String>> byLevel = new LinkedHashMap<>();
            Set<String> all = new HashSet<>();
            Set<String> online = new HashSet<>();
            Set<String> fee = new HashSet<>();
            for (int page = 0; page < 100; page++) {
                var result = catalog.search(new ProcedureQuery(null, null, null, null, null, page, 500));
                for (Procedure p : result.items()) {
                    all.add(p.code());
                    for (UnitLevel l : p.levels()) {
                        byLevel.computeIfAbsent(l, k -> new HashSet<>()).add(p.code());
                    }
                    if (p.onlineLevel() != null) {
                        online.add(p.code());
                    }
                    if (p.fees() != null && p.fees().stream().anyMatch(f -> f.amount() != null && f.amount() > 0)) {
                        fee.add(p.code());
                    }
                }
                if ((long) (page + 1) * 500 >= result.total()) {
                    break;
                }
            }
            return new CatalogueCache(millis, byLevel, all, online, fee);
        }

        boolean expired(long now) {
            return now - loadedAt > 600_000;
        }

        /** Procedures under the competence of a unit of this level (the province: all; a district: its own and its communes'). */
        Set<String> applicable(UnitLevel level) {
            return switch (level) {
                case PROVINCE -> all;
                case DISTRICT -> {
                    Set<String> s = new HashSet<>(byLevel.getOrDefault(UnitLevel.DISTRICT, Set.of()));
                    s.addAll(byLevel.getOrDefault(UnitLevel.COMMUNE, Set.of()));
                    yield s;
                }
                case COMMUNE -> byLevel.getOrDefault(UnitLevel.COMMUNE, Set.of());
            };
        }
    }

    UnitRef ref(AdminUnit u, boolean en) {
        String column = switch (u.level()) {
            case PROVINCE -> "province_code";
            case DISTRICT -> "district_code";
            case COMMUNE -> "commune_code";
        };
        return new UnitRef(u.code(), en && u.nameEn() != null ? u.nameEn() : u.name(), u.level().name(), column, u.level());
    }

    UnitRef ref(Agency a, boolean en) {
        return new UnitRef(a.code(), en && a.nameEn() != null ? a.nameEn() : a.name(), "AGENCY", "agency_code", a.level());
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.retainAll(b);
        return s;
    }

    /**
     * What an indicator counts, in the leader's words (issue 18): the "Cách tính" of the dashboard
     * ({@code index766.method.<id>}), then the rule the province has set where one applies ({@link #rule}).
     */
    public String note(Indicator ind, Locale locale) {
        String method = msg("index766.method." + ind.id(), locale);
        String rule = rule(ind.id(), locale);
        return rule == null ? method : method + " " + rule;
    }

    /**
     * The sentence saying how a rule the province may configure is set for this indicator, or null when none
     * applies: 5.2 and 5.3 without feedback ({@code no-feedback-full-points}), the scoring of 4.2 ({@code key42}).
     */
    public @Nullable String rule(String indicatorId, Locale locale) {
        return switch (indicatorId) {
            case "5.2", "5.3" -> msg(settings.noFeedbackFullPoints() ? "index766.rule.noFeedback.full"
                    : "index766.rule.noFeedback.zero", locale);
            case "4.2" -> msg("index766.rule.key42", locale);
            default -> null;
        };
    }

    /** How the index writes numbers and durations for a reader (issue 18). */
    public Index766Format format(Locale locale) {
        return new Index766Format(locale, messages, zone);
    }

    String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    private static String fmt(double v, Locale locale) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(locale, "%.2f", v);
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static double round4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
