package vn.motcua.catalog;

/**
 * A fee or charge (phí, lệ phí) with the condition it applies under.
 *
 * @param amount in VND; null when set by the provincial People's Council and not yet known
 */
public record Fee(String name, Long amount, String condition, String unit, String kind) {
}
