package vn.motcua.identity;

/**
 * Enterprise tax code (mã số thuế, Circular 105/2020/TT-BTC): 10 digits with a check digit, or 13 characters
 * {@code NNNNNNNNNN-NNN} for a dependent unit. A check result of 10 is never issued and is refused.
 */
public final class TaxCode {

    private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    private TaxCode() {
    }

    public static boolean isValid(String code) {
        if (code == null) {
            return false;
        }
        String base = code;
        if (code.length() == 14 && code.charAt(10) == '-') {
            if (!code.substring(11).matches("\\d{3}")) {
                return false;
            }
            base = code.substring(0, 10);
        }
        if (!base.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += WEIGHTS[i] * (base.charAt(i) - '0');
        }
        int check = 10 - sum % 11;
        return check < 10 && check == base.charAt(9) - '0';
    }
}
