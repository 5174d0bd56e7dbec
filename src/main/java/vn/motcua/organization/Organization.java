package vn.motcua.organization;

import java.util.List;
import java.util.Optional;

/** The organization module's API: units, agencies and how they nest. */
public interface Organization {

    Optional<AdminUnit> unit(String code);

    /** Units directly under a parent (the province's districts, a district's communes). */
    List<AdminUnit> children(String parentCode);

    List<AdminUnit> units(UnitLevel level);

    List<AdminUnit> allUnits();

    UnitPath path(String unitCode);

    Optional<Agency> agency(String code);

    /**
     * The agency with this code as recorded, in force or closed (issue 11): what names the agency of a record of the
     * past (a payment, a dossier, a receipt of Phường Tân Phú's one-stop {@code 70.689.25195.MC} closed on 30 June
     * 2025 shows "… phường Tân Phú", not its successor's name). {@link #agency} resolves a closed agency to its
     * successor: right for routing new work, applying and choosing an agency, wrong for naming the past.
     */
    default Optional<Agency> agencyAsRecorded(String code) {
        return agency(code);
    }

    /** Agencies of one unit. */
    List<Agency> agencies(String unitCode);

    /** Agencies of a unit and of every unit under it. */
    List<Agency> agenciesWithin(String unitCode);

    List<Agency> allAgencies();

    /** The one-stop section(s) that receive for a unit. */
    List<Agency> oneStops(String unitCode);

    /**
     * The procedures an agency receives when an administrator listed them explicitly; empty when the catalogue's
     * rule applies (the procedure's agency patterns and levels).
     */
    default Optional<java.util.Set<String>> proceduresReceived(String agencyCode) {
        return Optional.empty();
    }

    /**
     * Units in force on a date, under a parent (null: all), from the units' periods; a unit without any recorded
     * period counts as always in force.
     */
    default List<UnitPeriod> unitsAt(String parentCode, java.time.LocalDate at) {
        return List.of();
    }

    /**
     * The units a unit of today was formed from by reorganisations in force, and its own code (the dossiers filed
     * under it since; Tỉnh Đồng Nai 75 = Bình Phước 70 + 75):
     * the index and reports re-map old units' dossiers to today's units with it. Empty when it was not reorganised.
     */
    default List<String> predecessors(String unitCode) {
        return List.of();
    }

    /**
     * The unit of today that a former unit's dossiers count for (issue 11: the one rule by which the 766 index, the
     * reports and their pages re-map a period to today's units; {@link #predecessors} is its inverse): the successor
     * by the reorganisations in force on the application's date, followed through several (Xã Tiến Hưng 25213 →
     * Phường Bình Phước 25195, Bình Phước 70 → Đồng Nai 75); the unit itself when it was not reorganised and is still
     * in force; empty when it is no longer in force and nothing succeeded it (a district after 1 July 2025).
     */
    default Optional<String> unitToday(String unitCode) {
        return Optional.ofNullable(unitCode);
    }

    /** The last day a unit was in force, when it is no longer (e.g. Bình Phước: 30 June 2025); empty otherwise. */
    default Optional<java.time.LocalDate> lastDayInForce(String code) {
        return Optional.empty();
    }

    /**
     * The units a dossier received by the agency is filed under. An agency that came into force on a date (a
     * successor of a reorganisation, e.g. {@code 75.25195.MC} from 1 July 2025) lies in its unit as it stood that
     * day (Phường Bình Phước, directly under Tỉnh Đồng Nai 75, no district), not in the directory's row for a reused
     * code (Phường Tân Phú under Đồng Xoài 689); any other agency in the directory's units.
     */
    default UnitPath pathOf(Agency agency) {
        return path(agency.unitCode());
    }

    /**
     * Agencies in force on a date, from their dates: an agency closed by a reorganisation (Phường Tân Phú's one-stop
     * until 30 June 2025) answers for the days before, its successor ({@code 75.25195.MC}) from its first day; a
     * successor still waiting for its reorganisation to be applied answers for no day.
     */
    default List<Agency> agenciesAt(java.time.LocalDate at) {
        return allAgencies();
    }

    /**
     * The codes of the closed agencies an agency succeeded (directly or through several reorganisations): what they
     * received by the catalogue's patterns, the successor receives ({@code 75.25195.CA} what
     * {@code 70.689.25195.CA} and the five other communes' police received). Empty for most agencies.
     */
    default List<String> agencyPredecessors(String agencyCode) {
        return List.of();
    }

    /**
     * The agencies whose records (dossiers, payments, certified copies) an officer of the agency reads today: the
     * agency itself and, by {@link SuccessorCustody} (archive custody, {@code motcua.reorganisation.successor-custody}),
     * the closed agencies it succeeded, followed through several reorganisations, from each succession's date
     * ({@code 75.25195.MC}: Phường Tân Phú's {@code 70.689.25195.MC}, Xã Tiến Hưng's {@code 70.689.25213.MC}, …, from
     * 1 July 2025). Empty for no agency.
     */
    default java.util.Set<String> readableBy(String agencyCode) {
        return agencyCode == null ? java.util.Set.of() : java.util.Set.of(agencyCode);
    }

    /**
     * The place name of the date line of a document the agency issues on a day (địa danh, "Đồng Xoài, ngày …"): one
     * rule for receipts, notices, results, certified copies and e-receipts. An agency without a start date (the
     * directory's agencies: the old structure, provincial departments) names its district, or the province for a
     * provincial agency, from the directory. An agency that came into force on a date (a successor: Phường Bình
     * Phước's one-stop {@code 75.25195.MC} from 1 July 2025) lies in its unit as it stood on the document's day — on
     * its own first day for a document dated before it (the receipt of a handed-over dossier printed again) — and
     * names its district; with no district (the two-level government) its commune or ward itself, the unit where the
     * issuing body sits (Decree 30/2020/NĐ-CP, Annex I): "Bình Phước", never the abolished "Đồng Xoài".
     */
    default String placeName(Agency agency, java.time.LocalDate day) {
        UnitPath path = path(agency.unitCode());
        String unit = path.districtCode() != null ? path.districtCode() : path.provinceCode();
        return unit == null ? "" : unit(unit).map(AdminUnit::shortName).orElse("");
    }

    /**
     * The unit an agency is listed under where agencies are offered by place (the citizen's choice of agency, the
     * catalogue's filter): its district, or its province for a provincial agency or under the two-level government —
     * Phường Bình Phước's one-stop under "Tỉnh Đồng Nai", not under the abolished "Thành phố Đồng Xoài" of the
     * directory's row for the reused code 25195. Same units as {@link #pathOf}.
     */
    default String listedUnder(Agency agency) {
        UnitPath path = pathOf(agency);
        String unit = path.districtCode() != null ? path.districtCode() : path.provinceCode();
        return unit == null ? "" : unit(unit).map(AdminUnit::name).orElse("");
    }

    /** A unit as it stood on a date. */
    default Optional<UnitPeriod> unitAt(String code, java.time.LocalDate at) {
        return Optional.empty();
    }
}
