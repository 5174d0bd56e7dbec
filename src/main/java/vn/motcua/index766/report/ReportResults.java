package vn.motcua.index766.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.NonNull;

/**
 * What the report endpoints answer (JSON); the pages and Excel files show the same rows. The schema names carry a
 * {@code Stats} prefix: the feedback report has its own {@code Report} and {@code Counts} (docs/API-CONVENTIONS.md).
 * A reference component may be null unless it is {@code @NonNull}.
 */
final class ReportResults {

    private ReportResults() {
    }

    /** Bảng 1: procedures of one level, by online level. A procedure of several levels counts in each. */
    @Schema(name = "StatsLevelProcedures", description = "Bảng 1: the procedures of one level by online level")
    record LevelProcedures(@Schema(description = "null on the total row",
                                   allowableValues = {"PROVINCE", "DISTRICT", "COMMUNE"}) String level,
                           String name, long procedures, long full, long partial, long notOnline) {
    }

    @Schema(name = "StatsProceduresReport", description = "Bảng 1: procedures of the catalogue by level and online "
            + "level (GET /api/v1/stats/procedures-by-level)")
    record ProceduresReport(@NonNull @Schema(allowableValues = "procedures-by-level") String report,
                            @NonNull List<LevelProcedures> rows, @NonNull LevelProcedures total) {
    }

    /** One row of Bảng 2–9: a level, a unit or a procedure. */
    @Schema(name = "StatsDossierRow", description = "One row of Bảng 2–9: a level, a unit or a procedure; the total "
            + "row has no key, name or group")
    record DossierRow(@Schema(description = "the level, the unit's or agency's code, or the procedure's code")
                      String key, String name,
                      @Schema(description = "the level of the unit (null for procedure rows and the total)",
                              allowableValues = {"PROVINCE", "DISTRICT", "COMMUNE"}) String group,
                      @NonNull Counts counts) {
    }

    @Schema(name = "StatsDossierReport", description = "Bảng 2–9: dossiers received, processed and in progress over "
            + "[from, to]")
    record DossierReport(@NonNull @Schema(allowableValues = {"by-level", "by-unit", "by-procedure"}) String report,
                         @NonNull LocalDate from, @NonNull LocalDate to,
                         @Schema(description = "the unit or agency asked for (unit=), or null for the province")
                         String unit, String unitName,
                         @Schema(description = "the procedure asked for (procedure=)") String procedure,
                         String procedureName, @NonNull List<DossierRow> rows, @NonNull DossierRow total,
                         @NonNull @Schema(description = UNITS, allowableValues = {"AT_PERIOD", "TODAY"}) String units,
                         @NonNull @Schema(description = FORMED_FROM) List<String> formedFrom) {
    }

    static final String UNITS = "the units the rows and the unit are shown by (units=): AT_PERIOD, those in force in "
            + "the period; TODAY, today's units, each counting the dossiers of the former units it was formed from";
    static final String FORMED_FROM = "with units=TODAY, the names of the former units the unit asked for was formed "
            + "from (empty otherwise)";

    /**
     * Online rates of one unit over the dossiers newly received in the period.
     *
     * @param received                   all received (tổng hồ sơ tiếp nhận)
     * @param online                     received online (hồ sơ trực tuyến)
     * @param receivedOfOnlineProcedures received for procedures offered online (hồ sơ của TTHC có DVCTT)
     * @param usageRate                  online ÷ receivedOfOnlineProcedures, percent (null when nothing to divide)
     * @param processingRate             online ÷ received, percent
     */
    @Schema(name = "StatsOnlineRow", description = "Online rates of one unit (or the total row: no key, name or "
            + "group); a rate and whether it meets its target are null when there is nothing to divide")
    record OnlineRow(String key, String name,
                     @Schema(allowableValues = {"PROVINCE", "DISTRICT", "COMMUNE"}) String group, long received,
                     long online, long receivedOfOnlineProcedures,
                     @Schema(description = "percent: online ÷ receivedOfOnlineProcedures") Double usageRate,
                     Boolean usageMet, @Schema(description = "percent: online ÷ received") Double processingRate,
                     Boolean processingMet) {
    }

    @Schema(name = "StatsOnlineReport", description = "Online-service usage and online processing rates per unit "
            + "against the targets (percent)")
    record OnlineReport(@NonNull @Schema(allowableValues = "online-rates") String report, @NonNull LocalDate from,
                        @NonNull LocalDate to, String unit, String unitName,
                        double usageTarget, double processingTarget, @NonNull List<OnlineRow> rows,
                        @NonNull OnlineRow total,
                        @NonNull @Schema(description = UNITS, allowableValues = {"AT_PERIOD", "TODAY"}) String units,
                        @NonNull @Schema(description = FORMED_FROM) List<String> formedFrom) {
    }
}
