package vn.motcua.index766;

import java.util.List;

/**
 * The index of a unit for a period, in the API.md shape plus the honest-scope fields.
 *
 * @param score         points earned on the computable indicators (of 100)
 * @param computableMax points that can be computed here ("x / y điểm tính được tại đây")
 */
public record IndexResult(String unit, String unitName, String period, double score, double computableMax,
                          String computableText, String evaluatedAt, List<GroupResult> groups) {

    /** One group of indicators. */
    public record GroupResult(String id, String name, int max, double score, double computableMax,
                              List<IndicatorResult> indicators) {
    }

    /**
     * One indicator. Numerator, denominator, ratio and score are null when it is not computable here.
     *
     * @param status "cần dữ liệu quốc gia" and the like when not computable
     * @param note   what is counted (for proxies: what stands in for national data)
     */
    public record IndicatorResult(String id, String name, Long numerator, Long denominator, Double ratio, int max,
                                  Double score, String scoringKey, boolean computable, String source, String status,
                                  String note, boolean drillDown) {
    }
}
