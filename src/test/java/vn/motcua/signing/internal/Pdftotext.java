package vn.motcua.signing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs poppler's {@code pdftotext} on a PDF: the text a reader copies out of it, in reading order. */
public final class Pdftotext {

    private Pdftotext() {
    }

    public static String text(byte[] pdf) {
        try {
            Path file = Files.createTempFile("document", ".pdf");
            try {
                Files.write(file, pdf);
                Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-")
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("pdftotext did not finish");
                }
                if (p.exitValue() != 0) {
                    throw new AssertionError("pdftotext failed: " + out);
                }
                return out;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new AssertionError("pdftotext could not run (install poppler-utils)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
