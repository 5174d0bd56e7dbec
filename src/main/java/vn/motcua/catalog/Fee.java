package vn.motcua.catalog;

import java.util.List;

/**
 * A row of a procedure's fee schedule (phí, lệ phí), structured so that {@link Catalog#quote} can compute what a
 * dossier owes from the rows that apply; an administrator edits the rows as data.
 *
 * @param amount     in VND per unit of {@code basis}; null when set by the provincial People's Council and not yet
 *                   known (a quote that needs it is incomplete)
 * @param condition  when the row applies, in words (as published)
 * @param unit       the published unit ("VND/lần", "VND/trang" ...)
 * @param kind       {@code phi} or {@code le_phi}
 * @param tiers      PER_PAGE (and optionally PER_COPY): amounts by page (copy) number; empty: {@code amount} each
 * @param capPerCopy PER_PAGE: the most one copy costs
 * @param when       the structured condition
 */
public record Fee(String name, Long amount, String condition, String unit, String kind, FeeBasis basis,
                  List<FeeTier> tiers, Long capPerCopy, FeeWhen when) {

    public Fee {
        basis = basis == null ? FeeBasis.PER_DOSSIER : basis;
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        when = when == null ? FeeWhen.ALWAYS : when;
    }

    /** A flat row that always applies. */
    public Fee(String name, Long amount, String condition, String unit, String kind) {
        this(name, amount, condition, unit, kind, FeeBasis.PER_DOSSIER, List.of(), null, FeeWhen.ALWAYS);
    }
}
