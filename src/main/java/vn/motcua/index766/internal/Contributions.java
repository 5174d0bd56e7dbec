package vn.motcua.index766.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.index766.Index766Settings;

/**
 * What one dossier adds to {@code index766_agg}: a pure function of its facts and of the last closed month, so
 * that the consumer can subtract the old contribution and add the new one, and a recount gives the same sums.
 */
public final class Contributions {

    /** Counter columns of {@code index766_agg}, in this order. */
    public static final List<String> COLUMNS = List.of("n", "online", "early", "on_time", "late", "minutes",
            "fee_bearing", "paid_online", "with_result", "electronic_result", "digitised", "population",
            "unsatisfied", "bad54", "rated");
    public static final int N = 0, ONLINE = 1, EARLY = 2, ON_TIME = 3, LATE = 4, MINUTES = 5, FEE = 6, PAID = 7,
            WITH_RESULT = 8, ELECTRONIC = 9, DIGITISED = 10, POPULATION = 11, UNSATISFIED = 12, BAD54 = 13,
            RATED = 14, SIZE = 15;

    /** A row key of {@code index766_agg}. */
    public record Key(LocalDate month, char basis, String unit, String procedure) implements Comparable<Key> {

        @Override
        public int compareTo(Key o) {
            int c = unit.compareTo(o.unit);
            if (c == 0) {
                c = procedure.compareTo(o.procedure);
            }
            if (c == 0) {
                c = Character.compare(basis, o.basis);
            }
            return c != 0 ? c : month.compareTo(o.month);
        }
    }

    /** Receives contributions. */
    public interface Sink {
        void add(Key key, long[] values);
    }

    /** Receives a dossier's contributions before they are spread over its units ({@link #spread}). */
    public interface RowSink {
        void add(LocalDate month, char basis, long[] values);
    }

    private Contributions() {
    }

    /**
     * Adds {@code sign} × the contribution of {@code f} (with its outcome) to the sink.
     *
     * @param closedThrough the last month whose "open at the month's end" rows exist (null: none)
     */
    public static void of(Fact f, int sign, YearMonth closedThrough, ZoneId zone, Index766Settings s, Sink sink) {
        if (f == null || !f.counted()) {
            return;
        }
        List<String[]> units = units(f);
        rows(f, closedThrough, zone, s, (month, basis, values) -> emit(sink, units, month, basis, values, sign,
                f.procedureCode()));
    }

    /**
     * The contribution of {@code f} per (month, basis), the same for every unit it counts in: {@link #of} is
     * {@code rows} then {@link #spread}; the recount sums rows of dossiers with the same units and procedure first.
     */
    public static void rows(Fact f, YearMonth closedThrough, ZoneId zone, Index766Settings s, RowSink sink) {
        if (f == null || !f.counted()) {
            return;
        }
        long[] r = new long[SIZE];
        r[N] = 1;
        r[ONLINE] = f.online() ? 1 : 0;
        r[FEE] = f.feeBearing() ? 1 : 0;
        r[PAID] = f.paidOnline() ? 1 : 0;
        r[POPULATION] = f.populationData() ? 1 : 0;
        sink.add(month(f.receivedAt(), zone), 'R', r);
        if (f.endAt() != null) {
            long[] e = new long[SIZE];
            e[N] = 1;
            e[ONLINE] = f.online() ? 1 : 0;
            boolean late = "LATE".equals(f.outcome());
            e[EARLY] = "EARLY".equals(f.outcome()) ? 1 : 0;
            e[ON_TIME] = "ON_TIME".equals(f.outcome()) ? 1 : 0;
            e[LATE] = late ? 1 : 0;
            if (f.withResult()) {
                e[WITH_RESULT] = 1;
                e[MINUTES] = Math.max(0, Duration.between(f.receivedAt(), f.endAt()).toMinutes());
                e[ELECTRONIC] = f.electronicResult() ? 1 : 0;
                e[DIGITISED] = f.digitised() ? 1 : 0;
            }
            boolean unsatisfied = "UNSATISFIED".equals(f.rating());
            e[UNSATISFIED] = unsatisfied ? 1 : 0;
            e[BAD54] = late || unsatisfied ? 1 : 0;
            e[RATED] = f.rating() != null ? 1 : 0;
            sink.add(month(f.endAt(), zone), 'F', e);
        }
        if (closedThrough != null) {
            YearMonth m = YearMonth.from(f.receivedAt().atZoneSameInstant(zone));
            YearMonth until = f.endAt() == null ? closedThrough
                    : min(closedThrough, YearMonth.from(f.endAt().atZoneSameInstant(zone)).minusMonths(1));
            for (; !m.isAfter(until); m = m.plusMonths(1)) {
                OffsetDateTime monthEnd = monthEnd(m, zone);
                if (!f.receivedAt().isBefore(monthEnd)) {
                    continue;
                }
                long[] o = new long[SIZE];
                o[N] = 1;
                o[ONLINE] = f.online() ? 1 : 0;
                boolean onTime = FactRules.openOnTime(f, monthEnd, s);
                o[ON_TIME] = onTime ? 1 : 0;
                o[LATE] = onTime ? 0 : 1;
                o[BAD54] = onTime ? 0 : 1;
                sink.add(m.atDay(1), 'O', o);
            }
        }
    }

    /** Adds a row of {@link #rows} to every unit {@code f} counts in (f gives the units and procedure only). */
    public static void spread(Fact f, LocalDate month, char basis, long[] values, Sink sink) {
        emit(sink, units(f), month, basis, values, 1, f.procedureCode());
    }

    /** The first moment after the month, in Vietnam time. */
    public static OffsetDateTime monthEnd(YearMonth m, ZoneId zone) {
        return m.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
    }

    public static OffsetDateTime monthStart(YearMonth m, ZoneId zone) {
        return m.atDay(1).atStartOfDay(zone).toOffsetDateTime();
    }

    /** Unit keys a dossier counts in: {code, "p"} when per-procedure rows are kept too. */
    static List<String[]> units(Fact f) {
        List<String[]> out = new ArrayList<>(6);
        add(out, f.agencyCode(), true);
        add(out, f.communeCode(), true);
        add(out, f.districtCode(), true);
        add(out, f.provinceCode(), true);
        if (f.provinceCode() != null) {
            add(out, f.provinceCode() + "#" + f.level(), false);
        }
        if (f.districtCode() != null) {
            add(out, f.districtCode() + "#" + f.level(), false);
        }
        return out;
    }

    private static void add(List<String[]> out, String code, boolean procedures) {
        if (code == null || code.isBlank()) {
            return;
        }
        for (String[] u : out) {
            if (u[0].equals(code)) {
                return;
            }
        }
        out.add(new String[] {code, procedures ? "p" : ""});
    }

    private static void emit(Sink sink, List<String[]> units, LocalDate month, char basis, long[] values, int sign,
                             String procedure) {
        long[] v = values;
        if (sign != 1) {
            v = values.clone();
            for (int i = 0; i < v.length; i++) {
                v[i] *= sign;
            }
        }
        for (String[] u : units) {
            sink.add(new Key(month, basis, u[0], ""), v);
            if (!u[1].isEmpty() && procedure != null) {
                sink.add(new Key(month, basis, u[0], procedure), v);
            }
        }
    }

    private static LocalDate month(OffsetDateTime t, ZoneId zone) {
        return t.atZoneSameInstant(zone).toLocalDate().withDayOfMonth(1);
    }

    private static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }
}
