package vn.motcua.signing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * Finds the key of an agency or an officer: the keystore configured for it ({@code motcua.signing.agencies[code]},
 * {@code motcua.signing.officers[username]}), else {@code agency-<code>.p12} / {@code officer-<username>.p12} in the
 * keystore directory, else (demo profile) one issued by the demo certificate authority. Loaded keys are kept in
 * memory; passwords are never logged.
 */
@Component
class KeyRing {

    private static final Log log = LogFactory.getLog(KeyRing.class);
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final SigningProperties props;
    private final Path dir;
    private final DemoCertificateAuthority demo;
    private final Map<String, SigningKey> loaded = new ConcurrentHashMap<>();

    KeyRing(SigningProperties props) {
        this.props = props;
        this.dir = Path.of(props.keystoreDir());
        this.demo = props.demoCa().enabled() && props.keystorePassword() != null
                ? new DemoCertificateAuthority(dir, props.keystorePassword()) : null;
    }

    /** The demo root, when the demo certificate authority is on. */
    Optional<X509Certificate> demoRoot() {
        return demo == null ? Optional.empty() : Optional.of(demo.root());
    }

    Optional<DemoCertificateAuthority> demoCa() {
        return Optional.ofNullable(demo);
    }

    boolean hasAgencyKey(String code) {
        return props.agencies().containsKey(code) || demo != null
                || (code != null && SAFE.matcher(code).matches() && Files.exists(dir.resolve("agency-" + code + ".p12")));
    }

    SigningKey agency(String code, String agencyName) {
        var configured = props.agencies().get(code);
        if (configured != null) {
            return load(configured.path(), configured.password(), configured.alias(), configured.sealImage());
        }
        return fromDirectory("agency-" + safe(code) + ".p12", agencyName, null, true);
    }

    /** The officer's signer: the remote signing service when configured for them, else their keystore. */
    RawSigner officerSigner(String username, String name, String agencyName, java.time.Clock clock) {
        var configured = props.officers().get(username);
        if (configured != null && configured.remoteUserId() != null && !configured.remoteUserId().isBlank()) {
            if (!props.remote().enabled()) {
                throw Failures.failed("signing.reason.noKey");
            }
            var r = props.remote();
            return new RemoteSigner(new RemoteSigner.Remote(r.url(), r.clientId(), r.clientSecret(), r.timeout(),
                    r.pollInterval()), configured.remoteUserId(), "MotCua: " + name, clock);
        }
        return RawSigner.local(officer(username, name, agencyName));
    }

    SigningKey officer(String username, String name, String agencyName) {
        var configured = props.officers().get(username);
        if (configured != null) {
            return load(configured.path(), configured.password(), configured.alias(), null);
        }
        boolean rsa = "RSA".equalsIgnoreCase(props.demoCa().officerKey());
        return fromDirectory("officer-" + safe(username) + ".p12", name, agencyName, rsa);
    }

    private SigningKey fromDirectory(String fileName, String commonName, String organization, boolean rsa) {
        Path file = dir.resolve(fileName);
        if (!Files.exists(file)) {
            if (demo == null) {
                throw Failures.failed("signing.reason.noKey");
            }
            synchronized (this) {
                if (!Files.exists(file)) {
                    demo.issue(file, commonName, organization, rsa);
                    log.info("demo CA issued " + fileName);
                }
            }
        }
        return load(file.toString(), props.keystorePassword(), null, null);
    }

    private SigningKey load(String path, String password, String alias, String sealImage) {
        if (path == null || password == null) {
            throw Failures.failed("signing.reason.noKey");
        }
        return loaded.computeIfAbsent(path + "|" + alias, k -> read(Path.of(path), password, alias, sealImage));
    }

    private static SigningKey read(Path file, String password, String alias, String sealImage) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password.toCharArray());
            String name = alias;
            if (name == null) {
                name = Collections.list(ks.aliases()).stream().filter(a -> isKey(ks, a)).findFirst().orElse(null);
            }
            if (name == null || !ks.isKeyEntry(name)) {
                throw Failures.failed("signing.reason.noKey");
            }
            PrivateKey key = (PrivateKey) ks.getKey(name, password.toCharArray());
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : ks.getCertificateChain(name)) {
                chain.add((X509Certificate) c);
            }
            return new SigningKey(key, List.copyOf(chain), sealImage);
        } catch (IOException | GeneralSecurityException e) {
            // the message names the file, never the password
            log.warn("keystore " + file + " could not be read: " + e.getClass().getSimpleName());
            throw Failures.failed("signing.reason.noKey");
        }
    }

    private static boolean isKey(KeyStore ks, String alias) {
        try {
            return ks.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String safe(String name) {
        if (name == null || !SAFE.matcher(name).matches()) {
            throw Failures.failed("signing.reason.noKey");
        }
        return name;
    }
}
