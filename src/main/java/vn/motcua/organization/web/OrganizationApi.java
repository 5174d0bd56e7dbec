package vn.motcua.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.organization.AdminUnit;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitLevel;
import vn.motcua.platform.PageResult;
import vn.motcua.platform.ProblemException;

/** Public reference data: administrative units and agencies. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reference data")
class OrganizationApi {

    private final Organization organization;

    OrganizationApi(Organization organization) {
        this.organization = organization;
    }

    @GetMapping("/units")
    @Operation(summary = "Administrative units (tỉnh/huyện/xã), filtered by parent or level")
    PageResult<AdminUnit> units(@RequestParam(required = false) String parent,
                                @RequestParam(required = false) String level,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "20") int size) {
        List<AdminUnit> list;
        if (parent != null && !parent.isBlank()) {
            organization.unit(parent).orElseThrow(() -> ProblemException.notFound("error.unit.notFound", parent));
            list = organization.children(parent);
        } else {
            list = organization.allUnits();
        }
        if (level != null && !level.isBlank()) {
            UnitLevel l = parseLevel(level);
            list = list.stream().filter(u -> u.level() == l).toList();
        }
        return PageResult.of(list, page, size);
    }

    @GetMapping("/units/{code}")
    @Operation(summary = "One administrative unit")
    AdminUnit unit(@PathVariable String code) {
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
