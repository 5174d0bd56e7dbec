package vn.motcua.calendar.internal;

import java.util.Locale;

/** A text in both languages of the portal. */
public record Text(String vi, String en) {

    public static Text of(String both) {
        return new Text(both, both);
    }

    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : vi;
    }
}
