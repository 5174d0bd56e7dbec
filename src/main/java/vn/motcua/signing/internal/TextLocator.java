package vn.motcua.signing.internal;

import java.io.IOException;
import java.text.Normalizer;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Finds the line of a page that contains a text, as a rectangle in PDF user space (origin bottom left). */
final class TextLocator extends PDFTextStripper {

    private final String needle;
    private final float pageHeight;
    private PDRectangle found;

    private TextLocator(String needle, float pageHeight) {
        this.needle = Normalizer.normalize(needle.strip(), Normalizer.Form.NFC);
        this.pageHeight = pageHeight;
    }

    /** The last line of page {@code pageIndex} (0-based) that contains {@code text}, or {@code null}. */
    static PDRectangle find(PDDocument doc, int pageIndex, String text) throws IOException {
        if (text == null || text.isBlank()) {
            return null;
        }
        TextLocator l = new TextLocator(text, doc.getPage(pageIndex).getMediaBox().getHeight());
        l.setStartPage(pageIndex + 1);
        l.setEndPage(pageIndex + 1);
        l.setSortByPosition(true);
        l.getText(doc);
        return l.found;
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
        String t = Normalizer.normalize(text, Normalizer.Form.NFC);
        int at = t.indexOf(needle);
        if (at < 0 || positions.isEmpty() || t.length() != positions.size()) {
            if (at >= 0 && !positions.isEmpty()) {
                found = box(positions.getFirst(), positions.getLast());
            }
            return;
        }
        found = box(positions.get(at), positions.get(at + needle.length() - 1));
    }

    private PDRectangle box(TextPosition first, TextPosition last) {
        float x0 = first.getXDirAdj();
        float x1 = last.getXDirAdj() + last.getWidthDirAdj();
        float baseline = pageHeight - first.getYDirAdj();
        float height = Math.max(first.getHeightDir(), first.getFontSizeInPt() * 0.75f);
        return new PDRectangle(x0, baseline, x1 - x0, height);
    }
}
