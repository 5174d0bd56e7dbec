package vn.motcua.index766.internal;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sums contributions in memory and adds them to {@code index766_agg} (upsert, in key order: no deadlocks). */
public final class AggregateBuffer implements Contributions.Sink {

    private static final String UPSERT;
    /** COPY of {@link #copyText()}'s lines. */
    static final String COPY = "copy index766_agg (month, basis, unit_code, procedure_code, "
            + String.join(", ", Contributions.COLUMNS) + ") from stdin";

    static {
        StringBuilder cols = new StringBuilder();
        StringBuilder params = new StringBuilder();
        StringBuilder sets = new StringBuilder();
        for (String c : Contributions.COLUMNS) {
            cols.append(", ").append(c);
            params.append(", ?");
            sets.append(sets.isEmpty() ? "" : ", ").append(c).append(" = index766_agg.").append(c)
                    .append(" + excluded.").append(c);
        }
        UPSERT = "insert into index766_agg (month, basis, unit_code, procedure_code" + cols + ") values (?, ?, ?, ?"
                + params + ") on conflict (unit_code, procedure_code, basis, month) do update set " + sets;
    }

    private final Map<Contributions.Key, long[]> sums = new HashMap<>();

    @Override
    public void add(Contributions.Key key, long[] values) {
        long[] s = sums.computeIfAbsent(key, k -> new long[Contributions.SIZE]);
        for (int i = 0; i < s.length; i++) {
            s[i] += values[i];
        }
    }

    public int size() {
        return sums.size();
    }

    /** The non-zero sums as COPY text lines for {@link #COPY} (into an empty table); empties the buffer. */
    public String copyText() {
        StringBuilder out = new StringBuilder(sums.size() * 96);
        for (var e : sums.entrySet()) {
            long[] v = e.getValue();
            if (zero(v)) {
                continue;
            }
            CopyLine line = new CopyLine(out).add(e.getKey().month().toString())
                    .add(String.valueOf(e.getKey().basis())).add(e.getKey().unit()).add(e.getKey().procedure());
            for (long x : v) {
                line.add(x);
            }
            line.end();
        }
        sums.clear();
        return out.toString();
    }

    private static boolean zero(long[] v) {
        for (long x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    /** Writes the non-zero sums and empties the buffer. */
    public int flush(JdbcTemplate jdbc) {
        List<Object[]> rows = new ArrayList<>();
        for (var e : new TreeMap<>(sums).entrySet()) {
            long[] v = e.getValue();
            if (zero(v)) {
                continue;
            }
            Object[] row = new Object[4 + v.length];
            row[0] = Date.valueOf(e.getKey().month());
            row[1] = String.valueOf(e.getKey().basis());
            row[2] = e.getKey().unit();
            row[3] = e.getKey().procedure();
            for (int i = 0; i < v.length; i++) {
                row[4 + i] = v[i];
            }
            rows.add(row);
        }
        sums.clear();
        for (int i = 0; i < rows.size(); i += 1000) {
            jdbc.batchUpdate(UPSERT, rows.subList(i, Math.min(rows.size(), i + 1000)));
        }
        return rows.size();
    }
}
