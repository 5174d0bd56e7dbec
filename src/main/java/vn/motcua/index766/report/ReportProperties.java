package vn.motcua.index766.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the report tables, under {@code motcua.report.*} (docs/REPORTS.md).
 *
 * @param onlineUsageTarget      target of the online-service usage rate, percent (80: tỷ lệ sử dụng DVC trực tuyến)
 * @param onlineProcessingTarget target of the online processing rate, percent (50: tỷ lệ hồ sơ xử lý trực tuyến)
 * @param top                    procedures listed by the per-procedure report when none is chosen (10)
 */
@ConfigurationProperties("motcua.report")
record ReportProperties(Double onlineUsageTarget, Double onlineProcessingTarget, Integer top) {

    ReportProperties {
        onlineUsageTarget = onlineUsageTarget == null ? 80.0 : onlineUsageTarget;
        onlineProcessingTarget = onlineProcessingTarget == null ? 50.0 : onlineProcessingTarget;
        top = top == null ? 10 : top;
        if (onlineUsageTarget < 0 || onlineUsageTarget > 100) {
            throw new IllegalArgumentException("motcua.report.online-usage-target must be 0..100");
        }
        if (onlineProcessingTarget < 0 || onlineProcessingTarget > 100) {
            throw new IllegalArgumentException("motcua.report.online-processing-target must be 0..100");
        }
        if (top < 1 || top > ReportRequest.MAX_TOP) {
            throw new IllegalArgumentException("motcua.report.top must be 1.." + ReportRequest.MAX_TOP);
        }
    }
}
