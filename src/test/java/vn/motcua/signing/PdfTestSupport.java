package vn.motcua.signing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reads generated PDFs back: text, QR code, fonts and where the glyphs are. */
final class PdfTestSupport {

    static final float MM = 72f / 25.4f;

    private PdfTestSupport() {
    }

    static PDDocument load(byte[] pdf) {
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of every page, each run of white space (line ends included) folded into one space. */
    static String text(byte[] pdf) {
        try (PDDocument doc = load(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ").strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of one page (1-based), white space folded. */
    static String pageText(byte[] pdf, int page) {
        try (PDDocument doc = load(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(doc).replaceAll("\\s+", " ").strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders page 1 like a scanner would (200 dpi, grey) and decodes the QR code on it. */
    static String qrOnFirstPage(byte[] pdf) {
        try (PDDocument doc = load(pdf)) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 200, ImageType.GRAY);
            Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
            hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
            hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
            return new MultiFormatReader().decode(bitmap, hints).getText();
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code found on page 1", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every font used on every page. */
    static List<PDFont> fonts(byte[] pdf) {
        List<PDFont> fonts = new ArrayList<>();
        try (PDDocument doc = load(pdf)) {
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fonts;
    }

    /** A glyph drawn on a page: its box in PDF units, y measured from the top. */
    record Glyph(int page, String text, float x, float top, float width, float height, float pageWidth,
                 float pageHeight) {
    }

    static List<Glyph> glyphs(byte[] pdf) {
        List<Glyph> glyphs = new ArrayList<>();
        try (PDDocument doc = load(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    int page = getCurrentPageNo();
                    for (TextPosition p : positions) {
                        glyphs.add(new Glyph(page, p.getUnicode(), p.getXDirAdj(), p.getYDirAdj() - p.getHeightDir(),
                                p.getWidthDirAdj(), p.getHeightDir(), p.getPageWidth(), p.getPageHeight()));
                    }
                }
            };
            stripper.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return glyphs;
    }
}
