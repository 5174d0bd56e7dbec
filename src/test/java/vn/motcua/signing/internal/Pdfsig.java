package vn.motcua.signing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs poppler's {@code pdfsig} on a PDF and returns what it prints (it must be installed: .ci/run installs it). */
public final class Pdfsig {

    private Pdfsig() {
    }

    public static String check(byte[] pdf) {
        try {
            Path file = Files.createTempFile("signed", ".pdf");
            try {
                Files.write(file, pdf);
                Process p = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("pdfsig did not finish");
                }
                return out;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new AssertionError("pdfsig could not run (install poppler-utils)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** How many signatures pdfsig says are valid (integrity: "Signature is Valid."). */
    public static long valid(String report) {
        return report.lines().filter(l -> l.contains("Signature Validation: Signature is Valid")).count();
    }
}
