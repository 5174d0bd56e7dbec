package vn.motcua.index766.report;

import java.time.LocalDate;
import java.util.List;

/** What the report endpoints answer (JSON); the pages and Excel files show the same rows. */
final class ReportResults {

    private ReportResults() {
    }

    /** Bảng 1: procedures of one level, by online level. A procedure of several levels counts in each. */
    record LevelProcedures(String level, String name, long procedures, long full, long partial, long notOnline) {
    }

    record ProceduresReport(String report, List<LevelProcedures> rows, LevelProcedures total) {
    }

    /** One row of Bảng 2–9: a level, a unit or a procedure. */
    record DossierRow(String key, String name, String group, Counts counts) {
    }

    record DossierReport(String report, LocalDate from, LocalDate to, String unit, String unitName, String procedure,
                         String procedureName, List<DossierRow> rows, DossierRow total) {
    }

    /**
     * Online rates of one unit over the dossiers newly received in the period.
     *
     * @param received                   all received (tổng hồ sơ tiếp nhận)
     * @param online                     received online (hồ sơ trực tuyến)
     * @param receivedOfOnlineProcedures received for procedures offered online (hồ sơ của TTHC có DVCTT)
     * @param usageRate                  online ÷ receivedOfOnlineProcedures, percent (null when nothing to divide)
     * @param processingRate             online ÷ received, percent
     */
    record OnlineRow(String key, String name, String group, long received, long online,
                     long receivedOfOnlineProcedures, Double usageRate, Boolean usageMet, Double processingRate,
                     Boolean processingMet) {
    }

    record OnlineReport(String report, LocalDate from, LocalDate to, String unit, String unitName,
                        double usageTarget, double processingTarget, List<OnlineRow> rows, OnlineRow total) {
    }
}
