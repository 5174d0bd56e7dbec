package vn.motcua.organization.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.motcua.organization.AdminUnit;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitPath;
import vn.motcua.platform.CommittedSnapshot;

/**
 * Reads units and agencies. The whole directory is a few hundred rows, read on every request, so it is held
 * as an immutable snapshot refreshed every minute (and at once after a local change has committed).
 */
@Service
class OrganizationService implements Organization, vn.motcua.calendar.AgencyOfficeHours {

    private static final Duration TTL = Duration.ofSeconds(60);
    private final JdbcClient jdbc;
    private final CommittedSnapshot<Snapshot> snapshot;

    private final java.time.Clock clock;
    private final java.time.ZoneId zone;

    /** Archive custody of the successors ({@link vn.motcua.organization.SuccessorCustody}): on unless configured off. */
    private final boolean successorCustody;

    OrganizationService(JdbcClient jdbc, java.time.Clock clock, java.time.ZoneId zone,
                        @org.springframework.beans.factory.annotation.Value(
                                "${motcua.reorganisation.successor-custody:true}") boolean successorCustody) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone; // the province's zone, from the calendar's configuration
        this.successorCustody = successorCustody;
        this.snapshot = new CommittedSnapshot<>(this::load, TTL, clock);
    }

    private record Snapshot(Map<String, AdminUnit> units, Map<String, Agency> agencies,
                            Map<String, java.util.Set<String>> procedures, Map<String, String> successors,
                            Map<String, List<String>> officeHours, Map<String, java.time.LocalDate> inForceFrom,
                            List<vn.motcua.organization.UnitPeriod> periods,
                            vn.motcua.organization.SuccessorCustody custody, Map<String, Agency> closed) {
    }

    private Snapshot snap() {
        return snapshot.get();
    }

    /** The directory changed: dropped from memory once the change commits (never inside its transaction). */
    void invalidate() {
        snapshot.invalidate();
    }

    private Snapshot load() {
        Map<String, AdminUnit> units = new LinkedHashMap<>();
        jdbc.sql("select code, name, name_en, short_name, type, level, parent_code from admin_unit order by code")
                .query(AdminUnit.class).list().forEach(u -> units.put(u.code(), u));
        Map<String, Agency> agencies = new LinkedHashMap<>();
        jdbc.sql("""
                select code, name, name_en, unit_code, level, kind, parent_code, electronic_id
                from agency where active order by code""")
                .query(Agency.class).list().forEach(a -> agencies.put(a.code(), a));
        Map<String, Agency> closed = new java.util.HashMap<>();
        jdbc.sql("""
                select code, name, name_en, unit_code, level, kind, parent_code, electronic_id
                from agency where not active""")
                .query(Agency.class).list().forEach(a -> closed.put(a.code(), a));
        Map<String, java.util.Set<String>> procedures = new java.util.HashMap<>();
        jdbc.sql("select code, procedures from agency where active and procedures is not null")
                .query((rs, i) -> Map.entry(rs.getString(1), java.util.Set.of((String[]) rs.getArray(2).getArray())))
                .list().forEach(e -> procedures.put(e.getKey(), e.getValue()));
        Map<String, String> successors = new java.util.HashMap<>();
        List<vn.motcua.organization.SuccessorCustody.Succession> successions = jdbc.sql("""
                select code, successor_code, valid_to from agency where not active and successor_code is not null""")
                .query((rs, i) -> {
                    java.time.LocalDate lastDay = rs.getObject(3, java.time.LocalDate.class);
                    return new vn.motcua.organization.SuccessorCustody.Succession(rs.getString(1), rs.getString(2),
                            lastDay == null ? null : lastDay.plusDays(1));
                }).list();
        successions.forEach(x -> successors.put(x.predecessor(), x.successor()));
        Map<String, List<String>> hours = new java.util.HashMap<>();
        jdbc.sql("select code, office_hours from agency where active and cardinality(office_hours) > 0")
                .query((rs, i) -> Map.entry(rs.getString(1), List.of((String[]) rs.getArray(2).getArray())))
                .list().forEach(e -> hours.put(e.getKey(), e.getValue()));
        Map<String, java.time.LocalDate> from = new java.util.HashMap<>();
        jdbc.sql("select code, valid_from from agency where active and valid_from is not null")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getObject(2, java.time.LocalDate.class))).list()
                .forEach(e -> from.put(e.getKey(), e.getValue()));
        List<vn.motcua.organization.UnitPeriod> periods = jdbc.sql(PERIOD + "order by code, valid_from")
                .query(vn.motcua.organization.UnitPeriod.class).list();
        return new Snapshot(Map.copyOf(units), java.util.Collections.unmodifiableMap(agencies),
                Map.copyOf(procedures), Map.copyOf(successors), Map.copyOf(hours), Map.copyOf(from),
                List.copyOf(periods), successorCustody
                        ? new vn.motcua.organization.SuccessorCustody(true, successions)
                        : vn.motcua.organization.SuccessorCustody.OFF, Map.copyOf(closed));
    }

    @Override
    public Optional<AdminUnit> unit(String code) {
        return Optional.ofNullable(code).map(snap().units::get);
    }

    @Override
    public List<AdminUnit> children(String parentCode) {
        return snap().units.values().stream().filter(u -> parentCode.equals(u.parentCode()))
                .sorted(Comparator.comparing(AdminUnit::code)).toList();
    }

    @Override
    public List<AdminUnit> units(UnitLevel level) {
        return snap().units.values().stream().filter(u -> u.level() == level)
                .sorted(Comparator.comparing(AdminUnit::code)).toList();
    }

    @Override
    public List<AdminUnit> allUnits() {
        return snap().units.values().stream().sorted(Comparator.comparing(AdminUnit::code)).toList();
    }

    @Override
    public UnitPath path(String unitCode) {
        Map<String, AdminUnit> units = snap().units;
        String province = null;
        String district = null;
        String commune = null;
        AdminUnit u = units.get(unitCode);
        while (u != null) {
            switch (u.level()) {
                case PROVINCE -> province = u.code();
                case DISTRICT -> district = u.code();
                case COMMUNE -> commune = u.code();
            }
            u = u.parentCode() == null ? null : units.get(u.parentCode());
        }
        return new UnitPath(province, district, commune);
    }

    @Override
    public UnitPath pathOf(Agency agency) {
        Snapshot s = snap();
        java.time.LocalDate from = s.inForceFrom.get(agency.code());
        if (from == null) {
            return path(agency.unitCode());
        }
        String province = null;
        String district = null;
        String commune = null;
        String code = agency.unitCode();
        boolean found = false;
        for (int hops = 0; code != null && hops < 5; hops++) {
            vn.motcua.organization.UnitPeriod u = periodAt(s, code, from);
            if (u == null) {
                break;
            }
            found = true;
            switch (u.level()) {
                case PROVINCE -> province = u.code();
                case DISTRICT -> district = u.code();
                case COMMUNE -> commune = u.code();
            }
            code = u.parentCode();
        }
        return found ? new UnitPath(province, district, commune) : path(agency.unitCode());
    }

    @Override
    public String placeName(Agency agency, java.time.LocalDate day) {
        Snapshot s = snap();
        java.time.LocalDate from = s.inForceFrom.get(agency.code());
        if (from == null) {
            return Organization.super.placeName(agency, day);
        }
        java.time.LocalDate on = day == null || day.isBefore(from) ? from : day;
        vn.motcua.organization.UnitPeriod district = null;
        vn.motcua.organization.UnitPeriod commune = null;
        vn.motcua.organization.UnitPeriod province = null;
        String code = agency.unitCode();
        for (int hops = 0; code != null && hops < 5; hops++) {
            vn.motcua.organization.UnitPeriod u = periodAt(s, code, on);
            if (u == null) {
                break;
            }
            switch (u.level()) {
                case PROVINCE -> province = u;
                case DISTRICT -> district = u;
                case COMMUNE -> commune = u;
            }
            code = u.parentCode();
        }
        vn.motcua.organization.UnitPeriod named = district != null ? district : commune != null ? commune : province;
        return named == null ? Organization.super.placeName(agency, day)
                : named.shortName() != null ? named.shortName() : named.name();
    }

    @Override
    public String listedUnder(Agency agency) {
        Snapshot s = snap();
        java.time.LocalDate from = s.inForceFrom.get(agency.code());
        UnitPath path = pathOf(agency);
        String code = path.districtCode() != null ? path.districtCode() : path.provinceCode();
        vn.motcua.organization.UnitPeriod named = from == null || code == null ? null : periodAt(s, code, from);
        return named != null ? named.name() : Organization.super.listedUnder(agency);
    }

    private static vn.motcua.organization.UnitPeriod periodAt(Snapshot s, String code, java.time.LocalDate at) {
        for (vn.motcua.organization.UnitPeriod p : s.periods) {
            if (p.code().equals(code) && (p.validFrom() == null || !p.validFrom().isAfter(at))
                    && (p.validTo() == null || !p.validTo().isBefore(at))) {
                return p;
            }
        }
        return null;
    }

    @Override
    public List<String> agencyPredecessors(String agencyCode) {
        Map<String, String> successors = snap().successors;
        List<String> out = new ArrayList<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(agencyCode));
        while (!todo.isEmpty() && out.size() < 1000) {
            String c = todo.pop();
            successors.forEach((old, next) -> {
                if (next.equals(c) && !out.contains(old)) {
                    out.add(old);
                    todo.push(old);
                }
            });
        }
        return out;
    }

    @Override
    public java.util.Set<String> readableBy(String agencyCode) {
        return snap().custody.readableBy(agencyCode, java.time.LocalDate.now(clock.withZone(zone)));
    }

    /** An agency in force; the code of a closed agency resolves to its successor (after a reorganisation). */
    @Override
    public Optional<Agency> agency(String code) {
        Snapshot s = snap();
        String c = code;
        for (int hops = 0; c != null && hops < 10; hops++) {
            Agency a = s.agencies.get(c);
            if (a != null) {
                return Optional.of(a);
            }
            c = s.successors.get(c);
        }
        return Optional.empty();
    }

    /** The agency of a record as it was: in force or closed, never its successor (names the past). */
    @Override
    public Optional<Agency> agencyAsRecorded(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Snapshot s = snap();
        Agency a = s.agencies.get(code);
        return a != null ? Optional.of(a) : Optional.ofNullable(s.closed.get(code));
    }

    private static final String PERIOD = "select code, name, name_en, short_name, type, level, parent_code, "
            + "valid_from, valid_to from unit_period ";

    @Override
    public List<vn.motcua.organization.UnitPeriod> unitsAt(String parentCode, java.time.LocalDate at) {
        return jdbc.sql(PERIOD + """
                where (valid_from is null or valid_from <= :at) and (valid_to is null or valid_to >= :at)
                  and (cast(:parent as text) is null or parent_code = :parent)
                union all
                select u.code, u.name, u.name_en, u.short_name, u.type, u.level, u.parent_code, null, null
                from admin_unit u
                where not exists (select 1 from unit_period p where p.code = u.code)
                  and (cast(:parent as text) is null or u.parent_code = :parent)
                order by 1""")
                .param("at", at).param("parent", parentCode)
                .query(vn.motcua.organization.UnitPeriod.class).list();
    }

    @Override
    public List<String> predecessors(String unitCode) {
        List<String> from = jdbc.sql("""
                select distinct u.from_code from reorganisation_unit u join reorganisation r on r.id = u.reorganisation_id
                where u.to_code = :c and r.effective_date <= :today order by 1""")
                .param("c", unitCode).param("today", java.time.LocalDate.now(clock.withZone(zone)))
                .query(String.class).list();
        if (from.isEmpty() || from.contains(unitCode)) {
            return from;
        }
        // a unit formed under a code of its own (Tỉnh Đồng Nai 75 from Bình Phước 70): the dossiers filed under it
        // since its date count for it too
        List<String> withItself = new ArrayList<>(from);
        withItself.add(unitCode);
        return List.copyOf(withItself);
    }

    @Override
    public Optional<String> unitToday(String unitCode) {
        if (unitCode == null) {
            return Optional.empty();
        }
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(zone));
        String c = unitCode;
        boolean mapped = false;
        for (int hops = 0; hops < 10; hops++) {
            List<String> to = jdbc.sql("""
                    select distinct u.to_code from reorganisation_unit u join reorganisation r on r.id = u.reorganisation_id
                    where u.from_code = :c and r.effective_date <= :today order by 1""")
                    .param("c", c).param("today", today).query(String.class).list();
            if (to.isEmpty()) {
                break;
            }
            mapped = true;
            if (to.contains(c)) {
                break; // kept its code (25195: Phường Tân Phú's code is Phường Bình Phước's)
            }
            c = to.getFirst(); // merged into one successor (a split is not modelled: the first one)
        }
        if (!mapped && lastDayInForce(c).filter(d -> d.isBefore(today)).isPresent()) {
            return Optional.empty(); // no longer in force, and nothing succeeded it
        }
        return Optional.of(c);
    }

    @Override
    public Optional<java.time.LocalDate> lastDayInForce(String code) {
        return jdbc.sql("""
                select max(valid_to) from unit_period where code = :c
                having bool_and(valid_to is not null)""")
                .param("c", code).query(java.time.LocalDate.class).optional();
    }

    @Override
    public List<Agency> agenciesAt(java.time.LocalDate at) {
        return jdbc.sql("""
                select code, name, name_en, unit_code, level, kind, parent_code, electronic_id from agency
                where (active or valid_to is not null)
                  and (valid_from is null or valid_from <= :at) and (valid_to is null or valid_to >= :at)
                order by code""")
                .param("at", at).query(Agency.class).list();
    }

    @Override
    public Optional<vn.motcua.organization.UnitPeriod> unitAt(String code, java.time.LocalDate at) {
        return unitsAt(null, at).stream().filter(u -> u.code().equals(code)).findFirst();
    }

    @Override
    public List<Agency> agencies(String unitCode) {
        return snap().agencies.values().stream().filter(a -> a.unitCode().equals(unitCode)).toList();
    }

    @Override
    public List<Agency> agenciesWithin(String unitCode) {
        List<Agency> out = new ArrayList<>();
        for (Agency a : snap().agencies.values()) {
            if (path(a.unitCode()).within(unitCode)) {
                out.add(a);
            }
        }
        return out;
    }

    @Override
    public List<Agency> allAgencies() {
        return List.copyOf(snap().agencies.values());
    }

    @Override
    public Optional<java.util.Set<String>> proceduresReceived(String agencyCode) {
        return Optional.ofNullable(agencyCode).map(snap().procedures::get);
    }

    /** The office hours an administrator set for the agency (an old code: its successor's). */
    @Override
    public Optional<List<String>> sessions(String agencyCode) {
        return agency(agencyCode).map(a -> snap().officeHours.get(a.code()));
    }

    @Override
    public List<Agency> oneStops(String unitCode) {
        return agencies(unitCode).stream().filter(Agency::isOneStop).toList();
    }
}
