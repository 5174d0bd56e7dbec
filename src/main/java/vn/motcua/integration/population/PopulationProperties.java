package vn.motcua.integration.population;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The population database adapter ({@code motcua.population.*}, docs/NATIONAL.md).
 *
 * @param mode         {@code simulated} (generated citizens: the demo), {@code http} (the real registry through the
 *                     province's LGSP/NDXP gateway) or {@code off}; unset: simulated in the demo profile, off otherwise
 * @param baseUrl      the gateway's address of the registry's lookup service
 * @param lookupPath   the lookup service's path (POST {"SoDinhDanh": …})
 * @param token        sent as {@code Authorization: Bearer …}
 * @param timeout      connect and read timeout: intake does not wait longer than this
 * @param databaseCode MaCSDL sent to the national portal in DSKetNoiCSDL for a dossier checked against the registry
 */
@ConfigurationProperties(prefix = "motcua.population")
public record PopulationProperties(String mode, String baseUrl, String lookupPath, String token, Duration timeout,
                                   String databaseCode) {

    public PopulationProperties {
        lookupPath = lookupPath == null ? "/dancu/tracuu" : lookupPath;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        databaseCode = databaseCode == null ? "7" : databaseCode;
    }
}
