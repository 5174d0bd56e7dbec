package vn.motcua.signing.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * The agency's seal image (red, transparent background, Decree 30/2020 Annex I): the configured PNG, or one drawn
 * from the agency's name (name around the ring, a star in the middle) when none is configured.
 */
final class SealImages {

    private static final Color RED = new Color(0xD0, 0x10, 0x1B);
    private static final Map<String, byte[]> DRAWN = new ConcurrentHashMap<>();
    private static volatile Font font;

    private SealImages() {
    }

    /** PNG bytes of the seal. */
    static byte[] seal(String configuredFile, String agencyName) {
        if (configuredFile != null && !configuredFile.isBlank()) {
            try {
                return Files.readAllBytes(Path.of(configuredFile));
            } catch (IOException e) {
                throw new UncheckedIOException("the seal image " + configuredFile + " could not be read", e);
            }
        }
        return DRAWN.computeIfAbsent(agencyName, SealImages::draw);
    }

    private static byte[] draw(String agencyName) {
        int size = 360;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(RED);
            float c = size / 2f;
            g.setStroke(new BasicStroke(9f));
            g.drawOval(8, 8, size - 16, size - 16);
            g.setStroke(new BasicStroke(3f));
            g.drawOval(78, 78, size - 156, size - 156);
            star(g, c, c, 62, 25);
            String text = Normalizer.normalize(agencyName.strip(), Normalizer.Form.NFC)
                    .toUpperCase(Locale.forLanguageTag("vi")) + " ★ ";
            Font f = font().deriveFont(Font.BOLD, 25f);
            g.setFont(f);
            double radius = c - 48;
            double total = 0;
            for (char ch : text.toCharArray()) {
                total += g.getFontMetrics().charWidth(ch);
            }
            double scale = Math.min(1.0, (2 * Math.PI * radius * 0.97) / total);
            if (scale < 1.0) {
                g.setFont(f.deriveFont((float) (25f * scale)));
            }
            double angle = -Math.PI / 2 - Math.PI * 0.97 + 0;
            double circumference = 2 * Math.PI * radius;
            AffineTransform keep = g.getTransform();
            for (char ch : text.toCharArray()) {
                double w = g.getFontMetrics().charWidth(ch);
                double a = angle + (w / 2) / radius;
                AffineTransform t = new AffineTransform(keep);
                t.translate(c + radius * Math.cos(a), c + radius * Math.sin(a));
                t.rotate(a + Math.PI / 2);
                g.setTransform(t);
                g.drawString(String.valueOf(ch), (float) (-w / 2), 0f);
                angle += w / radius;
                if (angle > -Math.PI / 2 + 2 * Math.PI || circumference <= 0) {
                    break;
                }
            }
            g.setTransform(keep);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void star(Graphics2D g, float cx, float cy, float outer, float inner) {
        Path2D p = new Path2D.Float();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            double x = cx + r * Math.cos(a);
            double y = cy + r * Math.sin(a);
            if (i == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        p.closePath();
        g.fill(p);
    }

    private static Font font() {
        if (font == null) {
            try (InputStream in = SealImages.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf")) {
                font = Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException | FontFormatException e) {
                font = new Font(Font.SANS_SERIF, Font.BOLD, 25);
            }
        }
        return font;
    }
}
