package vn.motcua.index766.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The parameters of a report, checked: the period [from, to] in whole days of the province's time zone (the calendar's), whose
 * dossiers (scope), and for the per-procedure tables a procedure or how many of the busiest procedures.
 */
record ReportRequest(LocalDate from, LocalDate to, Scope scope, String procedure, String procedureName, int top,
                     ZoneId zone, vn.motcua.index766.UnitsBasis units) {

    ReportRequest(LocalDate from, LocalDate to, Scope scope, String procedure, String procedureName, int top,
                  ZoneId zone) {
        this(from, to, scope, procedure, procedureName, top, zone, vn.motcua.index766.UnitsBasis.AT_PERIOD);
    }

    boolean today() {
        return units == vn.motcua.index766.UnitsBasis.TODAY;
    }

    static final int MAX_TOP = 100;

    /** Start of the period (inclusive). */
    Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** End of the period (exclusive): the start of the day after {@code to}. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
