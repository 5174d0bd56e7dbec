package vn.motcua.index766;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * A reporting period of the index: a month {@code 2026-10}, a quarter {@code 2026-Q3} or a year {@code 2026}
 * (DVCQG timeType). Months are calendar months in Vietnam time.
 */
public record Period(String text, YearMonth first, YearMonth last) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /**
     * Parses a period; null when the text is none of the three forms. Its {@link #text()} is written as it is read
     * (four-digit years: {@code 0777} read back as {@code 777} was refused; Jazzer, IdentifiersFuzzTest).
     */
    public static Period parse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        try {
            var m = MONTH.matcher(t);
            if (m.matches()) {
                YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return new Period(ym.toString(), ym, ym);
            }
            m = QUARTER.matcher(t);
            if (m.matches()) {
                int y = Integer.parseInt(m.group(1));
                int q = Integer.parseInt(m.group(2));
                return new Period("%04d-Q%d".formatted(y, q), YearMonth.of(y, q * 3 - 2), YearMonth.of(y, q * 3));
            }
            m = YEAR.matcher(t);
            if (m.matches()) {
                int y = Integer.parseInt(m.group(1));
                return new Period("%04d".formatted(y), YearMonth.of(y, 1), YearMonth.of(y, 12));
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    public static Period month(YearMonth ym) {
        return new Period(ym.toString(), ym, ym);
    }

    public LocalDate firstDay() {
        return first.atDay(1);
    }

    /** The first day after the period. */
    public LocalDate endExclusive() {
        return last.plusMonths(1).atDay(1);
    }

    public boolean isMonth() {
        return first.equals(last);
    }
}
