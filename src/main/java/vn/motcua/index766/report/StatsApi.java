package vn.motcua.index766.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.platform.ProblemException;

/**
 * The report tables as JSON, or as Excel with {@code ?format=xlsx} or the {@code .xlsx} suffix. Public reads.
 * Period parameters are ISO dates (yyyy-MM-dd), both inclusive; the default is the current year. The JSON answers
 * are the records of {@link ReportResults} (typed in the OpenAPI description); the {@code .xlsx} paths are files.
 */
@RestController
@RequestMapping("/api/v1/stats")
@Tag(name = "Statistics")
class StatsApi {

    private final ReportService reports;
    private final ReportParams params;
    private final ReportTables tables;

    StatsApi(ReportService reports, ReportParams params, ReportTables tables) {
        this.reports = reports;
        this.params = params;
        this.tables = tables;
    }

    @GetMapping({"/procedures-by-level", "/procedures-by-level.xlsx"})
    @Operation(summary = "Bảng 1: procedures of the catalogue by level and online level (full / partial / none)")
    ResponseEntity<ReportResults.ProceduresReport> procedures(@RequestParam(required = false) String format,
                                                              HttpServletRequest request,
                                 HttpServletResponse response, Locale locale) throws IOException {
        boolean xlsx = xlsx(format, request);
        var r = reports.proceduresByLevel();
        if (xlsx) {
            excel(tables.procedures(r, locale), "bang-1-thu-tuc", response);
            return null;
        }
        return ResponseEntity.ok(r);
    }

    @GetMapping({"/by-level", "/by-level.xlsx"})
    @Operation(summary = "Bảng 2: dossiers received, processed and in progress by level")
    ResponseEntity<ReportResults.DossierReport> byLevel(
            @Parameter(description = "first day, yyyy-MM-dd") @RequestParam(required = false) String from,
                              @Parameter(description = "last day, yyyy-MM-dd") @RequestParam(required = false) String to,
                              @Parameter(description = "province, district or commune code, or an agency code")
                              @RequestParam(required = false) String unit,
                              @Parameter(description = UNITS, schema = @Schema(allowableValues = {"AT_PERIOD", "TODAY"},
                                      defaultValue = "AT_PERIOD"))
                              @RequestParam(required = false) String units,
                              @RequestParam(required = false) String format, HttpServletRequest request,
                              HttpServletResponse response, Locale locale) throws IOException {
        boolean xlsx = xlsx(format, request);
        var r = reports.byLevel(params.check(new ReportParams.Raw(from, to, unit, null, null, units)));
        if (xlsx) {
            excel(tables.dossiers(Report.BY_LEVEL, r, locale), fileName("bang-2-theo-cap", r), response);
            return null;
        }
        return ResponseEntity.ok(r);
    }

    @GetMapping({"/by-unit", "/by-unit.xlsx"})
    @Operation(summary = "Bảng 3: dossiers received, processed and in progress per department, district and commune")
    ResponseEntity<ReportResults.DossierReport> byUnit(@RequestParam(required = false) String from,
                                                       @RequestParam(required = false) String to,
                             @RequestParam(required = false) String unit,
                             @Parameter(description = UNITS + "; TODAY: one row per commune or ward of today",
                                     schema = @Schema(allowableValues = {"AT_PERIOD", "TODAY"},
                                             defaultValue = "AT_PERIOD"))
                             @RequestParam(required = false) String units, @RequestParam(required = false) String format,
                             HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws IOException {
        boolean xlsx = xlsx(format, request);
        var r = reports.byUnit(params.check(new ReportParams.Raw(from, to, unit, null, null, units)));
        if (xlsx) {
            excel(tables.dossiers(Report.BY_UNIT, r, locale), fileName("bang-3-theo-don-vi", r), response);
            return null;
        }
        return ResponseEntity.ok(r);
    }

    @GetMapping({"/online-rates", "/online-rates.xlsx"})
    @Operation(summary = "Online-service usage and online processing rates per unit, against the targets")
    ResponseEntity<ReportResults.OnlineReport> online(@RequestParam(required = false) String from,
                                                      @RequestParam(required = false) String to,
                             @RequestParam(required = false) String unit,
                             @Parameter(description = UNITS, schema = @Schema(allowableValues = {"AT_PERIOD", "TODAY"},
                                     defaultValue = "AT_PERIOD"))
                             @RequestParam(required = false) String units, @RequestParam(required = false) String format,
                             HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws IOException {
        boolean xlsx = xlsx(format, request);
        var r = reports.online(params.check(new ReportParams.Raw(from, to, unit, null, null, units)));
        if (xlsx) {
            excel(tables.online(r, locale), "ty-le-truc-tuyen-" + r.from() + "_" + r.to(), response);
            return null;
        }
        return ResponseEntity.ok(r);
    }

    @GetMapping({"/by-procedure", "/by-procedure.xlsx"})
    @Operation(summary = "Bảng 4–9: one procedure per unit (procedure=code), or the top N procedures")
    ResponseEntity<ReportResults.DossierReport> byProcedure(@RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String unit,
                                  @Parameter(description = "procedure code; rows per unit")
                                  @RequestParam(required = false) String procedure,
                                  @Parameter(description = "without a procedure: how many procedures (1–100)")
                                  @RequestParam(required = false) String top,
                                  @Parameter(description = UNITS, schema = @Schema(
                                          allowableValues = {"AT_PERIOD", "TODAY"}, defaultValue = "AT_PERIOD"))
                                  @RequestParam(required = false) String units,
                                  @RequestParam(required = false) String format, HttpServletRequest request,
                                  HttpServletResponse response, Locale locale) throws IOException {
        boolean xlsx = xlsx(format, request);
        var r = reports.byProcedure(params.check(new ReportParams.Raw(from, to, unit, procedure, top, units)));
        if (xlsx) {
            excel(tables.dossiers(Report.BY_PROCEDURE, r, locale), fileName("bang-4-9-theo-thu-tuc", r), response);
            return null;
        }
        return ResponseEntity.ok(r);
    }

    /** How the {@code units} parameter is described (issue 11). */
    static final String UNITS = "AT_PERIOD (default): the units in force in the period, those the dossiers were "
            + "filed under (2024: Bình Phước's districts and communes); TODAY: today's units, each counting the "
            + "dossiers of the former units it was formed from (unit= a former commune is taken to its successor; no "
            + "unit: today's province). Any other value: 400 naming units";

    private static String fileName(String prefix, ReportResults.DossierReport r) {
        return prefix + "-" + r.from() + "_" + r.to() + (r.unit() == null ? "" : "-" + r.unit())
                + (r.procedure() == null ? "" : "-" + r.procedure()) + ("TODAY".equals(r.units()) ? "-hien-nay" : "");
    }

    /** True for Excel: the .xlsx suffix or {@code format=xlsx}; {@code format} must be json or xlsx. */
    private static boolean xlsx(String format, HttpServletRequest request) {
        if (request.getRequestURI().endsWith(".xlsx")) {
            return true;
        }
        if (ReportParams.blank(format) || "json".equalsIgnoreCase(format.trim())) {
            return false;
        }
        if ("xlsx".equalsIgnoreCase(format.trim())) {
            return true;
        }
        throw ProblemException.invalid("format", "error.param.oneOf", "json, xlsx");
    }

    private static void excel(Table table, String name, HttpServletResponse response) throws IOException {
        response.setContentType(ExcelWriter.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_")
                + ".xlsx\"");
        ExcelWriter.write(table, "Bao cao", response.getOutputStream());
    }
}
