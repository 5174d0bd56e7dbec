package vn.motcua.demo.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.FeeInputs;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureQuery;
import vn.motcua.organization.AdminUnit;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitPath;
import vn.motcua.organization.UnitPeriod;
import vn.motcua.platform.Channel;

/**
 * What dossiers can be filed where: for every unit (the province, each district, each commune) the pairs
 * (receiving agency of that unit, procedure it may receive) from the catalogue's competence rules, and a
 * weight so that units differ in size and in punctuality (rankings are then worth looking at).
 */
final class World {

    /** A procedure an agency receives, with its fee by channel as the catalogue quotes it (default case). */
    record Offer(Agency agency, UnitPath path, Procedure procedure, long[] fees, boolean online) {

        long fee(Channel channel) {
            return fees[channel.ordinal()];
        }
    }

    /**
     * One unit's offers. {@code lateFactor} scales the level's late rate for this unit (mean 1 over the
     * level); {@code weight} its share of the level's dossiers.
     */
    record Unit(AdminUnit unit, Address address, double weight, double lateFactor, Offer[] all, Offer[] online,
                String[] officers) {
    }

    /**
     * Where an applicant of a unit lives, as written on a dossier filed on a day: the units in force that day (issue
     * 11) — {@code before} until the day the unit or one above it was succeeded ({@code from}, e.g. 1 July 2025:
     * "Phường Tân Phú, Thành phố Đồng Xoài, Tỉnh Bình Phước"), {@code after} from it (its successor as it stood then,
     * "Phường Bình Phước, Tỉnh Đồng Nai", no district). {@code from} null: no change.
     */
    record Address(String before, java.time.LocalDate from, String after) {

        String on(java.time.LocalDate day) {
            return from == null || day.isBefore(from) ? before : after;
        }
    }

    final Map<UnitLevel, Unit[]> units = new EnumMap<>(UnitLevel.class);
    final Map<UnitLevel, double[]> cumulative = new EnumMap<>(UnitLevel.class);

    static World load(Catalog catalog, Organization organization, long seed) {
        return load(catalog, organization, seed, null);
    }

    /**
     * The world of a day: the agencies in force that day ({@code null}: those in force now), so that a history
     * before 1 July 2025 is filed under the old units and their one-stops, after it under the successors.
     */
    static World load(Catalog catalog, Organization organization, long seed, java.time.LocalDate at) {
        Map<String, List<Agency>> byUnit = new java.util.HashMap<>();
        for (Agency a : at == null ? organization.allAgencies() : organization.agenciesAt(at)) {
            byUnit.computeIfAbsent(a.unitCode(), k -> new ArrayList<>()).add(a);
        }
        List<Procedure> procedures = new ArrayList<>();
        for (int page = 0; ; page++) {
            var result = catalog.search(new ProcedureQuery(null, null, null, null, null, page, 500));
            procedures.addAll(result.items());
            if (result.items().size() < 500) {
                break;
            }
        }
        procedures.removeIf(p -> !p.acceptsApplications());
        procedures.sort(java.util.Comparator.comparing(Procedure::code));
        SplittableRandom rnd = new SplittableRandom(seed * 31 + 7);
        Map<String, long[]> quotes = new java.util.HashMap<>();
        World w = new World();
        Periods periods = new Periods(organization);
        String province = organization.units(UnitLevel.PROVINCE).getFirst().code();
        String provinceName = organization.unit(province).orElseThrow().name();
        for (UnitLevel level : UnitLevel.values()) {
            List<Unit> list = new ArrayList<>();
            for (AdminUnit u : organization.units(level)) {
                List<Offer> all = new ArrayList<>();
                for (Agency a : byUnit.getOrDefault(u.code(), List.of())) {
                    if (a.level() != level || a.electronicId() == null) {
                        continue;
                    }
                    UnitPath path = organization.pathOf(a);
                    for (Procedure p : procedures) {
                        if (p.levels().contains(level) && catalog.canReceive(p, a)) {
                            long[] fees = quotes.computeIfAbsent(p.code(), c -> fees(catalog, c));
                            all.add(new Offer(a, path, p, fees, p.onlineApplication()));
                        }
                    }
                }
                if (all.isEmpty()) {
                    continue;
                }
                Address address = at == null ? new Address(address(organization, u, provinceName), null, null)
                        : periods.address(u.code(), at, address(organization, u, provinceName));
                String[] officers = new String[6];
                for (int i = 0; i < officers.length; i++) {
                    officers[i] = People.officerName(rnd);
                }
                // sizes vary about fourfold between units, punctuality about tenfold
                double weight = level == UnitLevel.PROVINCE ? 1 : 0.5 + rnd.nextDouble() * 1.5;
                double late = 0.2 + rnd.nextDouble() * 1.6;
                list.add(new Unit(u, address, weight, late, all.toArray(Offer[]::new),
                        all.stream().filter(Offer::online).toArray(Offer[]::new), officers));
            }
            if (list.isEmpty()) {
                continue; // e.g. the district level after 1 July 2025: its share goes to the communes (#shares)
            }
            // normalise the late factors to a weighted mean of 1 so the level's rate is kept
            double weights = list.stream().mapToDouble(Unit::weight).sum();
            double mean = list.stream().mapToDouble(u -> u.weight() * u.lateFactor()).sum() / weights;
            Unit[] arr = list.stream().map(u -> new Unit(u.unit(), u.address(), u.weight(), u.lateFactor() / mean,
                    u.all(), u.online(), u.officers())).toArray(Unit[]::new);
            double[] cum = new double[arr.length];
            double acc = 0;
            for (int i = 0; i < arr.length; i++) {
                acc += arr[i].weight() / weights;
                cum[i] = acc;
            }
            w.units.put(level, arr);
            w.cumulative.put(level, cum);
        }
        return w;
    }

