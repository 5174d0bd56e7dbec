package vn.motcua.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The calendar's words, from messages/calendar*.properties: names of default holidays, weekdays, and the
 * format of a due moment ("10:00 thứ Ba 06/05/2031"). Arguments are passed as strings so that no number is
 * formatted with a thousands separator.
 */
@Component
public class CalendarTexts {

    public static final Locale VI = Locale.forLanguageTag("vi");
    public static final Locale EN = Locale.ENGLISH;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final MessageSource messages;

    public CalendarTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String get(Locale locale, String key, Object... args) {
        return messages.getMessage(key, strings(args), key, language(locale));
    }

    /** The same key in both languages. */
    public Text text(String key, Object... args) {
        return new Text(get(VI, key, args), get(EN, key, args));
    }

    /** A key whose arguments differ by language (e.g. a schedule's Vietnamese and English names). */
    public Text text(String key, Object[] viArgs, Object[] enArgs) {
        return new Text(get(VI, key, viArgs), get(EN, key, enArgs));
    }

    /** "thứ Ba" / "Tuesday". */
    public String weekday(DayOfWeek day, Locale locale) {
        return get(locale, "calendar.weekday." + day.getValue());
    }

    /** "Thứ Ba" / "Tuesday", at the start of a sentence or a label. */
    public String weekdayTitle(DayOfWeek day, Locale locale) {
        String w = weekday(day, locale);
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** "thứ Ba 06/05/2031". */
    public String date(LocalDate date, Locale locale) {
        return weekday(date.getDayOfWeek(), locale) + " " + DATE.format(date);
    }

    /** "06/05/2031". */
    public static String shortDate(LocalDate date) {
        return DATE.format(date);
    }

    /** "10:00 thứ Ba 06/05/2031", in the calendar's zone. */
    public String moment(OffsetDateTime moment, ZoneId zone, Locale locale) {
        var local = moment.atZoneSameInstant(zone);
        return TIME.format(local) + " " + date(local.toLocalDate(), locale);
    }

    static Locale language(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? EN : VI;
    }

    private static Object[] strings(Object[] args) {
        if (args == null) {
            return new Object[0];
        }
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = args[i] == null ? "" : String.valueOf(args[i]);
        }
        return out;
    }
}
