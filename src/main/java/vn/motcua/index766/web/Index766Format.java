package vn.motcua.index766.web;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import vn.motcua.index766.Period;

/**
 * How the 766 pages write numbers, durations, moments and periods for a reader (issue 18): in Vietnamese by
 * default ("36,73", "1.013.078", "97,6 %", "11 ngày 6 giờ", "20:19 04/12/2026", "Tháng 11/2026"), in English
 * with {@code en}. Separators come from the locale; words and patterns from the messages files
 * ({@code index766.fmt.*}). One instance per request (it holds the reader's locale); templates call it as
 * {@code ${fmt.number(x)}}.
 */
public final class Index766Format {

    private static final String DASH = "—";

    private final Locale locale;
    private final MessageSource messages;
    private final ZoneId zone;
    private final DecimalFormatSymbols symbols;

    public Index766Format(Locale locale, MessageSource messages, ZoneId zone) {
        this.locale = "en".equals(locale.getLanguage()) ? Locale.UK : Locale.of("vi", "VN");
        this.messages = messages;
        this.zone = zone;
        this.symbols = DecimalFormatSymbols.getInstance(this.locale);
    }

    /** A whole count with thousands separators: 1.013.078 (vi), 1,013,078 (en); "—" for none. */
    public String count(@Nullable Number n) {
        return n == null ? DASH : pattern("#,##0").format(n.longValue());
    }

    /** A score with at most two decimals and no trailing zeros: 36,73 · 60 · 18,5 (vi); "—" for none. */
    public String number(@Nullable Number v) {
        return v == null ? DASH : pattern("#,##0.##").format(v.doubleValue());
    }

    /** A ratio 0..1 as a percentage with one decimal: 97,6 % (vi), 97.6% (en); "—" for none. */
    public String percent(@Nullable Number ratio) {
        if (ratio == null) {
            return DASH;
        }
        return msg("index766.fmt.percent", pattern("#,##0.0").format(ratio.doubleValue() * 100));
    }

    /** Points earned of a maximum: "18,5 / 20". */
    public String points(@Nullable Number score, @Nullable Number max) {
        return number(score) + " / " + number(max);
    }

    /**
     * A length of time given in minutes, in words, with the two largest units: "11 ngày 6 giờ", "5 giờ 20 phút",
     * "45 phút" (vi); "11 days 6 hours" (en). Negative or missing: "—".
     */
    public String duration(@Nullable Number minutes) {
        if (minutes == null || minutes.doubleValue() < 0) {
            return DASH;
        }
        long m = Math.round(minutes.doubleValue());
        long days = m / (60 * 24);
        long hours = m % (60 * 24) / 60;
        long mins = m % 60;
        List<String> parts = new ArrayList<>();
        if (days > 0) {
            parts.add(msg("index766.fmt.days", days, count(days)));
            if (hours > 0) {
                parts.add(msg("index766.fmt.hours", hours, count(hours)));
            }
        } else if (hours > 0) {
            parts.add(msg("index766.fmt.hours", hours, count(hours)));
            if (mins > 0) {
                parts.add(msg("index766.fmt.minutes", mins, count(mins)));
            }
        } else {
            parts.add(msg("index766.fmt.minutes", mins, count(mins)));
        }
        return String.join(" ", parts);
    }

    /** The average of a total of minutes over a number of cases, in words ({@link #duration}); "—" without cases. */
    public String averageDuration(@Nullable Number totalMinutes, @Nullable Number cases) {
        if (totalMinutes == null || cases == null || cases.longValue() <= 0) {
            return DASH;
        }
        return duration(totalMinutes.doubleValue() / cases.longValue());
    }

    /** A moment in the province's time: "20:19 04/12/2026" (vi); an ISO-8601 text or an OffsetDateTime. */
    public String moment(@Nullable Object value) {
        OffsetDateTime t;
        if (value instanceof OffsetDateTime o) {
            t = o;
        } else if (value instanceof String s && !s.isBlank()) {
            try {
                t = OffsetDateTime.parse(s);
            } catch (DateTimeParseException e) {
                return s;
            }
        } else {
            return DASH;
        }
        return t.atZoneSameInstant(zone).format(DateTimeFormatter.ofPattern(msg("index766.fmt.dateTime"), locale));
    }

    /** A period in words: "Tháng 11/2026", "Quý 3/2026", "Năm 2026" (or the text itself when it is none of them). */
    public String period(@Nullable String text) {
        Period p = Period.parse(text);
        if (p == null) {
            return text == null ? DASH : text;
        }
        if (p.isMonth()) {
            return msg("index766.fmt.month", p.first().getMonthValue(), String.valueOf(p.first().getYear()));
        }
        if (p.first().getMonthValue() == 1 && p.last().getMonthValue() == 12) {
            return msg("index766.fmt.year", String.valueOf(p.first().getYear()));
        }
        return msg("index766.fmt.quarter", (p.first().getMonthValue() - 1) / 3 + 1, String.valueOf(p.first().getYear()));
    }

    /** A period inside a sentence: "tháng 11/2026", "quý 3/2026", "năm 2026" ("Điểm tháng 11/2026"). */
    public String periodInline(@Nullable String text) {
        Period p = Period.parse(text);
        if (p == null) {
            return text == null ? DASH : text;
        }
        String year = String.valueOf(p.first().getYear());
        if (p.isMonth()) {
            return msg("index766.fmt.inline.month", p.first().getMonthValue(), year);
        }
        if (p.first().getMonthValue() == 1 && p.last().getMonthValue() == 12) {
            return msg("index766.fmt.inline.year", year);
        }
        return msg("index766.fmt.inline.quarter", (p.first().getMonthValue() - 1) / 3 + 1, year);
    }

    /** A month for a chart's axis: "11/26" (the text itself when it is not a month). */
    public String shortMonth(String text) {
        Period p = Period.parse(text);
        if (p == null || !p.isMonth()) {
            return text;
        }
        return String.format("%02d/%02d", p.first().getMonthValue(), p.first().getYear() % 100);
    }

    /** A message of the reader's language. */
    public String msg(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    public Locale locale() {
        return locale;
    }

    private DecimalFormat pattern(String pattern) {
        return new DecimalFormat(pattern, symbols);
    }
}
