package vn.motcua.payment.receipt;

/**
 * Amounts of money in Vietnamese words, as a receipt prints them ("Số tiền bằng chữ"): groups of three digits read
 * with trăm / mươi, "linh" for a missing ten, "mốt", "tư", "lăm" after a ten, "không trăm" inside a number, the
 * group names nghìn, triệu, tỷ (then nghìn tỷ, triệu tỷ …), and "đồng" at the end. 8,000 → "Tám nghìn đồng";
 * 1,250,500 → "Một triệu hai trăm năm mươi nghìn năm trăm đồng"; 1,005 → "Một nghìn không trăm linh năm đồng".
 */
public final class VietnameseAmounts {

    private static final String[] DIGITS = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
    private static final String[] GROUPS = {"", " nghìn", " triệu"};
    private static final long BILLION = 1_000_000_000L;

    private VietnameseAmounts() {
    }

    /** The amount in đồng in words, capitalised, ending with "đồng". */
    public static String inWords(long dong) {
        if (dong < 0) {
            throw new IllegalArgumentException("negative amount: " + dong);
        }
        String words = dong == 0 ? "không" : number(dong, true);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " đồng";
    }

    /** The number in words (no unit), lower case. */
    static String number(long n, boolean leading) {
        if (n >= BILLION) {
            long high = n / BILLION;
            long rest = n % BILLION;
            String s = number(high, leading) + " tỷ";
            return rest == 0 ? s : s + " " + belowBillion(rest, false);
        }
        return belowBillion(n, leading);
    }

    private static String belowBillion(long n, boolean leading) {
        int[] groups = {(int) (n / 1_000_000), (int) (n / 1_000 % 1_000), (int) (n % 1_000)};
        StringBuilder out = new StringBuilder();
        boolean started = !leading;
        for (int i = 0; i < 3; i++) {
            int g = groups[i];
            if (g == 0) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            // a group after another (or after "tỷ") is read in full: 5 → "không trăm linh năm"
            boolean full = started || !out.isEmpty();
            out.append(group(g, full)).append(GROUPS[2 - i]);
            started = true;
        }
        return out.toString();
    }

    /** One group of three digits; {@code full}: read the hundreds even when zero ("không trăm"). */
    static String group(int g, boolean full) {
        int hundreds = g / 100;
        int tens = g / 10 % 10;
        int units = g % 10;
        StringBuilder s = new StringBuilder();
        if (hundreds > 0 || full) {
            s.append(DIGITS[hundreds]).append(" trăm");
        }
        if (tens == 0) {
            if (units > 0) {
                if (!s.isEmpty()) {
                    s.append(" linh");
                }
                append(s, DIGITS[units]);
            }
            return s.toString();
        }
        append(s, tens == 1 ? "mười" : DIGITS[tens] + " mươi");
        if (units == 1 && tens > 1) {
            append(s, "mốt");
        } else if (units == 4 && tens > 1) {
            append(s, "tư");
        } else if (units == 5) {
            append(s, "lăm");
        } else if (units > 0) {
            append(s, DIGITS[units]);
        }
        return s.toString();
    }

    private static void append(StringBuilder s, String word) {
        if (!s.isEmpty()) {
            s.append(' ');
        }
        s.append(word);
    }
}
