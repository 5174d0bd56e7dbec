package vn.motcua.index766.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.motcua.index766.Index766Settings;
import vn.motcua.index766.Indicators;
import vn.motcua.index766.Period;
import vn.motcua.index766.web.Index766Format;
import vn.motcua.platform.PageResult;
import vn.motcua.platform.ProblemException;

/**
 * The dossiers behind a number: those counted in an indicator's denominator (or numerator) for a unit and a
 * period, each with the sentence that says why. The totals come from the aggregates, so they are the index's
 * numbers; the rows come from the facts, newest first (ended ones, then those open at the period's end).
 */
@Component
public class DrillDown {

    /** One dossier of a drill-down. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "DrillDownRow")
    public record Row(String code, String procedureCode, String procedureName, String agencyCode, String channel,
                      String status, OffsetDateTime receivedAt, OffsetDateTime dueAt, OffsetDateTime endAt,
                      String outcome, boolean inNumerator, String why) {
    }

    private final JdbcTemplate jdbc;
    private final IndexService index;

    DrillDown(JdbcTemplate jdbc, IndexService index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    public static boolean supported(String indicatorId) {
        return Indicators.byId(indicatorId).map(i -> i.basis() == Indicators.Basis.RECEIVED
                || i.basis() == Indicators.Basis.PROCESSED || i.basis() == Indicators.Basis.WITH_RESULT).orElse(false);
    }

    public PageResult<Row> list(String indicatorId, UnitRef unit, Period period, boolean numerator, int page, int size,
                                Locale locale) {
        return list(indicatorId, new IndexService.Shown(unit, List.of(unit), List.of()), period, numerator, page, size,
                locale);
    }

    /**
     * The dossiers of a unit as shown: re-mapped to today's units, those of the former units it was formed from
     * (issue 11), the totals being the sums the index shows.
     */
    public PageResult<Row> list(String indicatorId, IndexService.Shown unit, Period period, boolean numerator, int page,
                                int size, Locale locale) {
        var ind = Indicators.byId(indicatorId)
                .orElseThrow(() -> ProblemException.notFound("error.index766.indicator", indicatorId));
        if (!supported(indicatorId) || !ind.source().computable()) {
            throw ProblemException.invalid("indicatorId", "error.index766.notPerDossier", indicatorId);
        }
        PageResult.check(page, size);
        Numbers n = index.numbers(unit, period);
        // the parts' columns (one for a unit, the same level's for the units a unit of today was formed from)
        java.util.Map<String, List<String>> byColumn = new java.util.LinkedHashMap<>();
        unit.parts().forEach(u -> byColumn.computeIfAbsent(u.column(), k -> new ArrayList<>()).add(u.code()));
        List<String> conditions = new ArrayList<>();
        List<Object> unitArgs = new ArrayList<>();
        byColumn.forEach((column, codes) -> {
            conditions.add(column + " = any(?)");
            unitArgs.add(codes.toArray(String[]::new));
        });
        Index766Settings s = index.settings();
        OffsetDateTime ps = Contributions.monthStart(period.first(), index.zone());
        OffsetDateTime pe = Contributions.monthEnd(period.last(), index.zone());
        OffsetDateTime now = index.now();
        OffsetDateTime t = now.isBefore(pe) ? now : pe;
        String unitSql = "(" + String.join(" or ", conditions) + ")";
        List<Part> parts = new ArrayList<>();
        switch (ind.basis()) {
            case RECEIVED -> {
                String base = "received_at >= ? and received_at < ?" + switch (indicatorId) {
                    case "3.6" -> " and fee_bearing";
                    default -> "";
                };
                String num = switch (indicatorId) {
                    case "3.3" -> " and channel = 'ONLINE'";
                    case "3.6" -> " and paid_online";
                    default -> " and population_data";
                };
                long[] fr = index.fraction(indicatorId, n);
                parts.add(new Part(base + (numerator ? num : ""), new Object[] {ps, pe}, "received_at",
                        numerator ? fr[0] : fr[1]));
            }
            case WITH_RESULT -> {
                String base = "received_at is not null and end_at >= ? and end_at < ? and end_kind in ('FINISHED', 'RETURNED')";
                String num = switch (indicatorId) {
                    case "4.1" -> " and electronic_result";
                    case "4.2" -> " and digitised";
                    default -> "";
                };
                long[] fr = index.fraction(indicatorId, n);
                long total = indicatorId.equals("2.2") ? fr[1] : numerator ? fr[0] : fr[1];
                parts.add(new Part(base + (numerator ? num : ""), new Object[] {ps, pe}, "end_at", total));
            }
            default -> {
                long[] f = n.f(), o = n.o();
                boolean is54 = indicatorId.equals("5.4");
                String fNum = is54 ? " and outcome <> 'LATE' and rating is distinct from 'UNSATISFIED'"
                        : " and outcome in ('EARLY', 'ON_TIME')";
                long fTotal = !numerator ? f[Contributions.N]
                        : is54 ? f[Contributions.N] - f[Contributions.BAD54] : f[Contributions.EARLY] + f[Contributions.ON_TIME];
                parts.add(new Part("received_at is not null and end_at >= ? and end_at < ?" + (numerator ? fNum : ""),
                        new Object[] {ps, pe}, "end_at", fTotal));
                String oBase = "received_at is not null and received_at < ? and (end_at is null or end_at >= ?)";
                long oTotal = numerator ? o[Contributions.ON_TIME] : o[Contributions.N];
                parts.add(numerator
                        ? new Part(oBase + " and " + IndexQueries.onTimeSql(s), new Object[] {pe, pe, t, t},
                        "received_at", oTotal)
                        : new Part(oBase, new Object[] {pe, pe}, "received_at", oTotal));
            }
        }
        long total = parts.stream().mapToLong(Part::total).sum();
        List<Row> rows = new ArrayList<>();
        long offset = (long) page * size;
        for (Part part : parts) {
            if (rows.size() >= size) {
                break;
            }
            if (offset >= part.total()) {
                offset -= part.total();
                continue;
            }
            Object[] args = new Object[part.args().length + unitArgs.size() + 2];
            for (int i = 0; i < unitArgs.size(); i++) {
                args[i] = unitArgs.get(i);
            }
            System.arraycopy(part.args(), 0, args, unitArgs.size(), part.args().length);
            args[args.length - 2] = size - rows.size();
            args[args.length - 1] = offset;
            List<Fact> facts = jdbc.query("select " + FactStore.COLUMNS + " from index766_dossier where " + unitSql
                    + " and " + part.where() + " order by " + part.order() + " desc, dossier_id desc limit ? offset ?",
                    (rs, i) -> FactStore.map(rs), args);
            for (Fact f : facts) {
                rows.add(row(indicatorId, f, t, s, locale));
            }
            offset = 0;
        }
        return new PageResult<>(rows, total, page, size);
    }

