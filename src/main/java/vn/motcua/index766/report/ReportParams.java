package vn.motcua.index766.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Procedure;
import vn.motcua.organization.AdminUnit;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitLevel;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;

/** Reads and checks report parameters; every bad one is named in one 400 answer. */
@Component
class ReportParams {

    /** Periods longer than this are refused (a report reads every dossier of its period). */
    static final int MAX_YEARS = 10;

    private final Organization organization;
    private final Catalog catalog;
    private final ReportProperties properties;
    private final Clock clock;

    private final java.time.ZoneId zone;

    private final vn.motcua.index766.internal.IndexService index;

    ReportParams(Organization organization, Catalog catalog, ReportProperties properties, Clock clock,
                 java.time.ZoneId zone, vn.motcua.index766.internal.IndexService index) {
        this.index = index;
        this.zone = zone;
        this.organization = organization;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    /** The raw parameters as they came (any may be null or blank). */
    record Raw(String from, String to, String unit, String procedure, String top, String units) {

        Raw(String from, String to, String unit, String procedure, String top) {
            this(from, to, unit, procedure, top, null);
        }
    }

    ReportRequest check(Raw raw) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate from = date(raw.from(), "from", problems);
        LocalDate to = date(raw.to(), "to", problems);
        if (from == null && blank(raw.from())) {
            from = (to != null ? to : today).withDayOfYear(1);
        }
        if (to == null && blank(raw.to())) {
            to = from != null ? from.withDayOfYear(from.lengthOfYear()) : today.withDayOfYear(today.lengthOfYear());
        }
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                problems.add(FieldProblem.of("to", "error.report.period.order"));
            } else if (to.isAfter(from.plusYears(MAX_YEARS))) {
                problems.add(FieldProblem.of("to", "error.report.period.tooLong", MAX_YEARS));
            }
        }
        vn.motcua.index766.UnitsBasis units = vn.motcua.index766.UnitsBasis.of(raw.units());
        if (units == null) {
            problems.add(vn.motcua.index766.UnitsBasis.problem(raw.units().trim()));
        }
        Scope scope = units == vn.motcua.index766.UnitsBasis.TODAY ? today(raw.unit(), problems)
                : scope(raw.unit(), problems);
        String procedure = null;
        String procedureName = null;
        if (!blank(raw.procedure())) {
            procedure = raw.procedure().trim();
            Procedure p = catalog.procedure(procedure).orElse(null);
            if (p == null) {
                problems.add(FieldProblem.of("procedure", "error.report.procedure.notFound", procedure));
            } else {
                procedureName = p.name();
            }
        }
        int top = properties.top();
        if (!blank(raw.top())) {
            try {
                top = Integer.parseInt(raw.top().trim());
                if (top < 1 || top > ReportRequest.MAX_TOP) {
                    problems.add(FieldProblem.of("top", "error.param.range", 1, ReportRequest.MAX_TOP));
                }
            } catch (NumberFormatException e) {
                problems.add(FieldProblem.of("top", "error.report.number", raw.top()));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new ReportRequest(from, to, scope, procedure, procedureName, top, zone, units);
    }

    /** The province (the default), a district or commune by GSO code, or an agency by its code. */
    private Scope scope(String unit, List<FieldProblem> problems) {
        if (blank(unit)) {
            AdminUnit province = organization.units(UnitLevel.PROVINCE).stream().findFirst().orElse(null);
            return province == null ? null : new Scope(Scope.Kind.PROVINCE, province.code(), province.name());
        }
        String code = unit.trim();
        AdminUnit u = organization.unit(code).orElse(null);
        if (u != null) {
            Scope.Kind kind = switch (u.level()) {
                case PROVINCE -> Scope.Kind.PROVINCE;
                case DISTRICT -> Scope.Kind.DISTRICT;
                case COMMUNE -> Scope.Kind.COMMUNE;
            };
            return new Scope(kind, u.code(), u.name());
        }
        Agency a = organization.agency(code).orElse(null);
        if (a != null) {
            return new Scope(Scope.Kind.AGENCY, a.code(), a.name());
        }
        problems.add(FieldProblem.of("unit", "error.report.unit.notFound", code));
        return null;
    }

    /**
     * A unit of today re-mapped over the former units it was formed from (issue 11), resolved as the 766 index does
     * ({@code IndexService.today}, on the organization module's mapping): a former unit's code is taken to the unit
     * of today it counts for; no code: today's province; an agency or a unit not reorganised is itself.
     */
    private Scope today(String unit, List<FieldProblem> problems) {
        try {
            var shown = index.today(unit, java.util.Locale.ROOT);
            Scope.Kind kind = switch (shown.unit().column()) {
                case "province_code" -> Scope.Kind.PROVINCE;
                case "district_code" -> Scope.Kind.DISTRICT;
                case "commune_code" -> Scope.Kind.COMMUNE;
                default -> Scope.Kind.AGENCY;
            };
            return new Scope(kind, shown.unit().code(), shown.unit().name(),
                    shown.parts().stream().map(vn.motcua.index766.internal.UnitRef::code).distinct().toList(),
                    shown.formedFrom());
        } catch (ProblemException e) {
            problems.add(FieldProblem.of("unit", "error.report.unit.notFound", unit == null ? "" : unit.trim()));
            return null;
        }
    }

    private static LocalDate date(String value, String field, List<FieldProblem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.trim());
            if (d.getYear() < 2000 || d.getYear() > 2100) {
                problems.add(FieldProblem.of(field, "error.report.date.range", value.trim()));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "error.report.date", value.trim()));
            return null;
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
