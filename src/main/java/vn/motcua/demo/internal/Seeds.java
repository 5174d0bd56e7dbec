package vn.motcua.demo.internal;

import java.util.EnumMap;
import java.util.Map;
import vn.motcua.organization.UnitLevel;

/**
 * The proportions the generator reproduces, with their sources (docs/GENERATOR.md). Bình Phước 2022 (Bảng 2
 * of the seed report): 69,661 province-level, 52,812 district-level and 1,128,884 commune-level dossiers
 * received, ~1.6 %, 4.7 % and 2.0 % of them late.
 */
final class Seeds {

    private Seeds() {
    }

    /** Dossiers received in 2022 by level (Bảng 2). */
    static final Map<UnitLevel, Long> RECEIVED_2022 = new EnumMap<>(Map.of(
            UnitLevel.PROVINCE, 69_661L, UnitLevel.DISTRICT, 52_812L, UnitLevel.COMMUNE, 1_128_884L));

    /** The province's 2022 total: 1,251,357. */
    static final long TOTAL_2022 = RECEIVED_2022.values().stream().mapToLong(Long::longValue).sum();

    /** Share of finished dossiers finished late, by level (Bảng 2). */
    static final Map<UnitLevel, Double> LATE_RATE = new EnumMap<>(Map.of(
            UnitLevel.PROVINCE, 0.016, UnitLevel.DISTRICT, 0.047, UnitLevel.COMMUNE, 0.020));

    /**
     * Share of dossiers submitted online, by level. No seed figure was found in shared/design: these are
     * assumptions (documented in docs/GENERATOR.md), below the 50 % online-processing target and decreasing
     * from the departments to the communes as in the national portal's public statistics for 2022.
     */
    static final Map<UnitLevel, Double> ONLINE_SHARE = new EnumMap<>(Map.of(
            UnitLevel.PROVINCE, 0.52, UnitLevel.DISTRICT, 0.38, UnitLevel.COMMUNE, 0.22));

    /** Of counter intakes, the share that came by post (bưu chính công ích). */
    static final double POSTAL_SHARE = 0.02;

    /**
     * {@code n} dossiers split over the levels in the 2022 proportions, exactly (largest remainder): with
     * {@code n = 1,251,357} the split is the seed's own figures.
     */
    static Map<UnitLevel, Long> split(long n) {
        Map<UnitLevel, Long> out = new EnumMap<>(UnitLevel.class);
        long given = 0;
        UnitLevel largestRemainder = null;
        double best = -1;
        double[] remainders = new double[UnitLevel.values().length];
        for (UnitLevel l : UnitLevel.values()) {
            double exact = (double) n * RECEIVED_2022.get(l) / TOTAL_2022;
            long floor = (long) Math.floor(exact);
            out.put(l, floor);
            given += floor;
            remainders[l.ordinal()] = exact - floor;
        }
        // hand out what rounding down left, largest remainders first
        while (given < n) {
            best = -1;
            for (UnitLevel l : UnitLevel.values()) {
                if (remainders[l.ordinal()] > best) {
                    best = remainders[l.ordinal()];
                    largestRemainder = l;
                }
            }
            out.merge(largestRemainder, 1L, Long::sum);
            remainders[largestRemainder.ordinal()] = -1;
            given++;
        }
        return out;
    }
}