    private record Part(String where, Object[] args, String order, long total) {
    }

    Row row(String id, Fact f, OffsetDateTime t, Index766Settings s, Locale locale) {
        boolean in;
        String why;
        OffsetDateTime due = FactRules.due(f, s);
        Index766Format fmt = index.format(locale);
        switch (id) {
            case "2.1", "5.4" -> {
                boolean open = f.endAt() == null || !f.endAt().isBefore(t);
                boolean ok;
                if (!open) {
                    ok = !"LATE".equals(f.outcome());
                    String verdict = index.msg("index766.outcome." + f.outcome(), locale);
                    why = f.lateFlag()
                            ? index.msg("index766.why.supplements", locale, fmt.moment(f.endAt()), f.supplementCount())
                            : index.msg("index766.why.ended", locale, fmt.moment(f.endAt()), fmt.moment(due), verdict);
                } else {
                    ok = FactRules.openOnTime(f, t, s);
                    String verdict = index.msg(ok ? "index766.open.ok" : "index766.open.late", locale);
                    if (f.lateFlag()) {
                        why = index.msg("index766.why.openSupplements", locale, f.supplementCount());
                    } else if (f.clockStoppedAt() != null && f.clockStoppedAt().isBefore(t)) {
                        why = index.msg("index766.why.waiting", locale, fmt.moment(f.clockStoppedAt()),
                                fmt.moment(due), verdict);
                    } else {
                        why = index.msg("index766.why.open", locale, fmt.moment(due), fmt.moment(t), verdict);
                    }
                }
                if (f.apologyCount() > 0) {
                    why += index.msg("index766.why.apology", locale);
                }
                if (id.equals("5.4")) {
                    boolean unsatisfied = "UNSATISFIED".equals(f.rating());
                    if (unsatisfied) {
                        why += index.msg("index766.why.unsatisfied", locale);
                    }
                    ok = ok && !unsatisfied;
                }
                in = ok;
            }
            case "2.2" -> {
                in = true;
                why = index.msg("index766.why.duration", locale, fmt.duration(
                        java.time.Duration.between(f.receivedAt(), f.endAt()).toMinutes()));
            }
            case "3.3" -> {
                in = f.online();
                why = index.msg("index766.why.channel." + f.channel(), locale);
            }
            case "3.6" -> {
                in = f.paidOnline();
                why = index.msg(in ? "index766.why.paidOnline" : "index766.why.notPaidOnline", locale);
            }
            case "4.1" -> {
                in = f.electronicResult();
                why = index.msg(in ? "index766.why.electronicResult" : "index766.why.noElectronicResult", locale);
            }
            case "4.2" -> {
                in = f.digitised();
                why = index.msg(in ? "index766.why.digitised" : "index766.why.notDigitised", locale);
            }
            default -> {
                in = f.populationData();
                why = index.msg(!in ? "index766.why.noPopulation" : f.vneidFiled() ? "index766.why.populationVneid"
                        : "index766.why.population", locale);
            }
        }
        return new Row(f.code(), f.procedureCode(), f.procedureName(), f.agencyCode(), f.channel(), f.status(),
                f.receivedAt(), f.dueAt(), f.endAt(), f.outcome(), in, why);
    }
}
