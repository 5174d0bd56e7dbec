package vn.motcua.index766;

import java.util.List;
import java.util.Optional;

/**
 * The indicators of Decision 766/QĐ-TTg (DOMAIN.md §1.2), their points and scoring keys, in one table.
 *
 * <p>How to read a row: {@code row("2.1", "2", "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn", "...", 20, LIN, LOCAL, ...)}
 * = indicator 2.1 of group 2 is worth at most 20 points, scored linearly (20 × ratio), and MotCua computes it from
 * its own dossiers. Sources: {@code LOCAL} computed here exactly as DVCQG describes it; {@code PROXY} computed here
 * from a local stand-in for national data (its {@code index766.method.<id>} text says which); {@code NATIONAL}
 * needs data only the national portal has (the index shows it as "cần dữ liệu quốc gia" with its weight and no
 * points); {@code NONE} the data does not exist in MotCua yet.
 *
 * <p>Scoring keys: {@code LIN} score = max × ratio; {@code T80}/{@code T50}/{@code T90} full points from a ratio of
 * 80 % / 50 % / 90 %, below that max × ratio ÷ threshold; {@code MONITOR} shown without points.
 * Special rules ({@link #score}): 5.2 and 5.3 give full points when there is no feedback (DVCQG API, configurable);
 * 5.4 gives 0 when there are no dossiers; any other indicator with an empty denominator gives 0 (ratio 0, [S10]),
 * configurable.
 */
public final class Indicators {

    private Indicators() {
    }

    /** How a ratio becomes points. */
    public enum Key {
        LIN(0), T80(0.8), T50(0.5), T90(0.9), MONITOR(0);

        private final double threshold;

        Key(double threshold) {
            this.threshold = threshold;
        }

        public double threshold() {
            return threshold;
        }
    }

    /** Where the numbers come from. */
    public enum Source {
        LOCAL, PROXY, NATIONAL, NONE;

        public boolean computable() {
            return this == LOCAL || this == PROXY;
        }
    }

    /** One of the five groups (nhóm chỉ tiêu); maxima are confirmed [S4]. */
    public record Group(String id, String nameVi, String nameEn, int max) {

        public String name(boolean english) {
            return english ? nameEn : nameVi;
        }
    }

    /**
     * One indicator (chỉ tiêu).
     *
     * <p>Its texts for a reader are not here but in the messages files, Vietnamese and English (issue 18: one
     * copy, translatable): what it measures ({@code index766.explain.<id>}) and how it is counted, for PROXY what
     * stands in for the national data ({@code index766.method.<id>}); IndicatorTextsTest checks both languages.
     *
     * @param basis what a dossier-based indicator counts: see {@link Basis}
     */
    public record Indicator(String id, String groupId, String nameVi, String nameEn, int max, Key key, Source source,
                            Basis basis) {

        public String name(boolean english) {
            return english ? nameEn : nameVi;
        }
    }

    /** The set of dossiers of a period an indicator counts (docs/INDEX766.md "Bases"). */
    public enum Basis {
        /** received (tiếp nhận) in the period */
        RECEIVED,
        /** finished in the period, plus still open at the end of the period (2.1, 5.4) */
        PROCESSED,
        /** finished with a result (xử lý xong) in the period */
        WITH_RESULT,
        /** procedures of the catalogue, not dossiers */
        PROCEDURES,
        /** not per dossier, or not computed here */
        NONE
    }

    public static final List<Group> GROUPS = List.of(
            new Group("1", "Công khai, minh bạch", "Transparency", 18),
            new Group("2", "Tiến độ, kết quả giải quyết", "Processing progress and results", 20),
            new Group("3", "Cung cấp dịch vụ trực tuyến", "Online services and payment", 22),
            new Group("4", "Số hóa hồ sơ", "Dossier digitisation", 22),
            new Group("5", "Mức độ hài lòng", "Satisfaction", 18));

    private static final Key LIN = Key.LIN, T80 = Key.T80, T50 = Key.T50, T90 = Key.T90, MON = Key.MONITOR;
    private static final Source LOCAL = Source.LOCAL, PROXY = Source.PROXY, NATIONAL = Source.NATIONAL,
            NONE = Source.NONE;

