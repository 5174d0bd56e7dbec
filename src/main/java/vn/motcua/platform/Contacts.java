package vn.motcua.platform;

import java.util.regex.Pattern;

/** Formats of contact details accepted everywhere. */
public final class Contacts {

    /** Vietnamese mobile or landline numbers: 0 + 9–10 digits, or +84 + 9–10 digits. */
    public static final Pattern PHONE = Pattern.compile("(0|\\+84)\\d{9,10}");
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}\\.[^@\\s]{2,}");

    private Contacts() {
    }

    public static boolean phone(String s) {
        return s != null && PHONE.matcher(s.replace(" ", "").replace(".", "")).matches();
    }

    public static boolean email(String s) {
        return s != null && s.length() <= 254 && EMAIL.matcher(s).matches();
    }
}
