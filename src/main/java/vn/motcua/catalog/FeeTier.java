package vn.motcua.catalog;

/**
 * A tier of a per-page (or per-copy) fee: pages (copies) number {@code from} to {@code to} (inclusive; null: no
 * upper end) cost {@code amount} each.
 */
public record FeeTier(int from, Integer to, long amount, String label) {

    /** How many of {@code count} items (pages numbered 1..count) fall in this tier. */
    public int within(int count) {
        int last = to == null ? count : Math.min(to, count);
        return Math.max(0, last - from + 1);
    }
}
