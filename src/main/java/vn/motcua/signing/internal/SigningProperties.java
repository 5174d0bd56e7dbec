package vn.motcua.signing.internal;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code motcua.signing.*}: where the keys are and how to reach the timestamp authority and the remote signer.
 * Passwords are configuration secrets (environment variables in production); nothing here is logged.
 *
 * @param keystoreDir      the directory of the keystores not configured one by one: {@code agency-<code>.p12} and
 *                         {@code officer-<username>.p12}; the demo certificate authority writes there
 * @param keystorePassword the password of the keystores in {@code keystoreDir}
 * @param agencies         keystores configured per agency code (bracket the code: {@code agencies[70.689.MC]})
 * @param officers         keystores configured per officer username
 * @param demoCa           the demo certificate authority (profile {@code demo} only)
 * @param tsaUrl           an RFC 3161 timestamp authority; blank: no timestamp (PAdES-B-B)
 * @param tsaTimeout       how long to wait for the timestamp authority
 * @param remote           a remote signing service (SmartCA / MySign style): officers with
 *                         {@code officers[username].remote-user-id} sign there
 * @param trustedCertificates the trust list of the verification: root certificates (PEM or DER files), e.g. the
 *                         national root CA (NEAC) and the government-purpose CA; the demo root is added in {@code demo}
 */
@ConfigurationProperties("motcua.signing")
public record SigningProperties(String keystoreDir, String keystorePassword, Map<String, Keystore> agencies,
                                Map<String, Keystore> officers, DemoCa demoCa, String tsaUrl, Duration tsaTimeout,
                                java.util.List<String> trustedCertificates, Remote remote) {

    public SigningProperties {
        keystoreDir = keystoreDir == null || keystoreDir.isBlank() ? "data/keys" : keystoreDir;
        agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
        officers = officers == null ? Map.of() : Map.copyOf(officers);
        demoCa = demoCa == null ? new DemoCa(false, null) : demoCa;
        tsaTimeout = tsaTimeout == null ? Duration.ofSeconds(10) : tsaTimeout;
        remote = remote == null ? new Remote(null, null, null, null, null) : remote;
        trustedCertificates = trustedCertificates == null ? java.util.List.of() : java.util.List.copyOf(trustedCertificates);
    }

    /**
     * One PKCS#12 keystore.
     *
     * @param path      the file
     * @param password  its password (and the key's)
     * @param alias     the key's alias; {@code null}: the first key entry
     * @param sealImage the agency's seal (PNG, transparent); {@code null}: a seal drawn from the agency's name
     * @param remoteUserId an officer who signs with the remote signing service: their user id there (no keystore)
     */
    public record Keystore(String path, String password, String alias, String sealImage, String remoteUserId) {
    }

    /**
     * @param url          the service's base URL; blank: no remote signing
     * @param clientId     this system's client id there
     * @param clientSecret its secret (configuration secret)
     * @param timeout      how long the signer has to approve on the phone (default 2 minutes)
     * @param pollInterval how often to ask (default 2 seconds)
     */
    public record Remote(String url, String clientId, String clientSecret, Duration timeout, Duration pollInterval) {

        public Remote {
            timeout = timeout == null ? Duration.ofMinutes(2) : timeout;
            pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        }

        boolean enabled() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * @param enabled   whether missing keystores of agencies and officers are issued by the demo root
     * @param officerKey the officers' key type: {@code EC} (ECDSA P-256, the default) or {@code RSA} (2048 bits);
     *                   agencies get RSA 2048
     */
    public record DemoCa(boolean enabled, String officerKey) {
    }
}
