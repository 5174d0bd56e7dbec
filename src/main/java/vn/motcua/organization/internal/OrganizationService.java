package vn.motcua.organization.internal;

import java.time.Duration;
import java.time.Instant;
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

/**
 * Reads units and agencies. The whole directory is a few hundred rows, read on every request, so it is held
 * as an immutable snapshot refreshed every minute (and at once after a local change).
 */
@Service
class OrganizationService implements Organization {

    private static final Duration TTL = Duration.ofSeconds(60);
    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    OrganizationService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Snapshot(Instant loadedAt, Map<String, AdminUnit> units, Map<String, Agency> agencies) {
    }

    private Snapshot snap() {
        Snapshot s = snapshot;
        if (s == null || s.loadedAt.plus(TTL).isBefore(Instant.now())) {
            s = load();
            snapshot = s;
        }
        return s;
    }

    void invalidate() {
        snapshot = null;
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
        return new Snapshot(Instant.now(), Map.copyOf(units), java.util.Collections.unmodifiableMap(agencies));
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
    public Optional<Agency> agency(String code) {
        return Optional.ofNullable(code).map(snap().agencies::get);
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
    public List<Agency> oneStops(String unitCode) {
        return agencies(unitCode).stream().filter(Agency::isOneStop).toList();
    }
}
