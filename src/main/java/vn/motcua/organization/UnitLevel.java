package vn.motcua.organization;

/** Level of an administrative unit, and of the agencies and procedures attached to it. */
public enum UnitLevel {
    /** tỉnh */
    PROVINCE,
    /** huyện, thị xã, thành phố thuộc tỉnh */
    DISTRICT,
    /** xã, phường, thị trấn */
    COMMUNE
}
