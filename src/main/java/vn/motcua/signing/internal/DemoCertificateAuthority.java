package vn.motcua.signing.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The small certificate authority of the {@code demo} profile, so that the whole signing flow runs on a laptop: a
 * root (RSA 2048, {@code demo-root-ca.p12} and {@code demo-root-ca.pem} in the keystore directory) that issues the
 * agencies' certificates (RSA 2048) and the officers' (ECDSA P-256 or RSA 2048) into PKCS#12 keystores. Its root
 * is trusted by the verification page only in the {@code demo} profile. Not for production: real keys come from
 * a licensed CA (Decree 23/2025, Decree 68/2024).
 */
final class DemoCertificateAuthority {

    static final String ROOT_FILE = "demo-root-ca.p12";
    static final String ROOT_PEM = "demo-root-ca.pem";
    static final String ROOT_NAME = "MotCua Demo Root CA (không dùng thật)";
    private static final Date NOT_BEFORE = Date.from(Instant.parse("2020-01-01T00:00:00Z"));
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final char[] password;
    private KeyStore.PrivateKeyEntry root;

    DemoCertificateAuthority(Path dir, String password) {
        this.dir = dir;
        this.password = password.toCharArray();
    }

    /** The root certificate, made on first use. */
    synchronized X509Certificate root() {
        return (X509Certificate) rootEntry().getCertificate();
    }

    /** Issues a keystore with one key ({@code alias} "signer") and its chain to the root, valid until 2045. */
    synchronized void issue(Path file, String commonName, String organization, boolean rsa) {
        issue(file, commonName, organization, rsa, NOT_BEFORE,
                Date.from(ZonedDateTime.of(2045, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant()));
    }

    /** Issues a keystore with a certificate valid between the two moments (tests make expired ones). */
    synchronized void issue(Path file, String commonName, String organization, boolean rsa, Date from, Date until) {
        try {
            KeyStore.PrivateKeyEntry ca = rootEntry();
            X509Certificate caCert = (X509Certificate) ca.getCertificate();
            KeyPair pair = rsa ? rsa() : ec();
            X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN");
            if (organization != null && !organization.isBlank()) {
                name.addRDN(BCStyle.O, organization);
            }
            name.addRDN(BCStyle.CN, commonName);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCert, serial(), from, until, name.build(),
                    pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert));
            X509Certificate cert = sign(b, ca.getPrivateKey());
            write(file, "signer", pair.getPrivate(), List.of(cert, caCert));
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("the demo CA could not issue " + file.getFileName(), e);
        }
    }

    private KeyStore.PrivateKeyEntry rootEntry() {
        if (root != null) {
            return root;
        }
        Path file = dir.resolve(ROOT_FILE);
        try {
            if (!Files.exists(file)) {
                KeyPair pair = rsa();
                X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                        .addRDN(BCStyle.O, "MotCua").addRDN(BCStyle.CN, ROOT_NAME).build();
                JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
                X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), NOT_BEFORE,
                        Date.from(ZonedDateTime.of(2050, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant()), name,
                        pair.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                        .addExtension(Extension.subjectKeyIdentifier, false,
                                ext.createSubjectKeyIdentifier(pair.getPublic()));
                X509Certificate cert = sign(b, pair.getPrivate());
                write(file, "root", pair.getPrivate(), List.of(cert));
                StringWriter pem = new StringWriter();
                try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
                    w.writeObject(cert);
                }
                Files.writeString(dir.resolve(ROOT_PEM), pem.toString());
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(file)) {
                ks.load(in, password);
            }
            root = (KeyStore.PrivateKeyEntry) ks.getEntry("root", new KeyStore.PasswordProtection(password));
            return root;
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("the demo root CA could not be made or read in " + dir, e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey caKey)
            throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey)));
    }

    private void write(Path file, String alias, PrivateKey key, List<X509Certificate> chain)
            throws GeneralSecurityException, IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(alias, key, password, chain.toArray(X509Certificate[]::new));
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ks.store(out, password);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static BigInteger serial() {
        return new BigInteger(96, RANDOM).abs().add(BigInteger.ONE);
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, RANDOM);
        return g.generateKeyPair();
    }

    private static KeyPair ec() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }
}
