package vn.motcua.index766.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitLevel;
import vn.motcua.platform.ProblemException;

/**
 * {@code GET /api/v1/stats/dossiers}: received / online / finished / early / on time / late in a date range and
 * in progress / overdue at its end, grouped by level, child unit, agency or procedure; and the walk-ins guided (form
 * 02) or refused (form 03) at a counter without a dossier. Exact for any dates: it
 * reads the facts (the reports of vn.motcua.index766.report read the same table).
 */
@Component
public class DossierStats {

    /** One group of the answer. */
    /**
     * @param guidedAtDesk  walk-ins given form 02 at a counter without a dossier (what to add, once, completely)
     * @param refusedAtDesk walk-ins given form 03 at a counter without a dossier
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "DossierStatsRow")
    public record Row(String key, String name, long received, long online, long finished, long onTime, long early,
                      long late, long inProgress, long overdue, long guidedAtDesk, long refusedAtDesk) {
    }

    private final JdbcTemplate jdbc;
    private final IndexService index;
    private final Organization organization;
    private final DeskVisits deskVisits;

    DossierStats(JdbcTemplate jdbc, IndexService index, Organization organization, DeskVisits deskVisits) {
        this.jdbc = jdbc;
        this.index = index;
        this.organization = organization;
        this.deskVisits = deskVisits;
    }

    /** The statistics of a unit by the units in force at the period (the units the dossiers were filed under). */
    public List<Row> stats(UnitRef unit, LocalDate from, LocalDate to, String groupBy, Locale locale) {
        return stats(new IndexService.Shown(unit, List.of(unit), List.of()), from, to, groupBy, locale);
    }

