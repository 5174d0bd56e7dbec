package vn.motcua.signing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The TrueType fonts of the documents (DejaVu Sans, which covers every Vietnamese letter), kept in memory as
 * bytes. A {@link PDType0Font} belongs to one document, so each document loads its own, embedded as a subset.
 * Parsing the font file costs more than the rest of a receipt, so parsed fonts are lent to one document at a
 * time and taken back once it is saved (a small pool, never shared by two documents at once).
 */
final class FontFaces {

    private static final int MAX_IDLE = 8;

    private final Face regular;
    private final Face bold;

    FontFaces() {
        this.regular = new Face(read("/fonts/DejaVuSans.ttf"));
        this.bold = new Face(read("/fonts/DejaVuSans-Bold.ttf"));
    }

    /** Loads both faces into {@code doc}; close the result once the document is saved. */
    Fonts load(PDDocument doc) {
        Fonts fonts = new Fonts(regular, bold);
        try {
            fonts.regular = fonts.borrow(regular, doc);
            fonts.bold = fonts.borrow(bold, doc);
            return fonts;
        } catch (RuntimeException e) {
            fonts.close();
            throw e;
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = FontFaces.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font resource missing: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One font file, its idle parsed copies, and which code points it can draw. */
    static final class Face {
        private final byte[] bytes;
        private final ConcurrentLinkedDeque<TrueTypeFont> idle = new ConcurrentLinkedDeque<>();
        private final Map<Integer, Boolean> coverage = new ConcurrentHashMap<>();

        Face(byte[] bytes) {
            this.bytes = bytes;
        }

        private TrueTypeFont take() {
            TrueTypeFont ttf = idle.pollFirst();
            if (ttf != null) {
                return ttf;
            }
            try {
                TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
                // no glyph substitution (ligatures): text is NFC-normalised to precomposed Vietnamese letters,
                // drawn widths then equal measured widths, and showText skips PDFBox's costly GSUB pass
                parsed.setEnableGsub(false);
                return parsed;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void giveBack(TrueTypeFont ttf) {
            if (idle.size() < MAX_IDLE) {
                idle.offerFirst(ttf);
            } else {
                try {
                    ttf.close();
                } catch (IOException e) {
                    // an in-memory buffer: nothing to release
                }
            }
        }

        boolean canDraw(PDType0Font font, int codePoint) {
            return coverage.computeIfAbsent(codePoint, cp -> {
                try {
                    font.encode(Character.toString(cp));
                    return true;
                } catch (IllegalArgumentException | IOException e) {
                    return false;
                }
            });
        }
    }

    /** The fonts of one document. Closing gives the parsed fonts back: only after the document is saved. */
    static final class Fonts implements AutoCloseable {
        private final Face regularFace;
        private final Face boldFace;
        private final List<Runnable> giveBack = new ArrayList<>(2);
        private PDType0Font regular;
        private PDType0Font bold;

        private Fonts(Face regularFace, Face boldFace) {
            this.regularFace = regularFace;
            this.boldFace = boldFace;
        }

        private PDType0Font borrow(Face face, PDDocument doc) {
            TrueTypeFont ttf = face.take();
            giveBack.add(() -> face.giveBack(ttf));
            try {
                // embedded as a subset; PDFBox leaves this TrueTypeFont open, we reuse it
                return PDType0Font.load(doc, ttf, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        PDType0Font of(boolean isBold) {
            return isBold ? bold : regular;
        }

        Face faceOf(boolean isBold) {
            return isBold ? boldFace : regularFace;
        }

        @Override
        public void close() {
            giveBack.forEach(Runnable::run);
            giveBack.clear();
        }
    }
}