    /** The table. Sum of maxima = 100. */
    public static final List<Indicator> ALL = List.of(
            row("1.1", "1", "Tỷ lệ TTHC công bố đúng hạn", "Procedures published on time", 6, LIN, NATIONAL, Basis.NONE),
            row("1.2", "1", "Tỷ lệ TTHC được cập nhật, công khai đúng hạn", "Procedures updated and publicised on time", 4,
                    LIN, NATIONAL, Basis.NONE),
            row("1.3", "1", "Tỷ lệ TTHC công khai đầy đủ các bộ phận tạo thành",
                    "Procedures publicised with all components", 2, LIN, NATIONAL, Basis.NONE),
            row("1.4", "1", "Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG", "Dossiers synchronised to the national portal", 6, LIN,
                    NATIONAL, Basis.NONE),
            row("2.1", "2", "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn", "Dossiers processed early or on time", 20, LIN,
                    LOCAL, Basis.PROCESSED),
            row("2.2", "2", "Thời gian giải quyết TTHC trung bình", "Average processing time", 0, MON, LOCAL,
                    Basis.WITH_RESULT),
            row("3.1", "3", "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến", "Procedures offered online", 2, T80, PROXY,
                    Basis.PROCEDURES),
            row("3.2", "3", "Tỷ lệ DVCTT có phát sinh hồ sơ", "Online services that received dossiers", 4, LIN, PROXY,
                    Basis.PROCEDURES),
            row("3.3", "3", "Tỷ lệ hồ sơ TTHC nộp trực tuyến", "Dossiers submitted online", 6, T50, LOCAL,
                    Basis.RECEIVED),
            row("3.5", "3", "Tỷ lệ TTHC có nghĩa vụ tài chính được tích hợp thanh toán trực tuyến trên Cổng DVCQG",
                    "Fee-bearing procedures integrated with online payment on the national portal", 2, T80, NATIONAL,
                    Basis.NONE),
            row("3.5b", "3", "Tỷ lệ TTHC có giao dịch thanh toán trực tuyến", "Fee-bearing procedures with an online payment",
                    2, T80, PROXY, Basis.PROCEDURES),
            row("3.6", "3", "Tỷ lệ hồ sơ thanh toán trực tuyến", "Dossiers paid online", 6, LIN, LOCAL, Basis.RECEIVED),
            row("4.1", "4", "Tỷ lệ hồ sơ có cấp kết quả giải quyết TTHC điện tử", "Dossiers with an electronic result", 6,
                    LIN, LOCAL, Basis.WITH_RESULT),
            row("4.2", "4", "Tỷ lệ hồ sơ TTHC thực hiện số hóa hồ sơ", "Dossiers digitised", 4, LIN, LOCAL,
                    Basis.WITH_RESULT),
            row("4.3", "4", "Tỷ lệ hồ sơ khai thác, sử dụng lại thông tin, dữ liệu số hóa",
                    "Dossiers reusing digitised data", 2, T80, NONE, Basis.NONE),
            row("4.4", "4", "Tỷ lệ hồ sơ được số hóa có kết nối, chia sẻ dữ liệu với kho dữ liệu",
                    "Digitised dossiers linked to the data warehouse", 4, LIN, NONE, Basis.NONE),
            row("4.5a", "4", "Tỷ lệ TTHC triển khai kết nối, chia sẻ dữ liệu dân cư",
                    "Procedures connected to the population database", 2, LIN, PROXY, Basis.PROCEDURES),
            row("4.5b", "4", "Tỷ lệ hồ sơ TTHC có sử dụng thông tin, dữ liệu dân cư", "Dossiers using population data", 2,
                    LIN, LOCAL, Basis.RECEIVED),
            row("4.6", "4", "Tỷ lệ cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính",
                    "Electronic certified-copy service coverage", 2, LIN, LOCAL, Basis.NONE),
            row("5.1", "5", "Tỷ lệ PAKN theo phân loại", "Feedback by classification", 0, MON, NATIONAL, Basis.NONE),
            row("5.2", "5", "Tỷ lệ PAKN xử lý đúng hạn", "Feedback handled on time", 6, LIN, NATIONAL, Basis.NONE),
            row("5.3", "5", "Tỷ lệ hài lòng trong xử lý PAKN", "Satisfaction with feedback handling", 6, LIN, NATIONAL,
                    Basis.NONE),
            row("5.4", "5", "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC", "Satisfaction with dossier handling", 6,
                    T90, LOCAL, Basis.PROCESSED));

    public static Optional<Indicator> byId(String id) {
        return ALL.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public static List<Indicator> of(Group g) {
        return ALL.stream().filter(i -> i.groupId().equals(g.id())).toList();
    }

    /** Ratio (0..1, null when the denominator is 0) and points of one indicator. */
    public record Score(Double ratio, double points) {
    }

    /**
     * Points of an indicator from its numerator and denominator, with the special rules of the class comment.
     *
     * @param key the scoring key to use (the row's, or a configured one for rows whose key is UNCONFIRMED)
     */
    public static Score score(Indicator ind, Key key, long numerator, long denominator, Index766Settings s) {
        if (denominator <= 0) {
            double points = switch (ind.id()) {
                case "5.4" -> 0; // "0 if no dossiers" [S10]
                case "5.2", "5.3" -> s.noFeedbackFullPoints() ? ind.max() : 0; // DVCQG API [S10]
                default -> s.emptyDenominatorFullPoints() ? ind.max() : 0; // ratio = 0 [S10]
            };
            return new Score(null, key == Key.MONITOR ? 0 : points);
        }
        double ratio = Math.min(1.0, Math.max(0.0, (double) numerator / denominator));
        return new Score(ratio, points(key, ind.max(), ratio));
    }

    /** LIN: max × ratio; Tx: full from the threshold, linear below it. */
    public static double points(Key key, int max, double ratio) {
        return switch (key) {
            case MONITOR -> 0;
            case LIN -> max * ratio;
            default -> ratio >= key.threshold() ? max : max * ratio / key.threshold();
        };
    }

    private static Indicator row(String id, String group, String vi, String en, int max, Key key, Source source,
                                 Basis basis) {
        return new Indicator(id, group, vi, en, max, key, source, basis);
    }
}
