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

    /** Agencies of one unit. */
    List<Agency> agencies(String unitCode);

    /** Agencies of a unit and of every unit under it. */
    List<Agency> agenciesWithin(String unitCode);

    List<Agency> allAgencies();

    /** The one-stop section(s) that receive for a unit. */
    List<Agency> oneStops(String unitCode);
}
