package vn.motcua.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Component;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.Field;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureQuery;
import vn.motcua.organization.Agency;
import vn.motcua.organization.UnitLevel;
import vn.motcua.platform.PageResult;
import vn.motcua.platform.ProblemException;

/** Public procedure catalogue. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reference data")
class CatalogApi {

    private final Catalog catalog;

    CatalogApi(Catalog catalog) {
        this.catalog = catalog;
    }

    /** A procedure in a list. */
    record Summary(String code, String nationalCode, String name, String nameEn, Field field, List<UnitLevel> levels,
                   OnlineLevel onlineLevel, ProcessingTime processingTime, String processingTimeText,
                   boolean acceptsApplications) {
        static Summary of(Procedure p) {
            return new Summary(p.code(), p.nationalCode(), p.name(), p.nameEn(), p.field(), p.levels(), p.onlineLevel(),
                    p.processingTime(), p.processingTimeText(), p.acceptsApplications());
        }
    }

    /** One procedure, as API.md describes it (plus a few extra fields). */
    record Detail(String code, String nationalCode, String codeStatus, String name, String nameEn, Field field,
                  List<UnitLevel> levels, List<String> agencyKinds, String implementingAgency,
                  ProcessingTime processingTime, String processingTimeText, boolean acceptsApplications,
                  List<Fee> fees, List<Component> components, List<String> results, OnlineLevel onlineLevel,
                  List<String> legalBasis, JsonNode formSchema, String notes) {
    }

    @GetMapping("/procedures")
    @Operation(summary = "Search procedures: diacritic- and case-insensitive, any word order, one typo per word")
    PageResult<Summary> procedures(@RequestParam(required = false) String q,
                                   @RequestParam(required = false) String level,
                                   @RequestParam(required = false) String field,
                                   @RequestParam(required = false) String agency,
                                   @RequestParam(required = false) String onlineLevel,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size) {
        UnitLevel l = blank(level) ? null : parse(UnitLevel.class, level, "level");
        OnlineLevel o = blank(onlineLevel) ? null : parse(OnlineLevel.class, onlineLevel, "onlineLevel");
        if (!blank(field) && catalog.fields().stream().noneMatch(f -> f.code().equals(field))) {
            throw ProblemException.invalid("field", "error.catalog.field.unknown", field);
        }
        var result = catalog.search(new ProcedureQuery(q, l, blank(field) ? null : field,
                blank(agency) ? null : agency, o, page, size));
        return new PageResult<>(result.items().stream().map(Summary::of).toList(), result.total(), result.page(),
                result.size());
    }

    @GetMapping("/procedures/{code}")
    @Operation(summary = "One procedure with fees, components, results, legal basis and its eForm")
    Detail procedure(@PathVariable String code) {
        Procedure p = find(code);
        List<String> kinds = catalog.receivingAgencies(p).stream().map(Agency::kind).distinct().sorted().toList();
        return new Detail(p.code(), p.nationalCode(), p.codeStatus(), p.name(), p.nameEn(), p.field(), p.levels(),
                kinds, p.implementingAgency(), p.processingTime(), p.processingTimeText(), p.acceptsApplications(),
                p.fees(), p.components(), p.result() == null ? List.of() : List.of(p.result()), p.onlineLevel(),
                p.legalBasis(), p.formSchema(), p.notes());
    }

    @GetMapping("/procedures/{code}/agencies")
    @Operation(summary = "Agencies that receive applications for the procedure")
    PageResult<Agency> agencies(@PathVariable String code, @RequestParam(required = false) String unit,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
        List<Agency> list = catalog.receivingAgencies(find(code));
        if (!blank(unit)) {
            list = list.stream().filter(a -> a.unitCode().equals(unit)).toList();
        }
        return PageResult.of(list, page, size);
    }

    @GetMapping("/fields")
    @Operation(summary = "Fields of procedures (lĩnh vực)")
    FieldList fields() {
        return new FieldList(catalog.fields());
    }

    /** The fields of procedures. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "FieldList", requiredProperties = "items")
    record FieldList(List<Field> items) {
    }

    private Procedure find(String code) {
        return catalog.procedure(code).orElseThrow(() -> ProblemException.notFound("error.catalog.procedure.notFound", code));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String param) {
        return vn.motcua.platform.Params.oneOf(type, value, param);
    }
}
