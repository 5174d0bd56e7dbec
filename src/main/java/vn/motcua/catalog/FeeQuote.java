package vn.motcua.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What a dossier owes: the rows of the schedule that apply, each with its amount, and the total.
 *
 * @param total    the sum of the known amounts, in đồng
 * @param complete false when a row that applies has no known amount (set by the provincial People's Council and not
 *                 yet in the catalogue): the total is then a lower bound and an officer sets the amount
 */
public record FeeQuote(long total, List<Item> items, boolean complete) {

    public static final FeeQuote NONE = new FeeQuote(0, List.of(), true);

    public FeeQuote {
        items = List.copyOf(items);
    }

    /**
     * A line: the row's name, what it costs here (null when unknown), its condition, and how it was counted
     * ({@code quantity} × {@code unitAmount}: pages, copies, persons; 1 × amount for a flat row), and its kind
     * ({@code phi} or {@code le_phi}, as the row says; receipts list them apart).
     */
    @Schema(name = "FeeQuoteItem") // not the notifications' Item: one name, one schema in the API description
    public record Item(String name, Long amount, String condition, int quantity, Long unitAmount, String kind) {

        public Item(String name, Long amount, String condition, int quantity, Long unitAmount) {
            this(name, amount, condition, quantity, unitAmount, null);
        }

        /** The same line of the given kind. */
        public Item withKind(String k) {
            return new Item(name, amount, condition, quantity, unitAmount, k);
        }
    }
}
