package vn.motcua.index766.report;

import java.util.Arrays;
import java.util.Optional;

/** The report tables: their API name ({@code /api/v1/stats/<api>}) and page slug ({@code /bao-cao/<slug>}). */
public enum Report {
    /** Bảng 1 */
    PROCEDURES("procedures-by-level", "thu-tuc"),
    /** Bảng 2 */
    BY_LEVEL("by-level", "theo-cap"),
    /** Bảng 3 */
    BY_UNIT("by-unit", "theo-don-vi"),
    /** tỷ lệ sử dụng DVC trực tuyến, tỷ lệ hồ sơ trực tuyến */
    ONLINE("online-rates", "truc-tuyen"),
    /** Bảng 4–9 */
    BY_PROCEDURE("by-procedure", "theo-thu-tuc");

    private final String api;
    private final String slug;

    Report(String api, String slug) {
        this.api = api;
        this.slug = slug;
    }

    public String api() {
        return api;
    }

    public String slug() {
        return slug;
    }

    /** Message key prefix of its texts. */
    public String key() {
        return "report." + api;
    }

    static Optional<Report> bySlug(String slug) {
        return Arrays.stream(values()).filter(r -> r.slug.equals(slug)).findFirst();
    }
}
