package vn.motcua.integration.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The national portal's synchronisation endpoints ({@code motcua.national-portal.*}). Without a base URL (the
 * demo) nothing is sent: rows are marked SKIPPED and kept for inspection.
 *
 * @param baseUrl         e.g. the LGSP/NDXP gateway address of the portal's dossier service
 * @param createPath      URLThemMoi
 * @param updatePath      URLCapNhat
 * @param token           sent as {@code Authorization: Bearer …} when set
 * @param procedureSuffix appended to national procedure codes (local portals use {@code .000.00.00.H10})
 */
@ConfigurationProperties(prefix = "motcua.national-portal")
public record NationalPortalProperties(String baseUrl, String createPath, String updatePath, String token,
                                       String procedureSuffix, Duration interval, Integer batchSize,
                                       Integer maxAttempts, Duration timeout) {

    public NationalPortalProperties {
        createPath = createPath == null ? "/hoso/themmoi" : createPath;
        updatePath = updatePath == null ? "/hoso/capnhat" : updatePath;
        procedureSuffix = procedureSuffix == null ? ".000.00.00.H10" : procedureSuffix;
        interval = interval == null ? Duration.ofSeconds(10) : interval;
        batchSize = batchSize == null ? 50 : batchSize;
        maxAttempts = maxAttempts == null ? 12 : maxAttempts;
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
    }

    public boolean enabled() {
        return baseUrl != null && !baseUrl.isBlank();
    }
}
