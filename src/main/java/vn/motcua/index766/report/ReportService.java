package vn.motcua.index766.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureQuery;
import vn.motcua.index766.report.FactQueries.Cell;
import vn.motcua.index766.report.FactQueries.Grouping;
import vn.motcua.index766.report.ReportResults.DossierReport;
import vn.motcua.index766.report.ReportResults.DossierRow;
import vn.motcua.index766.report.ReportResults.LevelProcedures;
import vn.motcua.index766.report.ReportResults.OnlineReport;
import vn.motcua.index766.report.ReportResults.OnlineRow;
import vn.motcua.index766.report.ReportResults.ProceduresReport;
import vn.motcua.organization.AdminUnit;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitLevel;
import vn.motcua.platform.PageResult;

/** Builds the report tables from the facts and the reference data (catalogue, organization). */
@Service
class ReportService {

    static final List<String> LEVELS = List.of("PROVINCE", "DISTRICT", "COMMUNE");

    private final FactQueries facts;
    private final Catalog catalog;
    private final Organization organization;
    private final ReportProperties properties;

    private final java.time.Clock clock;
    private final java.time.ZoneId zone;

    ReportService(FactQueries facts, Catalog catalog, Organization organization, ReportProperties properties,
                  java.time.Clock clock, java.time.ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        this.facts = facts;
        this.catalog = catalog;
        this.organization = organization;
        this.properties = properties;
    }

