package vn.motcua.index766.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

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

    /** What the rows of a report are. */
    enum Grouping {
        /** one row per level (Bảng 2) */
        LEVEL("level, null, null, null", "1"),
        /** one row per department, district, commune (Bảng 3, online rates, one procedure) */
        UNIT("level, " + UNIT_KEY + ", null, null", "1, 2"),
        /** one row per procedure (the busiest procedures) */
        PROCEDURE("null, null, procedure_code, min(procedure_name)", "3");

        private final String select;
        private final String groupBy;

        Grouping(String select, String groupBy) {
            this.select = select;
            this.groupBy = groupBy;
        }
    }

    /**
     * The figures of one group; {@code offeredOnline} counts the dossiers received in the period for the
     * procedures given as offered online (0 when none are given).
     */
    record Cell(String level, String unitKey, String procedureCode, String procedureName, Counts counts,
                long offeredOnline) {
    }

    /**
     * One aggregate over the period's facts. It runs in a read-only transaction with a larger {@code work_mem}
     * (the rows are grouped in memory, not sorted on disk) and without JIT (compiling costs more than it saves
     * on a one-second query).
     */
    @Transactional(readOnly = true)
    public List<Cell> cells(ReportRequest r, Grouping grouping, List<String> offered) {
        jdbc.sql("select set_config('work_mem', '64MB', true), set_config('jit', 'off', true)").query().listOfRows();
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
        String sql = "select " + grouping.select + ","
                + (offered == null ? " 0" : " count(*) filter (where received_at >= :from and procedure_code = any(string_to_array(:offered, ',')))")
                + " as offered,"
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
                + " group by " + grouping.groupBy;
        var spec = jdbc.sql(sql).param("from", Timestamp.from(start)).param("to", Timestamp.from(end))
                .param("cut", Timestamp.from(cut));
        if (r.scope() != null) {
            spec = spec.param("unit", r.scope().bound());
        }
        if (r.procedure() != null) {
            spec = spec.param("procedure", r.procedure());
        }
        if (offered != null) {
            spec = spec.param("offered", String.join(",", offered));
        }
        return spec.query((rs, i) -> new Cell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Counts.of(rs.getLong("carried"), rs.getLong("new_online"), rs.getLong("new_direct"),
                        rs.getLong("processed"), rs.getLong("early"), rs.getLong("late"),
                        rs.getLong("in_progress"), rs.getLong("overdue")), rs.getLong("offered"))).list();
    }
}
