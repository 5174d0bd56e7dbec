package vn.motcua.certification.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import vn.motcua.platform.ProblemException;

/**
 * The electronic copy: the pages of the scanned original (a PDF's pages as they are, or an image on an A4 page),
 * then the certification page (the statement, the certification number and book, the place and date, the certifier's
 * block, a QR code to its verification page). The statement is on a page of its own after the copy (for a paper copy
 * it goes on the last page, Decree 23/2015 Art. 20; for the e-copy the signatures cover the whole file: design).
 */
final class CertifiedCopyPdf {

    private static final float MM = 72f / 25.4f;

    record Statement(String agencyName, String place, String documentName, int pages, String applicantName,
                     String statement, String numberText, String signerTitle, String signerName, OffsetDateTime at,
                     String verifyUrl) {
    }

    private CertifiedCopyPdf() {
    }

    /** How many pages the original has when it is a PDF; {@code -1} for an image. 400 naming {@code file} if broken. */
    static int pagesOf(byte[] original, String contentType) {
        if (!"application/pdf".equals(contentType)) {
            return -1;
        }
        try (PDDocument doc = Loader.loadPDF(original)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw ProblemException.invalid("originalFileId", "certification.original.unreadable");
        }
    }

    static byte[] build(byte[] original, String contentType, Statement s) {
        try (PDDocument doc = "application/pdf".equals(contentType) ? Loader.loadPDF(original) : new PDDocument()) {
            if (!"application/pdf".equals(contentType)) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                PDImageXObject img = PDImageXObject.createFromByteArray(doc, original, "original");
                float maxW = PDRectangle.A4.getWidth() - 20 * MM;
                float maxH = PDRectangle.A4.getHeight() - 20 * MM;
                float scale = Math.min(maxW / img.getWidth(), maxH / img.getHeight());
                float w = img.getWidth() * scale;
                float h = img.getHeight() * scale;
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(img, (PDRectangle.A4.getWidth() - w) / 2, (PDRectangle.A4.getHeight() - h) / 2, w, h);
                }
            }
            statementPage(doc, s);
            doc.getDocumentInformation().setTitle("Bản sao điện tử được chứng thực – " + s.documentName());
            doc.getDocumentInformation().setAuthor(s.agencyName());
            doc.getDocumentInformation().setCreator("MotCua");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw ProblemException.invalid("originalFileId", "certification.original.unreadable");
        }
    }

    private static void statementPage(PDDocument doc, Statement s) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        PDFont regular;
        PDFont bold;
        try (InputStream r = CertifiedCopyPdf.class.getResourceAsStream("/fonts/DejaVuSans.ttf");
             InputStream b = CertifiedCopyPdf.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf")) {
            regular = PDType0Font.load(doc, r, true);
            bold = PDType0Font.load(doc, b, true);
        }
        float width = PDRectangle.A4.getWidth();
        float left = 25 * MM;
        float right = width - 15 * MM;
        float y = PDRectangle.A4.getHeight() - 25 * MM;
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            y = centred(cs, bold, 11, upper(lastLine(s.agencyName())), left, left + 80 * MM, y);
            float motto = PDRectangle.A4.getHeight() - 25 * MM;
            centred(cs, bold, 10, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", left + 75 * MM, right, motto);
            centred(cs, bold, 10, "Độc lập - Tự do - Hạnh phúc", left + 75 * MM, right, motto - 14);
            y -= 30;
            y = centred(cs, bold, 14, "CHỨNG THỰC BẢN SAO ĐÚNG VỚI BẢN CHÍNH", left, right, y);
            y -= 12;
            List<String> body = new ArrayList<>();
            body.add("Giấy tờ, văn bản: " + s.documentName() + " (" + s.pages() + " trang).");
            body.add("Người yêu cầu chứng thực: " + s.applicantName() + ".");
            if (s.statement() != null && !s.statement().isBlank()) {
                body.addAll(s.statement().strip().lines().toList());
            }
            for (String line : body) {
                for (String wrapped : wrap(regular, 11, line, right - left)) {
                    text(cs, regular, 11, wrapped, left, y);
                    y -= 16;
                }
            }
            y -= 14;
            float blockTop = y;
            // left: the number and the book (the agency's seal goes under them)
            for (String part : s.numberText().split("; ")) {
                text(cs, bold, 11, part, left, y);
                y -= 16;
            }
            // right: place and date, the signer's block, room to sign, the name
            float rx = left + 85 * MM;
            var at = s.at(); // already in the calendar's zone (the service's clock reading)
            float ry = blockTop;
            ry = centred(cs, regular, 11, s.place() + ", ngày " + two(at.getDayOfMonth()) + " tháng "
                    + two(at.getMonthValue()) + " năm " + at.getYear(), rx, right, ry);
            for (String t : s.signerTitle().split("\n")) {
                ry = centred(cs, bold, 11, upper(t), rx, right, ry);
            }
            ry = centred(cs, regular, 9, "(Ký số, ghi rõ họ tên và đóng dấu điện tử)", rx, right, ry);
            ry -= 22 * MM;
            centred(cs, bold, 11, s.signerName(), rx, right, ry);
            if (s.verifyUrl() != null) {
                qr(cs, s.verifyUrl(), left, 20 * MM, 24 * MM);
                text(cs, regular, 8, "Kiểm tra bản sao điện tử: " + s.verifyUrl(), left + 27 * MM, 25 * MM);
            }
        }
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    private static String lastLine(String s) {
        return s.strip().lines().reduce((a, b) -> b).orElse(s).strip();
    }

    private static String upper(String s) {
        return s.toUpperCase(java.util.Locale.forLanguageTag("vi"));
    }

    private static void text(PDPageContentStream cs, PDFont f, float size, String t, float x, float y)
            throws IOException {
        cs.beginText();
        cs.setFont(f, size);
        cs.newLineAtOffset(x, y);
        cs.showText(Normalizer.normalize(t, Normalizer.Form.NFC));
        cs.endText();
    }

    /** Draws the line centred between x0 and x1; returns the y of the next line. */
    private static float centred(PDPageContentStream cs, PDFont f, float size, String t, float x0, float x1, float y)
            throws IOException {
        String n = Normalizer.normalize(t, Normalizer.Form.NFC);
        float w = f.getStringWidth(n) / 1000 * size;
        while (w > x1 - x0 && size > 6) {
            size -= 0.5f;
            w = f.getStringWidth(n) / 1000 * size;
        }
        text(cs, f, size, n, x0 + (x1 - x0 - w) / 2, y);
        return y - size * 1.45f;
    }

    private static List<String> wrap(PDFont f, float size, String line, float width) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String word : Normalizer.normalize(line, Normalizer.Form.NFC).split(" ")) {
            String next = cur.isEmpty() ? word : cur + " " + word;
            if (f.getStringWidth(next) / 1000 * size > width && !cur.isEmpty()) {
                out.add(cur.toString());
                cur = new StringBuilder(word);
            } else {
                cur = new StringBuilder(next);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    private static void qr(PDPageContentStream cs, String url, float x, float y, float size) throws IOException {
        try {
            BitMatrix m = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    java.util.Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            float cell = size / m.getWidth();
            cs.setNonStrokingColor(java.awt.Color.BLACK);
            for (int i = 0; i < m.getWidth(); i++) {
                for (int j = 0; j < m.getHeight(); j++) {
                    if (m.get(i, j)) {
                        cs.addRect(x + i * cell, y + size - (j + 1) * cell, cell, cell);
                    }
                }
            }
            cs.fill();
        } catch (WriterException e) {
            throw new IOException(e);
        }
    }
}
