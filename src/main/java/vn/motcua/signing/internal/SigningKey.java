package vn.motcua.signing.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A key that signs, with its certificate chain (the signer's certificate first). {@code sealImage} is the agency's
 * seal image file, or {@code null}.
 */
record SigningKey(PrivateKey key, List<X509Certificate> chain, String sealImage) {

    X509Certificate certificate() {
        return chain.getFirst();
    }
}
