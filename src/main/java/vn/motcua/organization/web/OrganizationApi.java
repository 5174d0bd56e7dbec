package vn.motcua.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.NonNull;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.organization.AdminUnit;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitPeriod;
import java.time.LocalDate;
import vn.motcua.platform.PageResult;
import vn.motcua.platform.ProblemException;

/** Public reference data: administrative units and agencies. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reference data")
class OrganizationApi {

    private final Organization organization;
    private final java.time.Clock clock;

    /** The province's time zone (the calendar's): "today" for the units in force. */
    private final java.time.ZoneId zone;

    OrganizationApi(Organization organization, java.time.Clock clock, java.time.ZoneId zone) {
        this.zone = zone;
        this.organization = organization;
        this.clock = clock;
    }

    @GetMapping("/units")
    @Operation(summary = "Administrative units in force on a date (at=YYYY-MM-DD, default today), by parent or level: "
            + "parent=70&at=2025-06-30 gives Bình Phước's 11 district-level units, parent=75 today the communes and "
            + "wards of the two-level Đồng Nai")
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "The parent unit is unknown or not in force on that day")
    PageResult<UnitPeriod> units(@RequestParam(required = false) String parent,
                                 @RequestParam(required = false) String level,
                                 @RequestParam(required = false) LocalDate at,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size) {
        LocalDate day = at == null ? LocalDate.now(clock.withZone(zone)) : at;
        if (at == null && parent != null && !parent.isBlank() && organization.unitAt(parent, day).isEmpty()) {
            // a parent no longer in force (Bình Phước after 1 July 2025): its units as they stood on its last day
            day = organization.lastDayInForce(parent).orElse(day);
        }
        final LocalDate on = day;
        List<UnitPeriod> list;
        if (parent != null && !parent.isBlank()) {
            organization.unitAt(parent, on).orElseThrow(() -> ProblemException.notFound("error.unit.notFoundAt",
                    parent, on.toString()));
            list = organization.unitsAt(parent, on);
        } else {
            list = organization.unitsAt(null, on);
        }
        if (level != null && !level.isBlank()) {
            UnitLevel l = parseLevel(level);
            list = list.stream().filter(u -> u.level() == l).toList();
        }
        return PageResult.of(list, page, size);
    }

    /**
     * What GET /units/{code} answers, for the description: an {@link AdminUnit} today, a {@link UnitPeriod} (the
     * same fields and its dates) with {@code at}.
     */
    @Schema(name = "AdminUnit", description = "An administrative unit; with at=YYYY-MM-DD as it stood that day, "
            + "with the dates of that period (validFrom, validTo), which are absent without at")
    record UnitAnswer(@NonNull @Schema(description = "GSO code") String code, @NonNull String name, String nameEn,
                      String shortName, @Schema(description = "tỉnh, thành phố, phường, xã…") String type,
                      @NonNull UnitLevel level, String parentCode,
                      @Nullable @Schema(description = "with at=: first day in force (null: since before the "
                              + "records)") LocalDate validFrom,
                      @Nullable @Schema(description = "with at=: last day in force (null: in force today)")
                      LocalDate validTo) {
    }

    @GetMapping("/units/{code}")
    @Operation(summary = "One administrative unit (with at=YYYY-MM-DD: as it stood that day)")
    @ApiResponse(responseCode = "200", description = "The unit",
            content = @Content(schema = @Schema(implementation = UnitAnswer.class)))
    Object unit(@PathVariable String code, @RequestParam(required = false) LocalDate at) {
        if (at != null) {
            return organization.unitAt(code, at).orElseThrow(() -> ProblemException.notFound("error.unit.notFoundAt",
                    code, at.toString()));
        }
        return organization.unit(code).orElseThrow(() -> ProblemException.notFound("error.unit.notFound", code));
    }

    @GetMapping("/agencies")
    @Operation(summary = "Agencies of a unit (or of every unit under it with within=true)")
    PageResult<Agency> agencies(@RequestParam(required = false) String unit,
                                @RequestParam(required = false) String kind,
                                @RequestParam(defaultValue = "false") boolean within,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "20") int size) {
        List<Agency> list;
        if (unit != null && !unit.isBlank()) {
            organization.unit(unit).orElseThrow(() -> ProblemException.notFound("error.unit.notFound", unit));
            list = within ? organization.agenciesWithin(unit) : organization.agencies(unit);
        } else {
            list = organization.allAgencies();
        }
        if (kind != null && !kind.isBlank()) {
            list = list.stream().filter(a -> a.kind().equals(kind)).toList();
        }
        return PageResult.of(list, page, size);
    }

    @GetMapping("/agencies/{code}")
    @Operation(summary = "One agency")
    Agency agency(@PathVariable String code) {
        return organization.agency(code).orElseThrow(() -> ProblemException.notFound("error.agency.notFound", code));
    }

    static UnitLevel parseLevel(String level) {
        return vn.motcua.platform.Params.oneOf(UnitLevel.class, level, "level");
    }
}
