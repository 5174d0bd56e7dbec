package vn.motcua.index766.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.index766.IndexResult;
import vn.motcua.index766.Indicators;
import vn.motcua.index766.UnitsBasis;
import vn.motcua.index766.internal.DossierStats;
import vn.motcua.index766.internal.DrillDown;
import vn.motcua.index766.internal.IndexService;
import vn.motcua.platform.PageResult;
import vn.motcua.platform.ProblemException;

/** The Decision 766 index and dossier statistics (public reads). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Chỉ số 766", description = "Decision 766 index, ranking, trend, drill-down and dossier statistics")
class Index766Api {

    private final IndexService index;
    private final DrillDown drillDown;
    private final DossierStats stats;

    Index766Api(IndexService index, DrillDown drillDown, DossierStats stats) {
        this.index = index;
        this.drillDown = drillDown;
        this.stats = stats;
    }

    /** How the {@code units} parameter is described (issue 11). */
    static final String UNITS = "AT_PERIOD (default): the units in force in the period, the units the dossiers were "
            + "filed under (2024: Bình Phước's districts and communes); TODAY: today's unit, re-mapped over the former "
            + "units it was formed from (a former unit's code is taken to the unit of today it counts for). "
            + "Any other value: 400 naming units";

    @GetMapping("/index766")
    @Operation(summary = "The index of a unit (province, district, commune or agency code; default the province) "
            + "for a month 2026-10, a quarter 2026-Q3 or a year 2026 (default the current month)")
    @ApiResponse(responseCode = "200", description = "The index")
    @ApiResponse(responseCode = "400", description = "A bad unit, period or units, named in errors[]")
    IndexResult index(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
                      @Parameter(description = UNITS, schema = @Schema(allowableValues = {"AT_PERIOD", "TODAY"},
                              defaultValue = "AT_PERIOD"))
                      @RequestParam(required = false) String units, Locale locale) {
        IndexService.Shown shown = shown(unit, units, locale);
        return index.index(shown, index.period(period), locale);
    }

    /** The unit as asked: by the units in force at the period, or re-mapped to today's (issue 11). */
    IndexService.Shown shown(String unit, String units, Locale locale) {
        return UnitsBasis.parse(units) == UnitsBasis.TODAY ? index.today(unit, locale) : index.atPeriod(unit, locale);
    }

    @GetMapping("/index766/indicators")
    @Operation(summary = "The indicator table: ids, names, points, scoring keys and where the data comes from")
    List<IndicatorView> indicators() {
        return Indicators.ALL.stream().map(i -> IndicatorView.of(i, index)).toList();
    }

    @GetMapping("/index766/ranking")
    @Operation(summary = "Units of a level ranked by their index for a period")
    @ApiResponse(responseCode = "200", description = "The ranking")
    @ApiResponse(responseCode = "400", description = "A bad level, period or units, named in errors[]")
    List<IndexService.RankRow> ranking(@RequestParam(required = false) String level,
                                       @RequestParam(required = false) String period,
                                       @Parameter(description = UNITS + "; TODAY ranks today's communes and wards "
                                               + "(no district level once districts are gone)",
                                               schema = @Schema(allowableValues = {"AT_PERIOD", "TODAY"},
                                                       defaultValue = "AT_PERIOD"))
                                       @RequestParam(required = false) String units, Locale locale) {
        return UnitsBasis.parse(units) == UnitsBasis.TODAY
                ? index.rankingToday(level(level), index.period(period), locale)
                : index.ranking(level(level), index.period(period), locale);
    }

    @GetMapping("/index766/trend")
    @Operation(summary = "The index of a unit for each of the last months (the current one included)")
    @ApiResponse(responseCode = "200", description = "The months")
    @ApiResponse(responseCode = "400", description = "A bad unit, months or units, named in errors[]")
    List<IndexService.TrendPoint> trend(@RequestParam(required = false) String unit,
                                        @RequestParam(defaultValue = "12") String months,
                                        @Parameter(description = UNITS, schema = @Schema(
                                                allowableValues = {"AT_PERIOD", "TODAY"}, defaultValue = "AT_PERIOD"))
                                        @RequestParam(required = false) String units, Locale locale) {
        int m;
        try {
            m = Integer.parseInt(months.trim());
        } catch (NumberFormatException e) {
            m = -1;
        }
        if (m < 1 || m > 60) {
            throw ProblemException.invalid("months", "error.param.range", 1, 60);
        }
        return index.trend(shown(unit, units, locale), m, locale);
    }

    @GetMapping("/index766/{indicatorId}/dossiers")
    @Operation(summary = "The dossiers counted in an indicator's numerator or denominator, each with why")
    PageResult<DrillDown.Row> dossiers(@PathVariable String indicatorId, @RequestParam(required = false) String unit,
                                       @RequestParam(required = false) String period,
                                       @RequestParam(defaultValue = "denominator") String part,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "20") int size,
                                       @Parameter(description = UNITS, schema = @Schema(
                                               allowableValues = {"AT_PERIOD", "TODAY"}, defaultValue = "AT_PERIOD"))
                                       @RequestParam(required = false) String units, Locale locale) {
        return drillDown.list(indicatorId, shown(unit, units, locale), index.period(period), numerator(part), page,
                size, locale);
    }

    @GetMapping("/stats/dossiers")
    @Operation(summary = "Dossiers received, online, finished, on time, early, late in [from, to] and in progress, "
            + "overdue at its end, grouped by LEVEL, UNIT, AGENCY or PROCEDURE, with the walk-ins guided or refused "
            + "at a counter")
    @ApiResponse(responseCode = "200", description = "The groups")
    @ApiResponse(responseCode = "400", description = "A bad unit, from, to, groupBy or units, named in errors[]")
    List<DossierStats.Row> stats(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(defaultValue = "UNIT") String groupBy,
                                 @Parameter(description = UNITS + "; TODAY with groupBy=UNIT: a commune or ward of "
                                         + "today is one row over its former communes, today's province one row per "
                                         + "commune or ward of today (a former district's own dossiers, filed under "
                                         + "no commune, on the former district's row: it has no successor); LEVEL, "
                                         + "AGENCY and PROCEDURE are summed over the former units, not re-mapped",
                                         schema = @Schema(allowableValues = {"AT_PERIOD", "TODAY"},
                                                 defaultValue = "AT_PERIOD"))
                                 @RequestParam(required = false) String units, Locale locale) {
        IndexService.Shown shown = shown(unit, units, locale);
        LocalDate today = index.today();
        LocalDate f = date("from", from, today.withDayOfMonth(1));
        LocalDate t = date("to", to, today);
        if (t.isBefore(f)) {
            throw ProblemException.invalid("to", "error.index766.toBeforeFrom");
        }
        return stats.stats(shown, f, t, groupBy, locale);
    }

    static boolean numerator(String part) {
        return switch (part == null ? "" : part.trim().toLowerCase(Locale.ROOT)) {
            case "numerator" -> true;
            case "denominator", "" -> false;
            default -> throw ProblemException.invalid("part", "error.param.oneOf", "numerator, denominator");
        };
    }

    static IndexService.RankLevel level(String level) {
        if (level == null || level.isBlank()) {
            return IndexService.RankLevel.DISTRICT;
        }
        try {
            return IndexService.RankLevel.valueOf(level.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("level", "error.param.oneOf", "DISTRICT, COMMUNE, AGENCY, DEPARTMENT");
        }
    }

    private static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "error.index766.date", value);
        }
    }

}
