package vn.motcua.index766.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The parameters of a report, checked: the period [from, to] in whole days of Vietnam's time zone, whose
 * dossiers (scope), and for the per-procedure tables a procedure or how many of the busiest procedures.
 */
record ReportRequest(LocalDate from, LocalDate to, Scope scope, String procedure, String procedureName, int top) {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final int MAX_TOP = 100;

    /** Start of the period (inclusive). */
    Instant start() {
        return from.atStartOfDay(ZONE).toInstant();
    }

    /** End of the period (exclusive): the start of the day after {@code to}. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(ZONE).toInstant();
    }
}