    /**
     * The statistics of a unit as shown (issue 11): by the units in force at the period, or re-mapped to today's
     * ({@link IndexService#today}: the unit of today over the former units it was formed from, the organization
     * module's {@code predecessors}). Re-mapped, the dossiers and walk-ins are those of the parts; grouped by UNIT, a
     * commune or ward of today is one row, and today's province has one row per commune or ward of today, a former
     * commune's figures on the row of the unit it counts for ({@code Organization.unitToday}, the one rule) and a
     * former district's own (filed under no commune: its one-stop) on the former district's row, since a district
     * has no successor. Levels, agencies and procedures are not re-mapped, only summed over the parts.
     */
    public List<Row> stats(IndexService.Shown shown, LocalDate from, LocalDate to, String groupBy, Locale locale) {
        UnitRef unit = shown.unit();
        boolean remapped = shown.remapped();
        String g = groupBy == null || groupBy.isBlank() ? "UNIT" : groupBy.trim().toUpperCase(Locale.ROOT);
        boolean en = IndexService.english(locale);
        Map<String, String> names = new LinkedHashMap<>();
        List<String> keys;
        java.util.function.Function<String[], String> rowOf = k -> k[0];
        switch (g) {
            case "LEVEL" -> {
                keys = List.of("level");
                for (UnitLevel l : UnitLevel.values()) {
                    if (l.ordinal() >= unit.level().ordinal()) {
                        names.put(l.name(), index.msg("index766.level." + l.name(), locale));
                    }
                }
            }
            case "UNIT" -> {
                if (unit.kind().equals("AGENCY") || unit.level() == UnitLevel.COMMUNE) {
                    keys = List.of(unit.column());
                    names.put(unit.code(), unit.name());
                    rowOf = k -> unit.code(); // re-mapped: the ward of today is one row over its former communes
                } else if (remapped && unit.level() == UnitLevel.PROVINCE) {
                    keys = List.of("district_code", "commune_code");
                    organization.unitsAt(unit.code(), index.today()).forEach(u -> names.put(u.code(),
                            en && u.nameEn() != null ? u.nameEn() : u.name()));
                    Map<String, String> today = new HashMap<>();
                    rowOf = k -> k[1] != null ? today.computeIfAbsent(k[1],
                            c -> organization.unitToday(c).orElse(c)) : k[0];
                } else {
                    keys = List.of(unit.level() == UnitLevel.PROVINCE ? "district_code" : "commune_code");
                    organization.children(unit.code()).forEach(u -> names.put(u.code(), en && u.nameEn() != null ? u.nameEn() : u.name()));
                }
            }
            case "AGENCY" -> {
                keys = List.of("agency_code");
                if (unit.kind().equals("AGENCY")) {
                    organization.agency(unit.code()).ifPresent(a -> names.put(a.code(),
                            en && a.nameEn() != null ? a.nameEn() : a.name()));
                } else {
                    for (UnitRef part : shown.parts()) {
                        organization.agenciesWithin(part.code()).forEach(a -> names.putIfAbsent(a.code(),
                                en && a.nameEn() != null ? a.nameEn() : a.name()));
                    }
                }
            }
            case "PROCEDURE" -> keys = List.of("procedure_code");
            default -> throw ProblemException.invalid("groupBy", "error.param.oneOf", "LEVEL, UNIT, AGENCY, PROCEDURE");
        }
        OffsetDateTime start = from.atStartOfDay(index.zone()).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(index.zone()).toOffsetDateTime();
        OffsetDateTime now = index.now();
        OffsetDateTime t = now.isBefore(end) ? now : end;
        String onTime = IndexQueries.onTimeSql(index.settings());
        String cols = String.join(", ", keys);
        List<Object> args = new ArrayList<>(List.of(start, end, start, end, start, end, start, end, start, end, start,
                end, end, end, end, end, t, t));
        args.addAll(codes(shown));
        args.add(end);
        args.add(start);
        Map<String, long[]> sums = new HashMap<>();
        Map<String, String> procedureNames = new HashMap<>();
        java.util.function.Function<String[], String> row = rowOf;
        jdbc.query("select " + cols + ", max(procedure_name) as pname,"
                        + " count(*) filter (where received_at >= ? and received_at < ?) as received,"
                        + " count(*) filter (where received_at >= ? and received_at < ? and channel = 'ONLINE') as online,"
                        + " count(*) filter (where end_at >= ? and end_at < ?) as finished,"
                        + " count(*) filter (where end_at >= ? and end_at < ? and outcome = 'ON_TIME') as on_time,"
                        + " count(*) filter (where end_at >= ? and end_at < ? and outcome = 'EARLY') as early,"
                        + " count(*) filter (where end_at >= ? and end_at < ? and outcome = 'LATE') as late,"
                        + " count(*) filter (where received_at < ? and (end_at is null or end_at >= ?)) as in_progress,"
                        + " count(*) filter (where received_at < ? and (end_at is null or end_at >= ?) and not " + onTime + ") as overdue"
                        + " from index766_dossier where " + where(shown) + " and received_at is not null"
                        + " and received_at < ? and (end_at is null or end_at >= ?) group by " + cols,
                (RowCallbackHandler) rs -> {
                    String k = row.apply(read(rs, keys));
                    long[] v = {rs.getLong("received"), rs.getLong("online"), rs.getLong("finished"),
                        rs.getLong("on_time"), rs.getLong("early"), rs.getLong("late"), rs.getLong("in_progress"),
                        rs.getLong("overdue")};
                    sums.merge(k == null ? "" : k, v, DossierStats::plus);
                    procedureNames.putIfAbsent(k == null ? "" : k, rs.getString("pname"));
                },
                args.toArray());
        if (remapped && g.equals("UNIT") && unit.level() == UnitLevel.PROVINCE) {
            // a former district's own dossiers (its one-stop, filed under no commune): the district's row, as it was
            sums.keySet().stream().filter(k -> !k.isEmpty() && !names.containsKey(k)).sorted()
                    .forEach(k -> names.put(k, organization.unit(k).map(u -> en && u.nameEn() != null ? u.nameEn()
                            : u.name()).orElse(k)));
        }
        List<Row> out = new ArrayList<>();
        if (g.equals("PROCEDURE")) {
            sums.keySet().stream().sorted().forEach(k -> names.put(k, procedureNames.get(k)));
        }
        Map<String, long[]> desk = new HashMap<>();
        for (var d : deskVisits.counts(where(shown), codes(shown), keys, start, end)) {
            String k = row.apply(d.getKey());
            desk.merge(k == null ? "" : k, d.getValue(), DossierStats::plus);
        }
        if (g.equals("PROCEDURE")) {
            desk.keySet().stream().filter(k -> !names.containsKey(k)).sorted().forEach(k -> names.put(k, k));
        }
        for (var e : names.entrySet()) {
            long[] v = sums.getOrDefault(e.getKey(), new long[8]);
            long[] w = desk.getOrDefault(e.getKey(), new long[2]);
            out.add(new Row(e.getKey(), e.getValue(), v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], w[0], w[1]));
        }
        return out;
    }

    /** The facts of the unit as shown: those filed under the unit, or under any of the units it was formed from. */
    private static String where(IndexService.Shown shown) {
        return "(" + String.join(" or ", shown.parts().stream().map(p -> p.column() + " = ?").toList()) + ")";
    }

    private static List<Object> codes(IndexService.Shown shown) {
        return shown.parts().stream().map(p -> (Object) p.code()).toList();
    }

    private static String[] read(java.sql.ResultSet rs, List<String> keys) throws java.sql.SQLException {
        String[] k = new String[keys.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = rs.getString(i + 1);
        }
        return k;
    }

    private static long[] plus(long[] a, long[] b) {
        long[] s = a.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] += b[i];
        }
        return s;
    }
}