    /** Every procedure of the catalogue. */
    List<Procedure> procedures() {
        List<Procedure> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageResult<Procedure> r = catalog.search(new ProcedureQuery(null, null, null, null, null, page,
                    PageResult.MAX_SIZE));
            all.addAll(r.items());
            if (r.items().size() < PageResult.MAX_SIZE) {
                return all;
            }
        }
    }

    /** Bảng 1: procedures by level and online level. */
    ProceduresReport proceduresByLevel() {
        List<Procedure> all = procedures();
        List<LevelProcedures> rows = new ArrayList<>();
        for (String level : LEVELS) {
            List<Procedure> of = all.stream().filter(p -> p.levels().contains(UnitLevel.valueOf(level))).toList();
            rows.add(levelRow(level, null, of));
        }
        return new ProceduresReport(Report.PROCEDURES.api(), rows, levelRow(null, null, all));
    }

    private static LevelProcedures levelRow(String level, String name, List<Procedure> list) {
        long full = list.stream().filter(p -> p.onlineLevel() == OnlineLevel.FULL).count();
        long partial = list.stream().filter(p -> p.onlineLevel() == OnlineLevel.PARTIAL).count();
        return new LevelProcedures(level, name, list.size(), full, partial, list.size() - full - partial);
    }

    /** Bảng 2: dossiers by level. */
    DossierReport byLevel(ReportRequest r) {
        Map<String, Counts> by = new LinkedHashMap<>();
        LEVELS.forEach(l -> by.put(l, Counts.ZERO));
        List<Cell> cells = facts.cells(r, Grouping.LEVEL, null);
        cells.forEach(c -> by.merge(c.level(), c.counts(), Counts::plus));
        List<DossierRow> rows = by.entrySet().stream()
                .map(e -> new DossierRow(e.getKey(), null, e.getKey(), e.getValue())).toList();
        return report(Report.BY_LEVEL, r, rows, total(cells));
    }

    /** Bảng 3: dossiers per unit (departments, districts, communes). */
    DossierReport byUnit(ReportRequest r) {
        return report(Report.BY_UNIT, r, unitRows(r, facts.cells(r, Grouping.UNIT, null)), null);
    }

    /** Bảng 4–9: one procedure per unit, or the busiest procedures. */
    DossierReport byProcedure(ReportRequest r) {
        if (r.procedure() != null) {
            return report(Report.BY_PROCEDURE, r, unitRows(r, facts.cells(r, Grouping.UNIT, null)), null);
        }
        List<Cell> cells = facts.cells(r, Grouping.PROCEDURE, null);
        Map<String, Counts> by = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Cell c : cells) {
            by.merge(c.procedureCode(), c.counts(), Counts::plus);
            names.putIfAbsent(c.procedureCode(), c.procedureName());
        }
        List<DossierRow> rows = by.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Counts> e) -> e.getValue().received()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(r.top())
                .map(e -> new DossierRow(e.getKey(), procedureName(e.getKey(), names.get(e.getKey())), null,
                        e.getValue()))
                .toList();
        return report(Report.BY_PROCEDURE, r, rows, null);
    }

    /** Online-service usage and online processing per unit, against the targets. */
    OnlineReport online(ReportRequest r) {
        List<String> offered = procedures().stream().filter(p -> p.onlineLevel() != null).map(Procedure::code)
                .toList();
        Map<List<String>, long[]> by = new java.util.TreeMap<>(ROWS);
        long[] all = new long[3];
        RowUnits units = new RowUnits(r);
        for (Cell c : sorted(facts.cells(r, Grouping.UNIT, offered))) {
            long[] v = by.computeIfAbsent(units.key(c), k -> new long[3]);
            for (long[] t : List.of(v, all)) {
                t[0] += c.counts().newReceived();
                t[1] += c.counts().newOnline();
                t[2] += c.offeredOnline();
            }
        }
        List<OnlineRow> rows = by.entrySet().stream()
                .map(e -> onlineRow(e.getKey().get(1), units.name(e.getKey().get(0), e.getKey().get(1)),
                        e.getKey().get(0), e.getValue()))
                .toList();
        return new OnlineReport(Report.ONLINE.api(), r.from(), r.to(), code(r), name(r),
                properties.onlineUsageTarget(), properties.onlineProcessingTarget(), rows,
                onlineRow(null, null, null, all), r.units().name(), formedFrom(r));
    }

    private OnlineRow onlineRow(String key, String name, String group, long[] v) {
        Double usage = ReportMath.percent(v[1], v[2]);
        Double processing = ReportMath.percent(v[1], v[0]);
        return new OnlineRow(key, name, group, v[0], v[1], v[2], usage,
                usage == null ? null : usage >= properties.onlineUsageTarget(), processing,
                processing == null ? null : processing >= properties.onlineProcessingTarget());
    }

    private List<DossierRow> unitRows(ReportRequest r, List<Cell> cells) {
        Map<List<String>, Counts> by = new java.util.TreeMap<>(ROWS);
        RowUnits units = new RowUnits(r);
        for (Cell c : sorted(cells)) {
            by.merge(units.key(c), c.counts(), Counts::plus);
        }
        return by.entrySet().stream()
                .map(e -> new DossierRow(e.getKey().get(1), units.name(e.getKey().get(0), e.getKey().get(1)),
                        e.getKey().get(0), e.getValue()))
                .toList();
    }

    /** Rows by level (departments, districts, communes), then by code. */
    private static final Comparator<List<String>> ROWS = Comparator.comparingInt((List<String> k) -> LEVELS.indexOf(
            k.get(0))).thenComparing(k -> k.get(1));

    /**
     * The unit a row of Bảng 3 (and of the online rates, of one procedure) is: the commune, district or department a
     * cell's dossiers were filed under, or with {@code units=TODAY} (issue 11) the commune or ward of today a former
     * commune's dossiers count for ({@code Organization.unitToday}, the organization module's mapping; Xã Tiến Hưng's
     * go to Phường Bình Phước), named as it is today. Districts have no successor: their rows stay the former
     * district's; departments are not reorganised.
     */
    private final class RowUnits {
        private final boolean today;
        private final Map<String, String> successors = new java.util.HashMap<>();
        private Map<String, String> todayNames;

        RowUnits(ReportRequest r) {
            this.today = r.today();
        }

        List<String> key(Cell c) {
            String key = ReportService.key(c);
            if (today && "COMMUNE".equals(c.level()) && c.unitKey() != null) {
                key = successors.computeIfAbsent(key, k -> organization.unitToday(k).orElse(k));
            }
            return List.of(c.level(), key);
        }

        String name(String level, String key) {
            if (today && "COMMUNE".equals(level)) {
                if (todayNames == null) {
                    todayNames = new java.util.HashMap<>();
                    organization.unitsAt(null, java.time.LocalDate.now(clock.withZone(zone)))
                            .forEach(u -> todayNames.put(u.code(), u.name()));
                }
                String name = todayNames.get(key);
                if (name != null) {
                    return name;
                }
            }
            return unitName(level, key);
        }
    }

    private static List<String> formedFrom(ReportRequest r) {
        return r.scope() == null ? List.of() : r.scope().formedFrom();
    }

    /** Departments first, then districts, then communes; by code within a level (communes follow their district). */
    private static List<Cell> sorted(List<Cell> cells) {
        return cells.stream().sorted(Comparator.comparingInt((Cell c) -> LEVELS.indexOf(c.level()))
                .thenComparing(FactQueries.Cell::unitKey, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    private static String key(Cell c) {
        return c.unitKey() == null ? "" : c.unitKey();
    }

    private DossierReport report(Report kind, ReportRequest r, List<DossierRow> rows, Counts total) {
        Counts t = total != null ? total
                : rows.stream().map(DossierRow::counts).reduce(Counts.ZERO, Counts::plus);
        return new DossierReport(kind.api(), r.from(), r.to(), code(r), name(r), r.procedure(), r.procedureName(),
                rows, new DossierRow(null, null, null, t), r.units().name(), formedFrom(r));
    }

    private static Counts total(List<Cell> cells) {
        return cells.stream().map(Cell::counts).reduce(Counts.ZERO, Counts::plus);
    }

    private static String code(ReportRequest r) {
        return r.scope() == null ? null : r.scope().code();
    }

    private static String name(ReportRequest r) {
        return r.scope() == null ? null : r.scope().name();
    }

    /** A department's agency name, or a district's / commune's unit name (the code when unknown). */
    private String unitName(String level, String key) {
        if ("PROVINCE".equals(level)) {
            return organization.agency(key).map(Agency::name).orElse(key);
        }
        Optional<AdminUnit> u = organization.unit(key);
        if (u.isPresent()) {
            return u.get().name();
        }
        return organization.agency(key).map(Agency::name).orElse(key);
    }

    private String procedureName(String code, String stored) {
        return stored != null ? stored : catalog.procedure(code).map(Procedure::name).orElse(code);
    }
}
