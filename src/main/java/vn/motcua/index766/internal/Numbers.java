package vn.motcua.index766.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * The sums of one unit for one period: received (R), ended (F), open at the end (O), and the procedures with
 * an online dossier / an online payment / a dossier using population data (3.2, 3.5b, 4.5a).
 */
public record Numbers(long[] r, long[] f, long[] o, Set<String> onlineProcedures, Set<String> paidProcedures,
                      Set<String> populationProcedures) {

    public static Numbers empty() {
        return new Numbers(new long[Contributions.SIZE], new long[Contributions.SIZE], new long[Contributions.SIZE],
                new HashSet<>(), new HashSet<>(), new HashSet<>());
    }

    public long[] basis(char b) {
        return switch (b) {
            case 'R' -> r;
            case 'F' -> f;
            default -> o;
        };
    }
}
