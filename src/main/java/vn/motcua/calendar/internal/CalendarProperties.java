package vn.motcua.calendar.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.motcua.platform.Channel;

/**
 * Every default of the working calendar, under {@code motcua.calendar.*} (documented in docs/CALENDAR.md).
 * Missing values take the defaults of issue 3; bad values stop the application at start-up with a message
 * naming the property.
 *
 * @param zone                 time zone of office hours and deadlines (default {@link #DEFAULT_ZONE})
 * @param officeHours          working sessions of a day, "HH:mm-HH:mm" each (07:00-11:30, 13:30-17:00)
 * @param cutOff               receipts strictly after this time start the clock on the next working day (15:00)
 * @param channelCutOff        a different cut-off per channel (COUNTER, ONLINE, POSTAL); none by default
 * @param weekend              weekly rest days (SATURDAY, SUNDAY)
 * @param compensatoryDays     Art. 111(3): a default holiday on a weekly rest day gives a day off on the next
 *                             weekday (true)
 * @param tetDaysBefore        days of the default Tết before lunar 1/1 (1: the last day of the lunar year)
 * @param tetDaysAfter         days of the default Tết after lunar 1/1 (3: lunar 1/2, 1/3, 1/4)
 * @param nationalDayAdjacent  the default second day of National Day relative to 2/9: +1 (3/9) or −1 (1/9)
 * @param refreshInterval      how long a node trusts its cached schedules before checking the version (1s)
 */
@ConfigurationProperties(prefix = "motcua.calendar")
public record CalendarProperties(String zone, List<String> officeHours, String cutOff,
                                 Map<Channel, String> channelCutOff, Set<DayOfWeek> weekend,
                                 Boolean compensatoryDays, Integer tetDaysBefore, Integer tetDaysAfter,
                                 Integer nationalDayAdjacent, Duration refreshInterval) {

    /** Vietnam's time zone: the one place the application names it (every other part takes the ZoneId bean). */
    public static final String DEFAULT_ZONE = "Asia/Ho_Chi_Minh";

    public CalendarProperties {
        zone = zone == null || zone.isBlank() ? DEFAULT_ZONE : zone.trim();
        officeHours = officeHours == null || officeHours.isEmpty() ? List.of("07:00-11:30", "13:30-17:00")
                : List.copyOf(officeHours);
        cutOff = cutOff == null || cutOff.isBlank() ? "15:00" : cutOff.trim();
        channelCutOff = channelCutOff == null ? Map.of() : Map.copyOf(channelCutOff);
        weekend = weekend == null || weekend.isEmpty() ? EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)
                : EnumSet.copyOf(weekend);
        compensatoryDays = compensatoryDays == null ? Boolean.TRUE : compensatoryDays;
        tetDaysBefore = tetDaysBefore == null ? 1 : tetDaysBefore;
        tetDaysAfter = tetDaysAfter == null ? 3 : tetDaysAfter;
        nationalDayAdjacent = nationalDayAdjacent == null ? 1 : nationalDayAdjacent;
        refreshInterval = refreshInterval == null ? Duration.ofSeconds(1) : refreshInterval;
        // fail fast on bad values
        zoneId(zone);
        periods(officeHours);
        time("motcua.calendar.cut-off", cutOff);
        channelCutOff.forEach((c, t) -> time("motcua.calendar.channel-cut-off." + c, t));
        if (weekend.size() > 5) {
            throw new IllegalArgumentException("motcua.calendar.weekend leaves no working day in the week");
        }
        if (tetDaysBefore < 0 || tetDaysAfter < 0 || tetDaysBefore + tetDaysAfter > 10) {
            throw new IllegalArgumentException("motcua.calendar.tet-days-before/-after must be 0..10 in total");
        }
        if (nationalDayAdjacent != 1 && nationalDayAdjacent != -1 && nationalDayAdjacent != 0) {
            throw new IllegalArgumentException("motcua.calendar.national-day-adjacent must be 1, -1 or 0 (none)");
        }
        if (refreshInterval.isNegative()) {
            throw new IllegalArgumentException("motcua.calendar.refresh-interval cannot be negative");
        }
    }

    /** The defaults of issue 3. */
    public static CalendarProperties defaults() {
        return new CalendarProperties(null, null, null, null, null, null, null, null, null, null);
    }

    public ZoneId zoneId() {
        return zoneId(zone);
    }

    /** The office sessions, in order, not overlapping. */
    public List<OfficeHours.Session> sessions() {
        return periods(officeHours);
    }

    /** The cut-off of a channel (the general one unless configured). */
    public LocalTime cutOff(Channel channel) {
        String t = channel == null ? null : channelCutOff.get(channel);
        return time("motcua.calendar.cut-off", t == null ? cutOff : t);
    }

    public Map<Channel, LocalTime> cutOffs() {
        Map<Channel, LocalTime> out = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            out.put(c, cutOff(c));
        }
        return out;
    }

    private static ZoneId zoneId(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("motcua.calendar.zone: unknown time zone " + zone, e);
        }
    }

    private static LocalTime time(String property, String value) {
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(property + ": " + value + " is not a time HH:mm", e);
        }
    }

    private static List<OfficeHours.Session> periods(List<String> specs) {
        List<OfficeHours.Session> out = new ArrayList<>();
        for (String spec : specs) {
            String[] parts = spec.split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("motcua.calendar.office-hours: " + spec + " is not HH:mm-HH:mm");
            }
            LocalTime start = time("motcua.calendar.office-hours", parts[0]);
            LocalTime end = time("motcua.calendar.office-hours", parts[1]);
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("motcua.calendar.office-hours: " + spec + " ends before it starts");
            }
            if (!out.isEmpty() && start.isBefore(out.getLast().end())) {
                throw new IllegalArgumentException("motcua.calendar.office-hours: " + spec
                        + " overlaps or precedes the session before it");
            }
            out.add(new OfficeHours.Session(start, end));
        }
        return List.copyOf(out);
    }
}