    /**
     * The level shares of a volume on this world: a level without any receiving agency (the district level once the
     * two-level local government is applied) hands its share to the communes, which took over most district-level
     * procedures (Law 72/2025/QH15; an assumption of the generator, docs/GENERATOR.md).
     */
    Map<UnitLevel, Long> shares(Map<UnitLevel, Long> split) {
        if (units.isEmpty()) {
            throw new IllegalStateException("No agency receives any procedure of the catalogue: load the organization "
                    + "and catalog data first");
        }
        Map<UnitLevel, Long> out = new EnumMap<>(split);
        for (UnitLevel l : UnitLevel.values()) {
            if (!units.containsKey(l) && out.getOrDefault(l, 0L) > 0) {
                UnitLevel to = units.containsKey(UnitLevel.COMMUNE) ? UnitLevel.COMMUNE : units.keySet().iterator().next();
                out.merge(to, out.get(l), Long::sum);
                out.put(l, 0L);
            }
        }
        return out;
    }

    /** The fee of a dossier of the procedure per channel, from the rows of its schedule that apply. */
    private static long[] fees(Catalog catalog, String procedure) {
        long[] out = new long[Channel.values().length];
        for (Channel c : Channel.values()) {
            out[c.ordinal()] = catalog.quote(procedure, FeeInputs.of(c)).total();
        }
        return out;
    }

    Unit pick(UnitLevel level, SplittableRandom rnd) {
        double[] cum = cumulative.get(level);
        double x = rnd.nextDouble();
        int i = java.util.Arrays.binarySearch(cum, x);
        i = i < 0 ? -i - 1 : i;
        Unit[] arr = units.get(level);
        return arr[Math.min(i, arr.length - 1)];
    }

    /**
     * The units in force on a day, from the organization module ({@link Organization#unitsAt}, one query a day), and a
     * unit no longer in force resolved to its successor by its rule ({@link Organization#unitToday}): the generator
     * keeps no mapping of its own.
     */
    private static final class Periods {
        private final Organization organization;
        private final Map<java.time.LocalDate, Map<String, UnitPeriod>> byDay = new java.util.HashMap<>();

        Periods(Organization organization) {
            this.organization = organization;
        }

        private Map<String, UnitPeriod> on(java.time.LocalDate day) {
            return byDay.computeIfAbsent(day, d -> {
                Map<String, UnitPeriod> m = new java.util.HashMap<>();
                organization.unitsAt(null, d).forEach(p -> m.putIfAbsent(p.code(), p));
                return m;
            });
        }

        /** The unit itself on the day, or its successor when it was no longer in force. */
        private UnitPeriod unit(String code, java.time.LocalDate day) {
            UnitPeriod u = on(day).get(code);
            if (u == null) {
                u = organization.unitToday(code).map(on(day)::get).orElse(null);
            }
            return u;
        }

        /** The unit and those above it on the day, the unit first; empty when none is known. */
        private List<UnitPeriod> chain(String code, java.time.LocalDate day) {
            List<UnitPeriod> out = new ArrayList<>(3);
            UnitPeriod u = unit(code, day);
            for (int hops = 0; u != null && hops < 5; hops++) {
                out.add(u);
                u = u.parentCode() == null ? null : on(day).get(u.parentCode());
            }
            return out;
        }

        Address address(String code, java.time.LocalDate at, String directory) {
            List<UnitPeriod> then = chain(code, at);
            // a unit abolished without a successor before the day (a district on 1 July 2025: its land registry
            // branch still receives): the nearest unit above it in the directory that is in force or succeeded
            String up = code;
            for (int hops = 0; then.isEmpty() && up != null && hops < 5; hops++) {
                up = organization.unit(up).map(AdminUnit::parentCode).orElse(null);
                then = up == null ? then : chain(up, at);
            }
            if (then.isEmpty()) {
                return new Address(directory, null, null);
            }
            java.time.LocalDate lastDay = then.stream().map(UnitPeriod::validTo).filter(java.util.Objects::nonNull)
                    .min(java.util.Comparator.naturalOrder()).orElse(null);
            if (lastDay == null) {
                return new Address(join(then), null, null);
            }
            java.time.LocalDate from = lastDay.plusDays(1);
            // a unit abolished without a successor (a district from 1 July 2025): the nearest unit above it that has
            // one (Thành phố Đồng Xoài → Tỉnh Bình Phước → Tỉnh Đồng Nai), never the abolished one
            List<UnitPeriod> after = List.of();
            for (int i = 0; i < then.size() && after.isEmpty(); i++) {
                after = chain(then.get(i).code(), from);
            }
            return after.isEmpty() ? new Address(join(then), null, null)
                    : new Address(join(then), from, join(after));
        }

        private static String join(List<UnitPeriod> chain) {
            return String.join(", ", chain.stream().map(UnitPeriod::name).toList());
        }
    }

    private static String address(Organization organization, AdminUnit u, String provinceName) {
        StringBuilder s = new StringBuilder();
        AdminUnit cur = u;
        while (cur != null && cur.level() != UnitLevel.PROVINCE) {
            s.append(s.isEmpty() ? "" : ", ").append(cur.name());
            cur = cur.parentCode() == null ? null : organization.unit(cur.parentCode()).orElse(null);
        }
        return s + (s.isEmpty() ? "" : ", ") + provinceName;
    }
}
