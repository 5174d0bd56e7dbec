package vn.motcua.calendar.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import vn.motcua.calendar.CalendarDay;
import vn.motcua.calendar.DayKind;
import vn.motcua.calendar.Deadline;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.TimeUnit;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.platform.Channel;

/**
 * The working calendar: {@link HolidayRules} and {@link DeadlineCalculator} over the configured schedules.
 *
 * <p>Caching and several nodes. The computed days of each year are cached in memory, keyed by the calendar
 * version (a single database row bumped by every schedule edit). A node checks the version at most once per
 * {@code motcua.calendar.refresh-interval} (1 s by default; 0 checks on every call) and recomputes when it
 * changed, so a deadline computed on any node more than that interval after an edit sees the edit; the node
 * where the edit was made drops its cache at once after the commit. One computation (a deadline, a listing)
 * uses one snapshot throughout.
 */
@Service
public class CalendarService implements WorkingCalendar {

    private final CalendarProperties settings;
    private final CalendarTexts texts;
    private final ScheduleSource source;
    private final HolidayRules rules;
    private final DeadlineCalculator calculator;
    private final ZoneId zone;
    private final long refreshNanos;
    private final Clock clock;
    private final Object lock = new Object();
    private volatile Snapshot snapshot;

    /** The schedules of one version and the years computed from them. */
    private record Snapshot(long version, List<Schedule> schedules, Map<Integer, YearDays> years, long checkedAt) {
    }

    /** @param clock the application's clock ("received now" deadlines; tests move it) */
    @Autowired
    public CalendarService(CalendarProperties settings, CalendarTexts texts, ScheduleSource source, Clock clock) {
        this(settings, texts, source, clock, new OfficeHours(settings.sessions()));
    }

