package vn.motcua.index766.internal;

import java.sql.Date;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import vn.motcua.index766.Index766Settings;

/**
 * Reads the sums of units for a range of months from {@code index766_agg}, and the dossiers still open in the
 * current month live from the facts. Keys of the answer: unit code, then the month (or the range's last month
 * when {@code byMonth} is false).
 */
@Component
public class IndexQueries {

    private static final String SUMS;

    static {
        StringBuilder s = new StringBuilder();
        for (String c : Contributions.COLUMNS) {
            s.append(", sum(").append(c).append(")::bigint as ").append(c);
        }
        SUMS = s.toString();
    }

    private final JdbcTemplate jdbc;
    private final IndexAggregates aggregates;

    IndexQueries(JdbcTemplate jdbc, IndexAggregates aggregates) {
        this.jdbc = jdbc;
        this.aggregates = aggregates;
    }

    /** Sums per unit (and per month when {@code byMonth}) for months first..last. */
    public Map<String, Map<YearMonth, Numbers>> load(List<UnitRef> units, YearMonth first, YearMonth last,
                                                      boolean byMonth, OffsetDateTime now) {
        YearMonth closed = aggregates.ensureRolled();
        Map<String, Map<YearMonth, Numbers>> out = new HashMap<>();
        if (units.isEmpty()) {
            return out;
        }
        String[] codes = units.stream().map(UnitRef::code).toArray(String[]::new);
        String monthCol = byMonth ? ", month" : "";
        Date from = Date.valueOf(first.atDay(1));
        Date to = Date.valueOf(last.atDay(1));
        jdbc.query("select unit_code, basis" + monthCol + SUMS + " " + """
                 from index766_agg where unit_code = any(?) and procedure_code = '' and basis in ('R', 'F')
                 and month between ? and ? group by unit_code, basis""" + monthCol, (RowCallbackHandler) rs -> {
            YearMonth m = byMonth ? YearMonth.from(rs.getDate("month").toLocalDate()) : last;
            long[] target = numbers(out, rs.getString("unit_code"), m).basis(rs.getString("basis").charAt(0));
            for (int i = 0; i < Contributions.SIZE; i++) {
                target[i] += rs.getLong(Contributions.COLUMNS.get(i));
            }
        }, codes, from, to);
        // open at the end of each closed month of the range (only the last one when not by month)
        YearMonth oFirst = byMonth ? first : last;
        YearMonth oLast = closed == null || closed.isBefore(last) ? closed : last;
        if (oLast != null && !oLast.isBefore(oFirst)) {
            jdbc.query("select unit_code, month" + SUMS + " " + """
                     from index766_agg where unit_code = any(?) and procedure_code = '' and basis = 'O'
                     and month between ? and ? group by unit_code, month""", (RowCallbackHandler) rs -> {
                YearMonth m = byMonth ? YearMonth.from(rs.getDate("month").toLocalDate()) : last;
                long[] target = numbers(out, rs.getString("unit_code"), m).o();
                for (int i = 0; i < Contributions.SIZE; i++) {
                    target[i] += rs.getLong(Contributions.COLUMNS.get(i));
                }
            }, codes, Date.valueOf(oFirst.atDay(1)), Date.valueOf(oLast.atDay(1)));
        }
        // the current month: open dossiers judged now
        if (closed == null || closed.isBefore(last)) {
            for (var e : byColumn(units).entrySet()) {
                live(out, e.getKey(), e.getValue(), last, now);
            }
        }
        jdbc.query("select unit_code, procedure_code" + monthCol + " " + """
                 , sum(online) > 0 as online, sum(paid_online) > 0 as paid, sum(population) > 0 as population
                 from index766_agg where unit_code = any(?) and basis = 'R' and procedure_code <> ''
                 and month between ? and ? group by unit_code, procedure_code""" + monthCol + " " + """
                 having sum(online) > 0 or sum(paid_online) > 0 or sum(population) > 0""", (RowCallbackHandler) rs -> {
            YearMonth m = byMonth ? YearMonth.from(rs.getDate("month").toLocalDate()) : last;
            Numbers n = numbers(out, rs.getString("unit_code"), m);
            if (rs.getBoolean("online")) {
                n.onlineProcedures().add(rs.getString("procedure_code"));
            }
            if (rs.getBoolean("paid")) {
                n.paidProcedures().add(rs.getString("procedure_code"));
            }
            if (rs.getBoolean("population")) {
                n.populationProcedures().add(rs.getString("procedure_code"));
            }
        }, codes, from, to);
        return out;
    }

    /** SQL condition: an open fact is within time at the first parameter (twice). */
    public static String onTimeSql(Index766Settings s) {
        String due = s.originalDue() ? "coalesce(original_due_at, due_at)" : "due_at";
        return "(not late_flag and " + due + " is not null and least(cast(? as timestamptz), coalesce(clock_stopped_at, "
                + "cast(? as timestamptz))) <= " + due + ")";
    }

    private void live(Map<String, Map<YearMonth, Numbers>> out, String column, List<String> codes, YearMonth month,
                      OffsetDateTime now) {
        String onTime = onTimeSql(aggregates.settings());
        jdbc.query("select " + column + " as unit_code, count(*) as n, count(*) filter (where channel = 'ONLINE') as online, "
                        + "count(*) filter (where " + onTime + ") as on_time from index766_dossier "
                        + "where end_at is null and received_at is not null and " + column + " = any(?) group by " + column,
                (RowCallbackHandler) rs -> {
                    long[] o = numbers(out, rs.getString("unit_code"), month).o();
                    long n = rs.getLong("n");
                    long ok = rs.getLong("on_time");
                    o[Contributions.N] += n;
                    o[Contributions.ONLINE] += rs.getLong("online");
                    o[Contributions.ON_TIME] += ok;
                    o[Contributions.LATE] += n - ok;
                    o[Contributions.BAD54] += n - ok;
                }, now, now, codes.toArray(String[]::new));
    }

    private static Map<String, List<String>> byColumn(List<UnitRef> units) {
        Map<String, List<String>> out = new HashMap<>();
        for (UnitRef u : units) {
            out.computeIfAbsent(u.column(), k -> new java.util.ArrayList<>()).add(u.code());
        }
        return out;
    }

    private static Numbers numbers(Map<String, Map<YearMonth, Numbers>> out, String unit, YearMonth m) {
        return out.computeIfAbsent(unit, k -> new HashMap<>()).computeIfAbsent(m, k -> Numbers.empty());
    }
}
