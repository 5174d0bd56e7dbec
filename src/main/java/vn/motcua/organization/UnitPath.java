package vn.motcua.organization;

/** The province, district and commune a unit lies in (null below the unit's own level). */
public record UnitPath(String provinceCode, String districtCode, String communeCode) {

    /** True when {@code unitCode} is this path's province, district or commune. */
    public boolean within(String unitCode) {
        return unitCode != null && (unitCode.equals(provinceCode) || unitCode.equals(districtCode)
                || unitCode.equals(communeCode));
    }
}
