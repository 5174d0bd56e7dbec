package vn.motcua.index766.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the facts ({@code index766_dossier}) for the report tables: one aggregate per report, grouped by level,
 * unit and procedure, which the service rolls up into the rows each table needs.
 *
 * <p>The period's dossiers are those received before its end and either received in it, or ended in or after
 * it, or still open. The three branches of the {@code where} each match an index of V10: received_at (or
 * district/commune/agency + received_at), end_at, and the partial index of open dossiers.
 */
@Repository
class FactQueries {

    /** The unit a fact is counted under in Bảng 3: its agency (departments) or its district / commune. */
    static final String UNIT_KEY = "case level when 'PROVINCE' then agency_code "
            + "when 'DISTRICT' then coalesce(district_code, agency_code) "
            + "else coalesce(commune_code, agency_code) end";

    private final JdbcClient jdbc;
    private final Clock clock;

    FactQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The figures of one (level, unit, procedure) group. */
    record Cell(String level, String unitKey, String procedureCode, String procedureName, Counts counts) {
    }

    List<Cell> cells(ReportRequest r) {
        Instant start = r.start();
        Instant end = r.end();
        Instant now = clock.instant();
        Instant cut = now.isBefore(end) ? now : end;
        StringBuilder where = new StringBuilder();
        if (r.scope() != null) {
            where.append(r.scope().condition()).append(" and ");
        }
        if (r.procedure() != null) {
            where.append("procedure_code = :procedure and ");
        }
        String sql = "select level, " + UNIT_KEY + " as unit_key, procedure_code, min(procedure_name) as procedure_name,"
                + " count(*) filter (where received_at < :from) as carried,"
                + " count(*) filter (where received_at >= :from and channel = 'ONLINE') as new_online,"
                + " count(*) filter (where received_at >= :from and channel <> 'ONLINE') as new_direct,"
                + " count(*) filter (where end_at < :to) as processed,"
                + " count(*) filter (where end_at < :to and outcome = 'EARLY' and not late_flag) as early,"
                + " count(*) filter (where end_at < :to and (outcome = 'LATE' or late_flag)) as late,"
                + " count(*) filter (where end_at is null or end_at >= :to) as in_progress,"
                + " count(*) filter (where (end_at is null or end_at >= :to) and due_at < :cut) as overdue"
                + " from index766_dossier where " + where
                + " ((received_at >= :from and received_at < :to)"
                + " or (received_at < :from and end_at >= :from)"
                + " or (received_at < :from and end_at is null))"
                + " group by 1, 2, 3";
        var spec = jdbc.sql(sql).param("from", Timestamp.from(start)).param("to", Timestamp.from(end))
                .param("cut", Timestamp.from(cut));
        if (r.scope() != null) {
            spec = spec.param("unit", r.scope().code());
        }
        if (r.procedure() != null) {
            spec = spec.param("procedure", r.procedure());
        }
        return spec.query((rs, i) -> new Cell(rs.getString("level"), rs.getString("unit_key"),
                rs.getString("procedure_code"), rs.getString("procedure_name"),
                Counts.of(rs.getLong("carried"), rs.getLong("new_online"), rs.getLong("new_direct"),
                        rs.getLong("processed"), rs.getLong("early"), rs.getLong("late"),
                        rs.getLong("in_progress"), rs.getLong("overdue")))).list();
    }
}
