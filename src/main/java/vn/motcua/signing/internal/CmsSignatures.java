package vn.motcua.signing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The CMS signature container of a PAdES baseline signature (ETSI EN 319 142-1, {@code ETSI.CAdES.detached}):
 * detached SHA-256 content, the signed attributes content-type, message-digest and signing-certificate-v2 and
 * <em>no</em> signing-time (the time is the signature dictionary's {@code /M}), the chain, and for B-T the
 * signature timestamp as an unsigned attribute.
 */
final class CmsSignatures {

    private CmsSignatures() {
    }

    /**
     * @param content the signed byte ranges of the PDF
     * @param tsa     a timestamp authority, or {@code null} (PAdES-B-B)
     */
    static byte[] sign(InputStream content, RawSigner signer, TimestampClient tsa) throws IOException {
        try {
            X509Certificate cert = signer.chain().getFirst();
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(signingCertificateV2(cert))));
            DefaultSignedAttributeTableGenerator standard =
                    new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes));
            CMSAttributeTableGenerator noSigningTime = params -> standard.getAttributes(params)
                    .remove(CMSAttributes.signingTime);
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(noSigningTime)
                    .build(contentSigner(signer), cert));
            gen.addCertificates(new JcaCertStore(signer.chain()));
            CMSSignedData signed = gen.generate(new Processable(content.readAllBytes()), false);
            if (tsa != null) {
                signed = withTimestamp(signed, tsa);
            }
            return signed.toASN1Structure().getEncoded("DER");
        } catch (CMSException | OperatorCreationException | CertificateEncodingException e) {
            throw new IOException("the CMS signature could not be made", e);
        }
    }

    private static SigningCertificateV2 signingCertificateV2(X509Certificate cert) throws CertificateEncodingException {
        byte[] hash = sha256(cert.getEncoded());
        IssuerSerial issuer = new IssuerSerial(new GeneralNames(new GeneralName(
                X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()))), cert.getSerialNumber());
        return new SigningCertificateV2(new ESSCertIDv2[] {
            new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuer)});
    }

    private static CMSSignedData withTimestamp(CMSSignedData signed, TimestampClient tsa) throws IOException {
        List<SignerInformation> signers = new ArrayList<>();
        for (SignerInformation si : signed.getSignerInfos().getSigners()) {
            byte[] token = tsa.timestamp(sha256(si.getSignature()));
            ASN1EncodableVector v = new ASN1EncodableVector();
            v.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(ASN1Primitive.fromByteArray(token))));
            signers.add(SignerInformation.replaceUnsignedAttributes(si, new AttributeTable(v)));
        }
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(signers));
    }

    private static ContentSigner contentSigner(RawSigner signer) {
        AlgorithmIdentifier alg = new DefaultSignatureAlgorithmIdentifierFinder().find(signer.algorithm());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        return new ContentSigner() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return alg;
            }

            @Override
            public OutputStream getOutputStream() {
                return buffer;
            }

            @Override
            public byte[] getSignature() {
                return signer.sign(buffer.toByteArray());
            }
        };
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signed content, held for the digest (the PDF's byte ranges, a few megabytes at most). */
    private record Processable(byte[] bytes) implements CMSTypedData {

        @Override
        public org.bouncycastle.asn1.ASN1ObjectIdentifier getContentType() {
            return PKCSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            out.write(bytes);
        }

        @Override
        public Object getContent() {
            return bytes.clone();
        }
    }
}
