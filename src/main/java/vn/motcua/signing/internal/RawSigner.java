package vn.motcua.signing.internal;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Who makes the signature value over the CMS signed attributes: a key of a local keystore, or a remote signing
 * service that receives only the hash. {@link #algorithm()} is a JCA name such as {@code SHA256withRSA}.
 */
interface RawSigner {

    List<X509Certificate> chain();

    String algorithm();

    /** The signature value over {@code toBeSigned} (the DER-encoded signed attributes). */
    byte[] sign(byte[] toBeSigned);

    static String algorithmFor(X509Certificate cert) {
        return "EC".equals(cert.getPublicKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }

    /** A key of a local keystore: it never leaves this process. */
    static RawSigner local(SigningKey key) {
        return new RawSigner() {
            @Override
            public List<X509Certificate> chain() {
                return key.chain();
            }

            @Override
            public String algorithm() {
                return algorithmFor(key.certificate());
            }

            @Override
            public byte[] sign(byte[] toBeSigned) {
                try {
                    Signature s = Signature.getInstance(algorithm());
                    s.initSign(key.key());
                    s.update(toBeSigned);
                    return s.sign();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("the key could not sign", e);
                }
            }
        };
    }
}
