package vn.motcua.signing.internal;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * The visible part of a signature (Decree 30/2020 Annex I): for a person, the name, position and signing time in
 * blue; for the agency, its seal image in red with the agency's name and the time. Built as PDFBox's "visual
 * signature template" (a one-page document whose only field is the signature widget), which
 * {@code SignatureOptions.setVisualSignature} merges into the signed incremental update.
 */
final class Appearance {

    static final Color BLUE = new Color(0x0B, 0x3D, 0x91);

    /**
     * @param rect      the widget's rectangle on the page (PDF user space)
     * @param lines     the text lines (the first in bold)
     * @param seal      PNG bytes of a seal drawn at the left of the box, or {@code null}
     * @param sealOnly  the whole box is the seal (the agency's signature overlapping the officer's)
     */
    record Spec(PDRectangle rect, List<String> lines, byte[] seal, boolean sealOnly) {
    }

    private Appearance() {
    }

    static InputStream template(PDRectangle mediaBox, Spec spec) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(mediaBox);
            doc.addPage(page);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            PDAnnotationWidget widget = field.getWidgets().getFirst();
            form.setSignaturesExist(true);
            form.setAppendOnly(true);
            form.getCOSObject().setDirect(true);
            form.getFields().add(field);
            widget.setRectangle(spec.rect());
            widget.setPage(page);
            widget.setPrinted(true);
            page.getAnnotations().add(widget);

            PDFormXObject xobject = new PDFormXObject(new PDStream(doc));
            xobject.setResources(new PDResources());
            xobject.setFormType(1);
            float w = spec.rect().getWidth();
            float h = spec.rect().getHeight();
            xobject.setBBox(new PDRectangle(w, h));
            PDAppearanceDictionary appearance = new PDAppearanceDictionary();
            appearance.getCOSObject().setDirect(true);
            PDAppearanceStream stream = new PDAppearanceStream(xobject.getCOSObject());
            appearance.setNormalAppearance(stream);
            widget.setAppearance(appearance);

            try (PDPageContentStream cs = new PDPageContentStream(doc, stream)) {
                float textX = 2;
                if (spec.seal() != null) {
                    PDImageXObject img = PDImageXObject.createFromByteArray(doc, spec.seal(), "seal");
                    float side = spec.sealOnly() ? Math.min(w, h) : Math.min(h, w * 0.4f);
                    cs.drawImage(img, spec.sealOnly() ? (w - side) / 2 : 0, (h - side) / 2, side, side);
                    textX = spec.sealOnly() ? w : side + 3;
                }
                if (!spec.lines().isEmpty() && textX < w - 10) {
                    PDType0Font regular;
                    PDType0Font bold;
                    try (InputStream r = Appearance.class.getResourceAsStream("/fonts/DejaVuSans.ttf");
                         InputStream b = Appearance.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf")) {
                        regular = PDType0Font.load(doc, r, true);
                        bold = PDType0Font.load(doc, b, true);
                    }
                    float size = fit(spec.lines(), regular, bold, w - textX - 2, h);
                    cs.setNonStrokingColor(BLUE);
                    float y = h - size * 1.25f;
                    for (int i = 0; i < spec.lines().size(); i++) {
                        cs.beginText();
                        cs.setFont(i == 0 ? bold : regular, size);
                        cs.newLineAtOffset(textX, y);
                        cs.showText(spec.lines().get(i));
                        cs.endText();
                        y -= size * 1.3f;
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return new ByteArrayInputStream(out.toByteArray());
        }
    }

    /** The largest size up to 8 pt at which every line fits the width and all lines fit the height. */
    private static float fit(List<String> lines, PDType0Font regular, PDType0Font bold, float width, float height)
            throws IOException {
        float size = Math.min(8f, height / (lines.size() * 1.3f + 0.2f));
        for (int i = 0; i < lines.size(); i++) {
            PDType0Font f = i == 0 ? bold : regular;
            float lineWidth = f.getStringWidth(lines.get(i)) / 1000f;
            if (lineWidth * size > width) {
                size = width / lineWidth;
            }
        }
        return Math.max(size, 3f);
    }
}
