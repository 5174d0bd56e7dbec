package vn.motcua.catalog;

/** A field of procedures (lĩnh vực), e.g. Hộ tịch. */
public record Field(String code, String name, String nameEn) {
}
