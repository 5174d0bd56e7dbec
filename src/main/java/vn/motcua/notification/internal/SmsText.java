package vn.motcua.notification.internal;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** SMS texts: Vietnamese diacritics removed on request (case kept), and a length limit. */
public final class SmsText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SmsText() {
    }

    /**
     * "Hồ sơ ĐÃ được tiếp nhận" → "Ho so DA duoc tiep nhan": like {@code TextNormalizer.fold} but keeping case,
     * punctuation and digits; đ/Đ become d/D.
     */
    public static String stripDiacritics(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return Normalizer.normalize(MARKS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC);
    }

    /** One line (SMS have no paragraphs), NFC, spaces collapsed. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").trim();
    }

    /** At most {@code max} characters: cut at a word boundary where possible, ending with an ellipsis. */
    public static String cut(String text, int max, boolean ascii) {
        if (text.length() <= max) {
            return text;
        }
        String ellipsis = ascii ? "..." : "…";
        int end = max - ellipsis.length();
        int space = text.lastIndexOf(' ', end);
        if (space > end * 3 / 4) {
            end = space;
        } else if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a character outside the BMP
        }
        return text.substring(0, end).stripTrailing() + ellipsis;
    }
}