    /** The same calendar with other office hours (an agency's). */
    CalendarService(CalendarProperties settings, CalendarTexts texts, ScheduleSource source, Clock clock,
                    OfficeHours hours) {
        this.settings = settings;
        this.texts = texts;
        this.source = source;
        this.rules = new HolidayRules(settings, texts);
        this.calculator = new DeadlineCalculator(hours);
        this.zone = settings.zoneId();
        this.refreshNanos = settings.refreshInterval().toNanos();
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------------
    // Agencies' office hours

    private volatile org.springframework.beans.factory.ObjectProvider<vn.motcua.calendar.AgencyOfficeHours> agencyHours;
    private final Map<List<OfficeHours.Session>, CalendarService> byHours = new ConcurrentHashMap<>();

    @Autowired(required = false)
    void setAgencyOfficeHours(
            org.springframework.beans.factory.ObjectProvider<vn.motcua.calendar.AgencyOfficeHours> agencyHours) {
        this.agencyHours = agencyHours;
    }

    @Override
    public WorkingCalendar forAgency(String agencyCode) {
        var provider = agencyHours;
        vn.motcua.calendar.AgencyOfficeHours hours = provider == null || agencyCode == null ? null
                : provider.getIfAvailable();
        if (hours == null) {
            return this;
        }
        List<OfficeHours.Session> sessions = hours.sessions(agencyCode).map(CalendarService::sessions).orElse(null);
        if (sessions == null || sessions.isEmpty() || sessions.equals(officeHours().sessions())) {
            return this;
        }
        return byHours.computeIfAbsent(sessions,
                s -> new CalendarService(settings, texts, source, clock, new OfficeHours(s)));
    }

    /** "07:30-11:30" … as sessions; null when one does not read (the province's hours then apply). */
    private static List<OfficeHours.Session> sessions(List<String> specs) {
        List<OfficeHours.Session> out = new ArrayList<>();
        java.time.LocalTime last = null;
        for (String spec : specs) {
            String[] parts = spec.split("[-–]");
            try {
                var start = java.time.LocalTime.parse(parts[0].trim());
                var end = java.time.LocalTime.parse(parts[1].trim());
                if (!start.isBefore(end) || (last != null && start.isBefore(last))) {
                    return null;
                }
                last = end;
                out.add(new OfficeHours.Session(start, end));
            } catch (RuntimeException e) {
                return null;
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------
    // Snapshot of the schedules

    private Snapshot current() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s != null && now - s.checkedAt() < refreshNanos) {
            return s;
        }
        synchronized (lock) {
            s = snapshot;
            if (s != null && now - s.checkedAt() < refreshNanos) {
                return s;
            }
            if (s != null && source.version() == s.version()) {
                s = new Snapshot(s.version(), s.schedules(), s.years(), now);
            } else {
                ScheduleSource.Loaded loaded = source.load();
                s = new Snapshot(loaded.version(), loaded.schedules(), new ConcurrentHashMap<>(), now);
            }
            snapshot = s;
            return s;
        }
    }

    /** Forgets the cached schedules: the next call reads them again (after a local edit has committed). */
    public void invalidate() {
        synchronized (lock) {
            snapshot = null;
        }
    }

    /** The version of the schedules in use. */
    public long version() {
        return current().version();
    }

    /** A consistent view of the days, for one computation. */
    public Days days() {
        return new Days(current());
    }

    /** The special days of a year as currently configured. */
    public YearDays year(int year) {
        return days().year(year);
    }

    /** The special days of a year if the schedules were {@code schedules} (to preview or diff an edit). */
    public YearDays yearWith(int year, List<Schedule> schedules) {
        return rules.compute(year, schedules);
    }

    public CalendarTexts texts() {
        return texts;
    }

    public HolidayRules rules() {
        return rules;
    }

    public CalendarProperties settings() {
        return settings;
    }

    public OfficeHours officeHours() {
        return calculator.hours();
    }

    /** Which days are worked, from one snapshot. */
    public final class Days implements DeadlineCalculator.WorkingDays {

        private final Snapshot snap;

        private Days(Snapshot snap) {
            this.snap = snap;
        }

        public YearDays year(int year) {
            return snap.years().computeIfAbsent(year, y -> rules.compute(y, snap.schedules()));
        }

        public YearDays.Entry entry(LocalDate date) {
            return year(date.getYear()).get(date);
        }

        @Override
        public boolean isWorkingDay(LocalDate date) {
            YearDays.Entry e = entry(date);
            return e != null ? e.kind() == DayKind.SWAPPED_WORKDAY : !rules.isWeekend(date);
        }

        /** The listed day for a date (special, or weekend), or null for an ordinary working day. */
        public CalendarDay listed(LocalDate date, Locale locale) {
            YearDays.Entry e = entry(date);
            if (e != null) {
                return new CalendarDay(date, e.kind(), e.name().in(locale), e.source().in(locale));
            }
            if (rules.isWeekend(date)) {
                return new CalendarDay(date, DayKind.WEEKEND, texts.weekdayTitle(date.getDayOfWeek(), locale),
                        texts.get(locale, "calendar.source.weekend"));
            }
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // WorkingCalendar

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public long workingMinutesPerDay() {
        return calculator.hours().perDay().toMinutes();
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return days().isWorkingDay(date);
    }

    @Override
    public LocalDate nextWorkingDay(LocalDate date) {
        return calculator.nextWorkingDay(date, days());
    }

    @Override
    public List<CalendarDay> days(LocalDate from, LocalDate to, Locale locale) {
        Days days = days();
        List<CalendarDay> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            CalendarDay day = days.listed(d, locale);
            if (day != null) {
                out.add(day);
            }
        }
        return out;
    }

    @Override
    public OffsetDateTime clockStart(OffsetDateTime receivedAt, Channel channel) {
        return offset(calculator.clockStart(local(receivedAt), settings.cutOff(channel), days()).at());
    }

    @Override
    public Deadline deadline(OffsetDateTime receivedAt, ProcessingTime time, Channel channel) {
        Days days = days();
        LocalDateTime start = calculator.clockStart(local(receivedAt), settings.cutOff(channel), days).at();
        return new Deadline(offset(start), offset(calculator.due(start, time, days)));
    }

    @Override
    public OffsetDateTime dueAt(OffsetDateTime startsAt, ProcessingTime time) {
        return offset(calculator.due(local(startsAt), time, days()));
    }

    @Override
    public OffsetDateTime addWorkingMinutes(OffsetDateTime start, long minutes) {
        return offset(calculator.add(local(start), Duration.ofMinutes(minutes), days()));
    }

    /** As {@link #addWorkingMinutes} with any working duration. */
    public OffsetDateTime addWorkingTime(OffsetDateTime start, Duration amount) {
        return offset(calculator.add(local(start), amount, days()));
    }

    @Override
    public long workingMinutesBetween(OffsetDateTime from, OffsetDateTime to) {
        return calculator.between(local(from), local(to), days()).toMinutes();
    }

    @Override
    public long remainingWorkingMinutes(OffsetDateTime now, OffsetDateTime due) {
        if (now.isBefore(due)) {
            return workingMinutesBetween(now, due);
        }
        return -workingMinutesBetween(due, now);
    }

    @Override
    public String describe(OffsetDateTime moment, Locale locale) {
        return texts.moment(moment, zone, locale);
    }

    @Override
    public Deadline deadlineIfReceivedNow(ProcessingTime time, Channel channel) {
        return deadline(OffsetDateTime.now(clock), time, channel);
    }

    @Override
    public List<String> explain(OffsetDateTime receivedAt, ProcessingTime time, Channel channel, Locale locale) {
        Days days = days();
        Locale lang = CalendarTexts.language(locale);
        LocalDateTime received = local(receivedAt);
        var cutOff = settings.cutOff(channel);
        DeadlineCalculator.Start start = calculator.clockStart(received, cutOff, days);
        LocalDateTime due = calculator.due(start.at(), time, days);
        List<String> steps = new ArrayList<>();
        steps.add(texts.get(lang, "calendar.explain.received", describe(offset(received), lang)));
        String startText = describe(offset(start.at()), lang);
        String why = switch (start.reason()) {
            case NON_WORKING_DAY -> {
                CalendarDay day = days.listed(received.toLocalDate(), lang);
                yield texts.get(lang, "calendar.explain.start.NON_WORKING_DAY", startText,
                        capitalize(texts.date(received.toLocalDate(), lang)), day == null ? "" : day.name());
            }
            default -> texts.get(lang, "calendar.explain.start." + start.reason(), startText, cutOff.toString());
        };
        steps.add(why);
        String amount = amount(time.amount(), lang);
        switch (time.unit()) {
            case WORKING_DAYS -> steps.add(texts.get(lang, "calendar.explain.unit.WORKING_DAYS", amount,
                    amount(BigDecimal.valueOf(calculator.workingTime(time).toSeconds())
                            .divide(BigDecimal.valueOf(3600), 2, java.math.RoundingMode.HALF_UP), lang),
                    amount(BigDecimal.valueOf(workingMinutesPerDay()).divide(BigDecimal.valueOf(60), 2,
                            java.math.RoundingMode.HALF_UP), lang), sessions()));
            case WORKING_HOURS -> steps.add(texts.get(lang, "calendar.explain.unit.WORKING_HOURS", amount, sessions()));
            case DAYS -> {
                LocalDate last = start.at().toLocalDate().plusDays(DeadlineCalculator.calendarDays(time));
                steps.add(texts.get(lang, "calendar.explain.unit.DAYS", amount, texts.date(last, lang)));
                if (!days.isWorkingDay(last)) {
                    CalendarDay day = days.listed(last, lang);
                    steps.add(texts.get(lang, "calendar.explain.days.moved", capitalize(texts.date(last, lang)),
                            day == null ? "" : day.name()));
                }
            }
            case SAME_DAY -> steps.add(texts.get(lang, "calendar.explain.unit.SAME_DAY",
                    calculator.hours().closing().toString()));
        }
        if (time.unit() == TimeUnit.WORKING_DAYS || time.unit() == TimeUnit.WORKING_HOURS) {
            List<String> skipped = new ArrayList<>();
            for (LocalDate d = start.at().toLocalDate(); d.isBefore(due.toLocalDate()); d = d.plusDays(1)) {
                if (!days.isWorkingDay(d)) {
                    CalendarDay day = days.listed(d, lang);
                    skipped.add(CalendarTexts.shortDate(d) + " (" + (day == null ? "" : day.name()) + ")");
                }
            }
            if (!skipped.isEmpty()) {
                steps.add(texts.get(lang, "calendar.explain.skipped", String.join(", ", skipped)));
            }
        }
        steps.add(texts.get(lang, "calendar.explain.due", describe(offset(due), lang)));
        return steps;
    }

    private String sessions() {
        return calculator.hours().sessions().stream().map(OfficeHours.Session::toString)
                .collect(Collectors.joining(", "));
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String amount(BigDecimal amount, Locale lang) {
        String s = amount.stripTrailingZeros().toPlainString();
        return "en".equals(lang.getLanguage()) ? s : s.replace('.', ',');
    }

    private LocalDateTime local(OffsetDateTime t) {
        return t.atZoneSameInstant(zone).toLocalDateTime();
    }

    private OffsetDateTime offset(LocalDateTime t) {
        return t.atZone(zone).toOffsetDateTime();
    }
}
