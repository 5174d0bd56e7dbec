package vn.motcua.organization;

/** An administrative unit (đơn vị hành chính) with its official GSO code. */
public record AdminUnit(String code, String name, String nameEn, String shortName, String type, UnitLevel level,
                        String parentCode) {
}
