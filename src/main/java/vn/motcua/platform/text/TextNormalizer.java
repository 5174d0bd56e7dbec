package vn.motcua.platform.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text for search: lower case, no diacritics, đ → d, punctuation to spaces, so that
 * "Đăng ký khai sinh", "dang ky khai sinh" and "ĐĂNG KÝ KHAI SINH" are the same string.
 */
public final class TextNormalizer {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

    private TextNormalizer() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT).replace('đ', 'd').replace('Đ', 'd');
        String stripped = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return NON_WORD.matcher(stripped).replaceAll(" ").trim();
    }

    /**
     * A Vietnamese name written without diacritics, its case and punctuation kept ("Phường Bình Phước" →
     * "Phuong Binh Phuoc", "Đồng Xoài" → "Dong Xoai"): how a name appears in English text.
     */
    public static String withoutMarks(String text) {
        if (text == null) {
            return "";
        }
        String plain = text.replace('đ', 'd').replace('Đ', 'D');
        return MARKS.matcher(Normalizer.normalize(plain, Normalizer.Form.NFD)).replaceAll("");
    }

    /** The folded words of a text, in order. */
    public static List<String> words(String text) {
        String folded = fold(text);
        List<String> out = new ArrayList<>();
        for (String w : folded.split(" ")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
