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

    public List<Row> stats(UnitRef unit, LocalDate from, LocalDate to, String groupBy, Locale locale) {
        String g = groupBy == null || groupBy.isBlank() ? "UNIT" : groupBy.trim().toUpperCase(Locale.ROOT);
        boolean en = IndexService.english(locale);
        Map<String, String> names = new LinkedHashMap<>();
        String key;
        switch (g) {
            case "LEVEL" -> {
                key = "level";
                for (UnitLevel l : UnitLevel.values()) {
                    if (l.ordinal() >= unit.level().ordinal()) {
                        names.put(l.name(), index.msg("index766.level." + l.name(), locale));
                    }
                }
            }
            case "UNIT" -> {
                if (unit.kind().equals("AGENCY") || unit.level() == UnitLevel.COMMUNE) {
                    key = unit.column();
                    names.put(unit.code(), unit.name());
                } else {
                    key = unit.level() == UnitLevel.PROVINCE ? "district_code" : "commune_code";
                    organization.children(unit.code()).forEach(u -> names.put(u.code(), en && u.nameEn() != null ? u.nameEn() : u.name()));
                }
            }
            case "AGENCY" -> {
                key = "agency_code";
                (unit.kind().equals("AGENCY") ? organization.agency(unit.code()).stream().toList()
                        : organization.agenciesWithin(unit.code()))
                        .forEach(a -> names.put(a.code(), en && a.nameEn() != null ? a.nameEn() : a.name()));
            }
            case "PROCEDURE" -> key = "procedure_code";
            default -> throw ProblemException.invalid("groupBy", "error.param.oneOf", "LEVEL, UNIT, AGENCY, PROCEDURE");
        }
        OffsetDateTime start = from.atStartOfDay(index.zone()).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(index.zone()).toOffsetDateTime();
        OffsetDateTime now = index.now();
        OffsetDateTime t = now.isBefore(end) ? now : end;
        String onTime = IndexQueries.onTimeSql(index.settings());
        Map<String, long[]> sums = new HashMap<>();
        Map<String, String> procedureNames = new HashMap<>();
        jdbc.query("select " + key + " as k, max(procedure_name) as pname,"
                        + " count(*) filter (where received_at >= ? and received_at < ?) as received,"
                        + " count(*) filter (where received_at >= ? and received_at < ? and channel = 'ONLINE') as online,"
                        + " count(*) filter (where end_at >= ? and end_at < ?) as finished,"
                        + " count(*) filter (where end_at >= ? and end_at < ? and outcome = 'ON_TIME') as on_time,"
                        + " count(*) filter (where end_at >= ? and end_at < ? and outcome = 'EARLY') as early,"
                        + " count(*) filter (where end_at >= ? and end_at < ? and outcome = 'LATE') as late,"
                        + " count(*) filter (where received_at < ? and (end_at is null or end_at >= ?)) as in_progress,"
                        + " count(*) filter (where received_at < ? and (end_at is null or end_at >= ?) and not " + onTime + ") as overdue"
                        + " from index766_dossier where " + unit.column() + " = ? and received_at is not null"
                        + " and received_at < ? and (end_at is null or end_at >= ?) group by " + key,
                (RowCallbackHandler) rs -> {
                    String k = rs.getString("k");
                    sums.put(k, new long[] {rs.getLong("received"), rs.getLong("online"), rs.getLong("finished"),
                        rs.getLong("on_time"), rs.getLong("early"), rs.getLong("late"), rs.getLong("in_progress"),
                        rs.getLong("overdue")});
                    procedureNames.put(k, rs.getString("pname"));
                },
                start, end, start, end, start, end, start, end, start, end, start, end, end, end, end, end, t, t,
                unit.code(), end, start);
        List<Row> out = new ArrayList<>();
        if (g.equals("PROCEDURE")) {
            sums.keySet().stream().sorted().forEach(k -> names.put(k, procedureNames.get(k)));
        }
        Map<String, long[]> desk = deskVisits.counts(unit.column(), unit.code(), key, start, end);
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
}
