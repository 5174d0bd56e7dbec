package vn.motcua.signing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.GregorianCalendar;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

/**
 * One PAdES signature added to a PDF as an incremental update (the bytes before it are kept as they are, so the
 * signatures already there stay valid): the signature dictionary ({@code /SubFilter ETSI.CAdES.detached}, the
 * signing time in {@code /M}), the visible widget, and the CMS container of {@link CmsSignatures}.
 */
final class PadesSigner {

    static final COSName ETSI_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");

    /** What the signature dictionary says besides the signature: who, why, where, when. */
    record Meta(String name, String reason, String location, java.time.ZonedDateTime at) {
    }

    private PadesSigner() {
    }

    /**
     * @param visible the appearance, computed on the loaded document (to find where it goes); {@code null}: an
     *                invisible signature
     * @param tsa     the timestamp authority, or {@code null}
     */
    static byte[] sign(byte[] pdf, RawSigner signer, Meta meta, Function<PDDocument, Placed> visible,
                       TimestampClient tsa) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(ETSI_CADES_DETACHED);
            signature.setName(meta.name());
            signature.setReason(meta.reason());
            signature.setLocation(meta.location());
            signature.setSignDate(GregorianCalendar.from(meta.at()));
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(tsa == null ? 12_000 : 30_000);
                if (visible != null) {
                    Placed placed = visible.apply(doc);
                    options.setPage(placed.pageIndex());
                    options.setVisualSignature(Appearance.template(
                            doc.getPage(placed.pageIndex()).getMediaBox(), placed.spec()));
                }
                doc.addSignature(signature, content -> CmsSignatures.sign(content, signer, tsa), options);
                ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 40_000);
                doc.saveIncremental(out);
                return out.toByteArray();
            }
        }
    }

    /** An appearance and the page (0-based) it goes on. */
    record Placed(int pageIndex, Appearance.Spec spec) {
    }
}
