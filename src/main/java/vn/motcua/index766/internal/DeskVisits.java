package vn.motcua.index766.internal;

import java.time.OffsetDateTime;
import java.util.HashMap;
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

    /** Guided and refused walk-ins in {@code [from, to)} of a unit, by the grouping key, as {guided, refused}. */
    Map<String, long[]> counts(String unitColumn, String unitCode, String keyColumn, OffsetDateTime from,
                               OffsetDateTime to) {
        Map<String, long[]> out = new HashMap<>();
        jdbc.query("select " + keyColumn + " as k, count(*) filter (where form = 'GUIDANCE') as guided,"
                        + " count(*) filter (where form = 'REFUSAL') as refused from index766_desk_visit where "
                        + unitColumn + " = ? and at >= ? and at < ? group by " + keyColumn,
                (RowCallbackHandler) rs -> out.put(rs.getString("k"),
                        new long[] {rs.getLong("guided"), rs.getLong("refused")}), unitCode, from, to);
        return out;
    }
}
