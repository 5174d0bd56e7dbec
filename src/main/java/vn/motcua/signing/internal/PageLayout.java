package vn.motcua.signing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import com.google.zxing.common.BitMatrix;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.util.Matrix;

import vn.motcua.signing.PaperSize;

/**
 * A small flow layout over PDFBox: paragraphs wrapped to the measured width of the embedded font, two-column
 * blocks (header, signatures), tables whose header repeats on each page, QR codes, new pages when the content
 * overflows, and page numbers once the page count is known (at the top centre from page 2 on, as Decree
 * 30/2020/NĐ-CP lays out administrative documents). Not thread-safe: one instance per document.
 */
final class PageLayout {

    static final float MM = 72f / 25.4f;
    /** Line height as a multiple of the type size. */
    static final float LEADING = 1.38f;
    /** Distance from a line's top to its baseline, as a multiple of the type size. */
    private static final float BASELINE = 1.06f;
    /** Slant of the synthetic italic (the documents embed only the upright faces). */
    private static final float ITALIC_SHEAR = 0.2f;
    private static final float RULE = 0.6f;

    enum Style {
        REGULAR(false, false), BOLD(true, false), ITALIC(false, true), BOLD_ITALIC(true, true);

        final boolean bold;
        final boolean italic;

        Style(boolean bold, boolean italic) {
            this.bold = bold;
            this.italic = italic;
        }
    }

    enum Align { LEFT, CENTER, RIGHT }

    /** A piece of text in one style. */
    record Span(String text, Style style) {
        Span {
            text = text == null ? "" : text;
        }
    }

    static Span plain(String text) {
        return new Span(text, Style.REGULAR);
    }

    static Span bold(String text) {
        return new Span(text, Style.BOLD);
    }

    static Span italic(String text) {
        return new Span(text, Style.ITALIC);
    }

    static Span boldItalic(String text) {
        return new Span(text, Style.BOLD_ITALIC);
    }

    /** A run of one style on a laid-out line, {@code x} from the line's start. */
    record Fragment(String text, Style style, float x, float width) {
    }

    /** One laid-out line. */
    record Line(List<Fragment> fragments, float width, float size) {
        float height() {
            return size * LEADING;
        }
    }

    /** Margins and type sizes for a paper size. */
    record Metrics(PDRectangle paper, float top, float bottom, float left, float right, float body, float small,
                   float title, float header, float qr, float signatureSpace) {

        static Metrics of(PaperSize size) {
            return switch (size) {
                // Decree 30/2020 margins for A4 (top/bottom 20 mm, left 30 mm, right 15 mm), slightly tighter
                case A4 -> new Metrics(PDRectangle.A4, 18 * MM, 15 * MM, 25 * MM, 15 * MM, 10.5f, 8.5f, 13f, 10f,
                        24 * MM, 20 * MM);
                // the forms are designed for A5: a receipt with a few components fits on one sheet
                case A5 -> new Metrics(PDRectangle.A5, 10 * MM, 10 * MM, 15 * MM, 10 * MM, 8.2f, 6.8f, 10.5f, 7.8f,
                        17 * MM, 12 * MM);
            };
        }
    }

    private final PDDocument doc;
    private final FontFaces.Fonts fonts;
    private final Metrics m;
    private final float pageNumberZone;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream cs;
    private float y;
    private boolean pageEmpty;

    PageLayout(PDDocument doc, FontFaces.Fonts fonts, PaperSize size) {
        this.doc = doc;
        this.fonts = fonts;
        this.m = Metrics.of(size);
        // pages after the first keep room at the top for their number
        this.pageNumberZone = m.small() * LEADING + 2 * MM;
        newPage();
    }

    Metrics metrics() {
        return m;
    }

    float width() {
        return m.paper().getWidth() - m.left() - m.right();
    }

    // ---------------------------------------------------------------- pages

