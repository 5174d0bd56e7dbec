package vn.motcua.organization;

/**
 * A public body that receives or decides procedures.
 *
 * @param code         the project's agency code, e.g. {@code 70.689.25195.MC}
 * @param unitCode     the administrative unit it belongs to
 * @param kind         e.g. one_stop_commune, department, police
 * @param electronicId the identifier used as the first part of dossier codes (mã định danh điện tử)
 */
public record Agency(String code, String name, String nameEn, String unitCode, UnitLevel level, String kind,
                     String parentCode, String electronicId) {

    /** One-stop sections (bộ phận một cửa) receive dossiers for their level. */
    public boolean isOneStop() {
        return kind.startsWith("one_stop");
    }
}
