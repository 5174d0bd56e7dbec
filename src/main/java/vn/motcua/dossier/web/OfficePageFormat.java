package vn.motcua.dossier.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.WorkingCalendar;

/**
 * Formatting for the officers' pages, null-safe, in the calendar's zone:
 * {@code ${@officeFormat.dateTime(d.dueAt)}}.
 */
@Component("officeFormat")
class OfficePageFormat {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ZoneId zone;
    private final java.time.Clock clock;

    OfficePageFormat(WorkingCalendar calendar, java.time.Clock clock) {
        this.zone = calendar.zone();
        this.clock = clock;
    }

    public String dateTime(Object t) {
        return switch (t) {
            case OffsetDateTime o -> DATE_TIME.format(o.atZoneSameInstant(zone));
            case String s when !s.isBlank() -> dateTime(OffsetDateTime.parse(s));
            case null, default -> "";
        };
    }

    public String date(Object t) {
        return switch (t) {
            case OffsetDateTime o -> DATE.format(o.atZoneSameInstant(zone));
            case LocalDate d -> DATE.format(d);
            case null, default -> "";
        };
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public String iso(Object t) {
        return t instanceof OffsetDateTime o ? o.atZoneSameInstant(zone).toOffsetDateTime().toString() : "";
    }

    /** The moment is already past. */
    public boolean past(Object t) {
        return t instanceof OffsetDateTime o && o.isBefore(OffsetDateTime.now(clock));
    }

    /** A file size in kB or MB. */
    public String size(Object bytes) {
        if (!(bytes instanceof Number n)) {
            return "";
        }
        long b = n.longValue();
        if (b < 1024 * 1024) {
            return Math.max(1, Math.round(b / 1024.0)) + " kB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", b / (1024.0 * 1024.0)).replace('.', ',');
    }

    /** An amount in đồng with dots between thousands. */
    public String money(Object amount) {
        if (!(amount instanceof Number n)) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "%,d", n.longValue()).replace(',', '.');
    }
}
