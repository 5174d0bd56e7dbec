package vn.motcua.integration.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The national portal's synchronisation endpoints and delivery policy ({@code motcua.national-portal.*}, see
 * docs/NATIONAL.md). Without a base URL (the demo) nothing is sent: changes are marked SKIPPED and kept for
 * inspection.
 *
 * @param baseUrl         e.g. the LGSP/NDXP gateway address of the portal's dossier service
 * @param createPath      URLThemMoi
 * @param updatePath      URLCapNhat
 * @param historyPath     URLDongBoTienTrinh (process history, at most 10 lines per call)
 * @param token           sent as {@code Authorization: Bearer …} when set
 * @param procedureSuffix appended to short national procedure codes (local portals use {@code .000.00.00.H10})
 * @param interval        how often the sender runs
 * @param batchSize       changes sent per run
 * @param maxAttempts     answers with an error code (a refusal) before a change goes to the dead letters
 * @param timeout         connect and read timeout of one call
 * @param giveUpAfter     how long an unreachable portal is retried before the change goes to the dead letters
 * @param maxBackoff      the longest wait between two attempts
 * @param fileLinkSecret  signs the download links of the dossier's files given to the portal
 * @param alertBacklog    changes waiting above which the administrator is alerted
 * @param alertAge        age of the oldest waiting change above which the administrator is alerted
 */
@ConfigurationProperties(prefix = "motcua.national-portal")
public record NationalPortalProperties(String baseUrl, String createPath, String updatePath, String historyPath,
                                       String token, String procedureSuffix, Duration interval, Integer batchSize,
                                       Integer maxAttempts, Duration timeout, Duration giveUpAfter,
                                       Duration maxBackoff, String fileLinkSecret, Integer alertBacklog,
                                       Duration alertAge) {

    public NationalPortalProperties {
        createPath = createPath == null ? "/hoso/themmoi" : createPath;
        updatePath = updatePath == null ? "/hoso/capnhat" : updatePath;
        historyPath = historyPath == null ? "/hoso/dongbotientrinh" : historyPath;
        procedureSuffix = procedureSuffix == null ? ".000.00.00.H10" : procedureSuffix;
        interval = interval == null ? Duration.ofSeconds(10) : interval;
        batchSize = batchSize == null ? 50 : batchSize;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
        giveUpAfter = giveUpAfter == null ? Duration.ofDays(14) : giveUpAfter;
        maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
        alertBacklog = alertBacklog == null ? 500 : alertBacklog;
        alertAge = alertAge == null ? Duration.ofHours(2) : alertAge;
    }

    /** The defaults with a portal address, a token and a timeout (tests, tools). */
    public static NationalPortalProperties of(String baseUrl, String token, Duration timeout) {
        return new NationalPortalProperties(baseUrl, null, null, null, token, null, null, null, null, timeout, null,
                null, null, null, null);
    }

    public boolean enabled() {
        return baseUrl != null && !baseUrl.isBlank();
    }
}
