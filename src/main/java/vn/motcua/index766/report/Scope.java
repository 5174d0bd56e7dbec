package vn.motcua.index766.report;

/**
 * Whose dossiers a report counts: the province, a district, a commune or one agency.
 *
 * @param kind   which column of the facts filters (the one its index covers)
 * @param code   the unit's GSO code or the agency's code
 * @param name   shown in titles
 */
public record Scope(Kind kind, String code, String name) {

    /** What the unit parameter named. */
    public enum Kind {
        PROVINCE("province_code"), DISTRICT("district_code"), COMMUNE("commune_code"), AGENCY("agency_code");

        private final String column;

        Kind(String column) {
            this.column = column;
        }

        String column() {
            return column;
        }
    }

    /** The SQL condition (a fixed column name, the code bound as {@code :unit}). */
    String condition() {
        return kind.column + " = :unit";
    }
}
