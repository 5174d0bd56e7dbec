package vn.motcua.index766.report;

/**
 * Whose dossiers a report counts: the province, a district, a commune or one agency.
 *
 * @param kind       which column of the facts filters (the one its index covers)
 * @param code       the unit's GSO code or the agency's code
 * @param name       shown in titles
 * @param codes      the codes whose dossiers count: the unit's own, or for a unit of today re-mapped (issue 11,
 *                   {@code units=TODAY}) the former units it was formed from
 * @param formedFrom the former units' names when re-mapped, empty otherwise
 */
public record Scope(Kind kind, String code, String name, java.util.List<String> codes,
                    java.util.List<String> formedFrom) {

    public Scope(Kind kind, String code, String name) {
        this(kind, code, name, java.util.List.of(code), java.util.List.of());
    }

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

    /** The SQL condition (a fixed column name, the codes bound as {@code :unit}). */
    String condition() {
        return codes.size() == 1 ? kind.column + " = :unit" : kind.column + " in (:unit)";
    }

    /** What {@code :unit} is bound to. */
    Object bound() {
        return codes.size() == 1 ? codes.getFirst() : codes;
    }
}
