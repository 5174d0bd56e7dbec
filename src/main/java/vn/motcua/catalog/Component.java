package vn.motcua.catalog;

/**
 * A document of the dossier (thành phần hồ sơ).
 *
 * @param required    true when it must always be attached
 * @param requirement REQUIRED, CONDITIONAL (only in some cases) or PRESENT_ONLY (shown, not submitted)
 */
public record Component(String code, String name, int originals, int copies, boolean required, String requirement,
                        String note) {
}
