package vn.motcua.index766;

import java.util.Locale;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;

/**
 * Which units the figures of a period are shown by (issue 11, the two-level local government of 1 July 2025): the
 * units in force at the period (the units the dossiers were filed under: a period of 2024 by Bình Phước's districts
 * and communes), or today's units, each with the dossiers of the units it was formed from (Phường Bình Phước = Tân Phú,
 * Tân Đồng, Tân Bình, Tân Xuân, Tân Thiện, Tiến Hưng). The mapping itself is the organization module's
 * ({@code Organization.unitToday} / {@code predecessors}).
 */
public enum UnitsBasis {
    /** The units in force at the period (the default). */
    AT_PERIOD,
    /** Today's units, re-mapped over the former units they were formed from. */
    TODAY;

    /** The {@code units} parameter: empty → {@link #AT_PERIOD}; anything else but the two → null. */
    public static UnitsBasis of(String text) {
        if (text == null || text.isBlank()) {
            return AT_PERIOD;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** As {@link #of}, a bad value being a 400 naming {@code units}. */
    public static UnitsBasis parse(String text) {
        UnitsBasis b = of(text);
        if (b == null) {
            throw ProblemException.invalid(java.util.List.of(problem(text)));
        }
        return b;
    }

    /** The problem of a bad {@code units} value, in the reader's language. */
    public static FieldProblem problem(String text) {
        return FieldProblem.of("units", "error.index766.units", text);
    }
}
