package vn.motcua.index766.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DeskVisitRecorded;

/**
 * Walk-ins guided (form 02) or refused (form 03) at a counter without a dossier, from the dossier module's
 * {@link DeskVisitRecorded} events: stored by unit and counted in the statistics (they are not dossiers, so the 766
 * indicators do not count them).
 */
@Component
class DeskVisits {

    private final JdbcTemplate jdbc;

    DeskVisits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(List<DeskVisitRecorded> visits) {
        for (DeskVisitRecorded v : visits) {
            jdbc.update("""
                    insert into index766_desk_visit (id, form, procedure_code, procedure_name, agency_code,
                        province_code, district_code, commune_code, level, at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""", v.id(), v.form(),
                    v.procedureCode(), v.procedureName(), v.agencyCode(), v.provinceCode(), v.districtCode(),
                    v.communeCode(), v.level(), v.at());
        }
    }

    /**
     * Guided and refused walk-ins in {@code [from, to)} of the units selected by {@code where} (a condition on the
     * unit columns with one {@code ?} per code), by the grouping key columns, as {guided, refused}.
     */
    List<Map.Entry<String[], long[]>> counts(String where, List<Object> codes, List<String> keyColumns, OffsetDateTime from,
                                 OffsetDateTime to) {
        List<Map.Entry<String[], long[]>> out = new java.util.ArrayList<>();
        String cols = String.join(", ", keyColumns);
        List<Object> args = new java.util.ArrayList<>(codes);
        args.add(from);
        args.add(to);
        jdbc.query("select " + cols + ", count(*) filter (where form = 'GUIDANCE') as guided,"
                        + " count(*) filter (where form = 'REFUSAL') as refused from index766_desk_visit where "
                        + where + " and at >= ? and at < ? group by " + cols,
                (RowCallbackHandler) rs -> {
                    String[] k = new String[keyColumns.size()];
                    for (int i = 0; i < k.length; i++) {
                        k[i] = rs.getString(i + 1);
                    }
                    out.add(Map.entry(k, new long[] {rs.getLong("guided"), rs.getLong("refused")}));
                }, args.toArray());
        return out;
    }
}