    void newPage() {
        try {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(m.paper());
            doc.addPage(page);
            pages.add(page);
            cs = new PDPageContentStream(doc, page);
            y = m.paper().getHeight() - m.top() - (pages.size() > 1 ? pageNumberZone : 0);
            pageEmpty = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float room() {
        return y - m.bottom();
    }

    /** Starts a new page unless {@code height} still fits on this one (or this page is still empty). */
    void ensure(float height) {
        if (height > room() && !pageEmpty) {
            newPage();
        }
    }

    void gap(float height) {
        if (pageEmpty) {
            return;
        }
        if (height >= room()) {
            newPage();
        } else {
            y -= height;
        }
    }

    /** Numbers the pages after the first ("Trang 2/3 · {label}") and closes the last page. */
    void finish(String label) {
        try {
            cs.close();
            cs = null;
            int n = pages.size();
            for (int i = 1; i < n; i++) {
                try (PDPageContentStream number = new PDPageContentStream(doc, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    cs = number;
                    Line line = wrap(List.of(plain("Trang " + (i + 1) + "/" + n + " · " + label)), m.small(),
                            width(), width()).getFirst();
                    drawLine(line, m.left(), m.paper().getHeight() - m.top(), width(), Align.CENTER);
                }
            }
            cs = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- text

    /** A paragraph at the body size, left aligned. */
    void paragraph(Span... spans) {
        paragraph(m.body(), Align.LEFT, 0, 0, List.of(spans));
    }

    /**
     * A paragraph, split across pages line by line.
     *
     * @param indent  left indent of every line
     * @param hanging extra indent of the lines after the first (numbered items)
     */
    void paragraph(float size, Align align, float indent, float hanging, List<Span> spans) {
        List<Line> lines = wrap(spans, size, width() - indent, width() - indent - hanging);
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            ensure(line.height());
            float x = m.left() + indent + (i == 0 ? 0 : hanging);
            drawLine(line, x, y, width() - indent - (i == 0 ? 0 : hanging), align);
            y -= line.height();
            pageEmpty = false;
        }
    }

    /** The height {@link #paragraph(float, Align, float, float, List)} would take. */
    float height(float size, float indent, float hanging, List<Span> spans) {
        return (float) wrap(spans, size, width() - indent, width() - indent - hanging).stream()
                .mapToDouble(Line::height).sum();
    }

    float textWidth(String text, Style style, float size) {
        return measure(clean(text, style), style, size);
    }

    private float measure(String cleanText, Style style, float size) {
        try {
            return fonts.of(style.bold).getStringWidth(cleanText) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Normalises text for drawing: NFC (precomposed Vietnamese letters), line breaks to {@code \n}, tabs to
     * spaces, control and format characters removed, characters the font cannot draw replaced by '?'.
     */
    private String clean(String text, Style style) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
        PDType0Font font = fonts.of(style.bold);
        FontFaces.Face face = fonts.faceOf(style.bold);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == ' ') {
                out.append((char) cp);
            } else if (cp == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                // dropped
            } else if (Character.isWhitespace(cp) && cp != 0x00A0) {
                out.append(' ');
            } else if (face.canDraw(font, cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    /** Breaks spans into lines: at spaces, at '\n', and inside words longer than a line. */
    List<Line> wrap(List<Span> spans, float size, float firstWidth, float restWidth) {
        Wrapper w = new Wrapper(size, firstWidth, restWidth);
        for (Span span : spans) {
            String text = clean(span.text(), span.style());
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\n') {
                    w.flushWord();
                    w.breakLine();
                    i++;
                } else if (c == ' ') {
                    w.flushWord();
                    w.pendingSpace = true;
                    i++;
                } else {
                    int j = i;
                    while (j < text.length() && text.charAt(j) != ' ' && text.charAt(j) != '\n') {
                        j++;
                    }
                    w.word.add(new Fragment(text.substring(i, j), span.style(), 0,
                            measure(text.substring(i, j), span.style(), size)));
                    i = j;
                }
            }
        }
        w.flushWord();
        w.breakLine();
        return w.lines;
    }

    private final class Wrapper {
        final float size;
        final float restWidth;
        final List<Line> lines = new ArrayList<>();
        final List<Fragment> word = new ArrayList<>();
        List<Fragment> line = new ArrayList<>();
        float lineWidth;
        float used;
        boolean pendingSpace;

        Wrapper(float size, float firstWidth, float restWidth) {
            this.size = size;
            this.lineWidth = firstWidth;
            this.restWidth = restWidth;
        }

        void breakLine() {
            lines.add(new Line(List.copyOf(line), used, size));
            line = new ArrayList<>();
            used = 0;
            lineWidth = restWidth;
            pendingSpace = false;
        }

        void flushWord() {
            if (word.isEmpty()) {
                return;
            }
            float wordWidth = 0;
            for (Fragment f : word) {
                wordWidth += f.width();
            }
            boolean space = pendingSpace && !line.isEmpty();
            float spaceWidth = space ? measure(" ", word.getFirst().style(), size) : 0;
            if (!line.isEmpty() && used + spaceWidth + wordWidth > lineWidth) {
                breakLine();
                space = false;
            }
            if (wordWidth <= lineWidth - used - (space ? spaceWidth : 0)) {
                for (int i = 0; i < word.size(); i++) {
                    place(word.get(i).text(), word.get(i).style(), i == 0 && space);
                }
            } else {
                splitWord(space);
            }
            word.clear();
            pendingSpace = false;
        }

        /** A word wider than the line: break it between characters. */
        private void splitWord(boolean space) {
            boolean first = true;
            for (Fragment f : word) {
                String t = f.text();
                int i = 0;
                while (i < t.length()) {
                    int cp = t.codePointAt(i);
                    String ch = Character.toString(cp);
                    float cw = measure(ch, f.style(), size)
                            + (first && space ? measure(" ", f.style(), size) : 0);
                    if (!line.isEmpty() && used + cw > lineWidth) {
                        breakLine();
                        space = false;
                    }
                    place(ch, f.style(), first && space);
                    first = false;
                    i += Character.charCount(cp);
                }
            }
        }

        private void place(String text, Style style, boolean spaceBefore) {
            String t = spaceBefore ? " " + text : text;
            if (!line.isEmpty() && line.getLast().style() == style) {
                // no kerning: the width of a run is the sum of its parts
                Fragment last = line.removeLast();
                float width = last.width() + measure(t, style, size);
                line.add(new Fragment(last.text() + t, style, last.x(), width));
                used = last.x() + width;
            } else {
                float width = measure(t, style, size);
                line.add(new Fragment(t, style, used, width));
                used += width;
            }
        }
    }

    private void drawLine(Line line, float x, float top, float available, Align align) {
        if (line.fragments().isEmpty()) {
            return;
        }
        float dx = switch (align) {
            case LEFT -> 0;
            case CENTER -> (available - line.width()) / 2;
            case RIGHT -> available - line.width();
        };
        float baseline = top - line.size() * BASELINE;
        try {
            cs.beginText();
            for (Fragment f : line.fragments()) {
                cs.setFont(fonts.of(f.style().bold), line.size());
                float fx = x + dx + f.x();
                cs.setTextMatrix(f.style().italic ? new Matrix(1, 0, ITALIC_SHEAR, 1, fx, baseline)
                        : Matrix.getTranslateInstance(fx, baseline));
                cs.showText(f.text());
            }
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- blocks side by side

    Column column(float width) {
        return new Column(width);
    }

    /** Draws the columns side by side from the current position, each at its x offset from the left margin. */
    void columns(Column left, float leftX, Column right, float rightX) {
        float height = Math.max(left.height(), right.height());
        ensure(height);
        left.draw(m.left() + leftX, y);
        right.draw(m.left() + rightX, y);
        y -= height;
        pageEmpty = false;
    }

    /** A vertical stack of centred (or aligned) items, drawn as one block that is never split. */
    final class Column {
        private final float width;
        private final List<Item> items = new ArrayList<>();

        private Column(float width) {
            this.width = width;
        }

        float width() {
            return width;
        }

        Column text(float size, Align align, Span... spans) {
            List<Line> lines = wrap(List.of(spans), size, width, width);
            items.add(new Item() {
                public float height() {
                    return (float) lines.stream().mapToDouble(Line::height).sum();
                }

                public void draw(float x, float top) {
                    float t = top;
                    for (Line line : lines) {
                        drawLine(line, x, t, width, align);
                        t -= line.height();
                    }
                }
            });
            return this;
        }

        /** A centred horizontal rule. */
        Column rule(float ruleWidth) {
            items.add(new Item() {
                public float height() {
                    return 4;
                }

                public void draw(float x, float top) {
                    float rx = x + (width - ruleWidth) / 2;
                    stroke(rx, top - 1.5f, rx + ruleWidth, top - 1.5f);
                }
            });
            return this;
        }

        Column gap(float height) {
            items.add(new Item() {
                public float height() {
                    return height;
                }

                public void draw(float x, float top) {
                }
            });
            return this;
        }

        /** A QR code of {@code url}, centred, linked to the URL. */
        Column qr(String url, float size) {
            BitMatrix matrix = QrCodes.encode(url);
            items.add(new Item() {
                public float height() {
                    return size;
                }

                public void draw(float x, float top) {
                    drawQr(matrix, x + (width - size) / 2, top, size, url);
                }
            });
            return this;
        }

        float height() {
            return (float) items.stream().mapToDouble(Item::height).sum();
        }

        void draw(float x, float top) {
            float t = top;
            for (Item item : items) {
                item.draw(x, t);
                t -= item.height();
            }
        }
    }

    private interface Item {
        float height();

        void draw(float x, float top);
    }

    private void stroke(float x1, float y1, float x2, float y2) {
        try {
            cs.setLineWidth(RULE);
            cs.moveTo(x1, y1);
            cs.lineTo(x2, y2);
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws the modules as one filled path (no seams between modules) and links the area to the URL. */
    private void drawQr(BitMatrix matrix, float x, float top, float size, String url) {
        float module = size / matrix.getWidth();
        try {
            cs.setNonStrokingColor(0f);
            for (int row = 0; row < matrix.getHeight(); row++) {
                int col = 0;
                while (col < matrix.getWidth()) {
                    if (!matrix.get(col, row)) {
                        col++;
                        continue;
                    }
                    int start = col;
                    while (col < matrix.getWidth() && matrix.get(col, row)) {
                        col++;
                    }
                    cs.addRect(x + start * module, top - (row + 1) * module, (col - start) * module, module);
                }
            }
            cs.fill();
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(x, top - size, size, size));
            PDBorderStyleDictionary noBorder = new PDBorderStyleDictionary();
            noBorder.setWidth(0);
            link.setBorderStyle(noBorder);
            link.setContents("Mã QR: " + url);
            PDActionURI action = new PDActionURI();
            action.setURI(url);
            link.setAction(action);
            pages.getLast().getAnnotations().add(link);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- tables

    record TableColumn(String header, float weight, Align align) {
    }

    /**
     * A ruled table across the content width. Rows move to the next page whole, and the header row repeats
     * there; a row taller than a whole page is split between its lines.
     */
    void table(List<TableColumn> columns, List<List<String>> rows, float size) {
        float total = (float) columns.stream().mapToDouble(TableColumn::weight).sum();
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width() * columns.get(i).weight() / total;
        }
        float pad = size * 0.4f;
        float lineHeight = size * LEADING;
        List<List<Line>> header = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            header.add(wrap(List.of(bold(columns.get(i).header())), size, widths[i] - 2 * pad, widths[i] - 2 * pad));
        }
        int headerLines = header.stream().mapToInt(List::size).max().orElse(1);
        float headerHeight = headerLines * lineHeight + 2 * pad;
        float freshRoom = m.paper().getHeight() - m.top() - pageNumberZone - m.bottom() - headerHeight;

        ensure(headerHeight + lineHeight + 2 * pad);
        drawRow(header, 0, headerLines, widths, columns, pad, lineHeight, true);
        for (List<String> row : rows) {
            List<List<Line>> cells = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                String text = i < row.size() ? row.get(i) : "";
                cells.add(wrap(List.of(plain(text)), size, widths[i] - 2 * pad, widths[i] - 2 * pad));
            }
            int n = cells.stream().mapToInt(List::size).max().orElse(1);
            int done = 0;
            while (done < n) {
                int left = n - done;
                int fit = (int) Math.floor((room() - 2 * pad) / lineHeight);
                int take;
                if (left <= fit) {
                    take = left;
                } else if (left * lineHeight + 2 * pad <= freshRoom || fit < 1) {
                    newPage();
                    drawRow(header, 0, headerLines, widths, columns, pad, lineHeight, true);
                    continue;
                } else {
                    take = fit;
                }
                drawRow(cells, done, take, widths, columns, pad, lineHeight, false);
                done += take;
                if (done < n) {
                    newPage();
                    drawRow(header, 0, headerLines, widths, columns, pad, lineHeight, true);
                }
            }
        }
    }

    private void drawRow(List<List<Line>> cells, int from, int count, float[] widths, List<TableColumn> columns,
                         float pad, float lineHeight, boolean header) {
        float height = count * lineHeight + 2 * pad;
        float x = m.left();
        try {
            for (int i = 0; i < cells.size(); i++) {
                List<Line> lines = cells.get(i);
                Align align = header ? Align.CENTER : columns.get(i).align();
                for (int k = from; k < Math.min(from + count, lines.size()); k++) {
                    drawLine(lines.get(k), x + pad, y - pad - (k - from) * lineHeight, widths[i] - 2 * pad, align);
                }
                x += widths[i];
            }
            cs.setLineWidth(RULE);
            x = m.left();
            for (float w : widths) {
                cs.addRect(x, y - height, w, height);
                x += w;
            }
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= height;
        pageEmpty = false;
    }
}
