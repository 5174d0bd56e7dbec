package vn.motcua.index766.internal;

import vn.motcua.organization.UnitLevel;

/**
 * A unit the index is computed for: the province, a district, a commune or an agency.
 *
 * @param column the fact column that selects its dossiers
 * @param level  the administrative level (the agency's level for an agency)
 */
public record UnitRef(String code, String name, String kind, String column, UnitLevel level) {
}
