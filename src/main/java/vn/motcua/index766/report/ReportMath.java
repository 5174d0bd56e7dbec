package vn.motcua.index766.report;

final class ReportMath {

    private ReportMath() {
    }

    /** {@code part / whole} in percent rounded to one decimal; null when {@code whole} is 0. */
    static Double percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return Math.round(part * 1000.0 / whole) / 10.0;
    }
}
