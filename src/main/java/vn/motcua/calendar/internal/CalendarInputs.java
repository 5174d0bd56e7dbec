package vn.motcua.calendar.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Pattern;
import vn.motcua.calendar.LunarCalendar;
import vn.motcua.platform.FieldProblem;

/** Parsing of dates typed by people and programs, with the reason in the caller's language when it fails. */
public final class CalendarInputs {

    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern VIETNAMESE = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");
    private static final DateTimeFormatter ISO_STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter VIETNAMESE_STRICT = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private CalendarInputs() {
    }

    /**
     * A date as YYYY-MM-DD (or DD/MM/YYYY) within the calendar's years; null with a problem added when it is
     * malformed, does not exist (2025-02-30) or is out of range.
     */
    public static LocalDate date(String text, String field, List<FieldProblem> problems) {
        String t = text == null ? "" : text.trim();
        DateTimeFormatter format = ISO.matcher(t).matches() ? ISO_STRICT
                : VIETNAMESE.matcher(t).matches() ? VIETNAMESE_STRICT : null;
        if (format == null) {
            problems.add(FieldProblem.of(field, "error.calendar.date.format", t));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(t, format);
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "error.calendar.date.notExist", t));
            return null;
        }
        if (date.getYear() < LunarCalendar.MIN_YEAR || date.getYear() > LunarCalendar.MAX_YEAR - 1) {
            problems.add(FieldProblem.of(field, "error.calendar.date.outOfRange", String.valueOf(LunarCalendar.MIN_YEAR),
                    String.valueOf(LunarCalendar.MAX_YEAR - 1)));
            return null;
        }
        return date;
    }
}
