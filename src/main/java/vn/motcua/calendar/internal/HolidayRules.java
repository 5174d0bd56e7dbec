package vn.motcua.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.motcua.calendar.DayKind;
import vn.motcua.calendar.Holiday;
import vn.motcua.calendar.LunarCalendar;
import vn.motcua.calendar.LunarDate;

/**
 * Which days of a year are off: the one readable place for rules 2–4 of issue 3. Pure.
 *
 * <ol>
 * <li>Week: the configured weekend (Saturday, Sunday) is off, unless a schedule makes it a swapped working day.
 * <li>Default holidays (Labour Code 2019 Art. 112), for each {@link Holiday} group without a configured schedule
 *     in that year: 1/1; Tết = the last day(s) of the lunar year and lunar 1/1 onwards (1 + 4 days by default);
 *     lunar 10/3; 30/4 and 1/5; 2/9 and 3/9.
 * <li>Compensatory days (Art. 111(3)): each default holiday on a weekly rest day gives one day off on the next
 *     weekday after it that is neither off nor already a compensatory day, taken in date order.
 * <li>A configured schedule replaces the default of its group in its year: its days off, compensatory days and
 *     swapped working days, exactly as announced (no compensatory day is derived from it).
 * </ol>
 * Weekend days that are statutory holiday dates (1/1, 10/3 lunar, 30/4, 1/5, 2/9) are labelled HOLIDAY even
 * when a schedule covers their group: they are off either way, and the listing is clearer.
 */
public final class HolidayRules {

    /** A default holiday date of a group. */
    public record DefaultDay(LocalDate date, Holiday holiday, Text name) {
    }

    private final CalendarProperties settings;
    private final CalendarTexts texts;
    private final Set<DayOfWeek> weekend;

    public HolidayRules(CalendarProperties settings, CalendarTexts texts) {
        this.settings = settings;
        this.texts = texts;
        this.weekend = settings.weekend();
    }

    public boolean isWeekend(LocalDate date) {
        return weekend.contains(date.getDayOfWeek());
    }

    /** The default (statutory) dates of a holiday group in a solar year, without compensatory days. */
    public List<DefaultDay> defaults(int year, Holiday holiday) {
        List<DefaultDay> out = new ArrayList<>();
        switch (holiday) {
            case NEW_YEAR -> out.add(new DefaultDay(LocalDate.of(year, 1, 1), holiday, texts.text("calendar.day.newYear")));
            case TET -> {
                LocalDate newYear = LunarCalendar.newYear(year);
                for (int i = -settings.tetDaysBefore(); i <= settings.tetDaysAfter(); i++) {
                    LocalDate d = newYear.plusDays(i);
                    LunarDate lunar = LunarCalendar.toLunar(d);
                    out.add(new DefaultDay(d, holiday, texts.text("calendar.day.tet", LunarCalendar.yearName(year),
                            lunar.day() + "/" + lunar.month())));
                }
            }
            case HUNG_KINGS -> out.add(new DefaultDay(LunarCalendar.toSolar(10, 3, year, false), holiday,
                    texts.text("calendar.day.hungKings")));
            case REUNIFICATION_LABOUR -> {
                out.add(new DefaultDay(LocalDate.of(year, 4, 30), holiday, texts.text("calendar.day.reunification")));
                out.add(new DefaultDay(LocalDate.of(year, 5, 1), holiday, texts.text("calendar.day.labour")));
            }
            case NATIONAL_DAY -> {
                LocalDate second = LocalDate.of(year, 9, 2);
                out.add(new DefaultDay(second, holiday, texts.text("calendar.day.nationalDay")));
                if (settings.nationalDayAdjacent() != 0) {
                    out.add(new DefaultDay(second.plusDays(settings.nationalDayAdjacent()), holiday,
                            texts.text("calendar.day.nationalDayAdjacent")));
                }
            }
        }
        out.sort(Comparator.comparing(DefaultDay::date));
        return out;
    }

    /** Statutory fixed dates (not decided yearly) of a group: labelled HOLIDAY when they fall on a weekend. */
    private List<DefaultDay> fixedDates(int year, Holiday holiday) {
        return switch (holiday) {
            case TET -> List.of();
            case NATIONAL_DAY -> defaults(year, holiday).stream()
                    .filter(d -> MonthDay.from(d.date()).equals(MonthDay.of(9, 2))).toList();
            default -> defaults(year, holiday);
        };
    }

    /**
     * The special days of a solar year, given every configured schedule (of any year: a New Year schedule of
     * the next year may give days off at the end of this December).
     */
    public YearDays compute(int year, Collection<Schedule> schedules) {
        Map<Holiday, Schedule> ofYear = new EnumMap<>(Holiday.class);
        List<Schedule> contributing = new ArrayList<>();
        for (Schedule s : schedules) {
            if (s.year() == year) {
                ofYear.put(s.holiday(), s);
                contributing.add(s);
            } else if (s.year() == year + 1 && s.holiday() == Holiday.NEW_YEAR) {
                contributing.add(s);
            }
        }
        TreeMap<LocalDate, YearDays.Entry> days = new TreeMap<>();
        for (Schedule s : contributing) {
            for (ScheduleDay d : s.days()) {
                if (d.date().getYear() == year) {
                    days.put(d.date(), configured(s, d));
                }
            }
        }
        List<DefaultDay> defaults = new ArrayList<>();
        for (Holiday h : Holiday.values()) {
            Schedule s = ofYear.get(h);
            if (s == null) {
                defaults.addAll(defaults(year, h));
            } else {
                for (DefaultDay d : fixedDates(year, h)) {
                    if (isWeekend(d.date()) && !days.containsKey(d.date())) {
                        days.put(d.date(), new YearDays.Entry(d.date(), DayKind.HOLIDAY, h, d.name(),
                                texts.text("calendar.source.labourCode112"), false));
                    }
                }
            }
        }
        defaults.sort(Comparator.comparing(DefaultDay::date));
        List<DefaultDay> placed = new ArrayList<>();
        for (DefaultDay d : defaults) {
            if (!days.containsKey(d.date())) {
                days.put(d.date(), new YearDays.Entry(d.date(), DayKind.HOLIDAY, d.holiday(), d.name(),
                        texts.text("calendar.source.labourCode112"), false));
                placed.add(d);
            }
        }
        if (settings.compensatoryDays()) {
            for (DefaultDay d : placed) {
                if (!isWeekend(d.date())) {
                    continue;
                }
                LocalDate c = d.date().plusDays(1);
                while (isWeekend(c) || days.containsKey(c)) {
                    c = c.plusDays(1);
                }
                Text name = texts.text("calendar.day.compensatory", new Object[] {d.name().vi(),
                        texts.weekday(d.date().getDayOfWeek(), CalendarTexts.VI), CalendarTexts.shortDate(d.date())},
                        new Object[] {d.name().en(), texts.weekday(d.date().getDayOfWeek(), CalendarTexts.EN),
                            CalendarTexts.shortDate(d.date())});
                days.put(c, new YearDays.Entry(c, DayKind.COMPENSATORY, d.holiday(), name,
                        texts.text("calendar.source.labourCode111"), false));
            }
        }
        return new YearDays(year, days);
    }

    private YearDays.Entry configured(Schedule s, ScheduleDay d) {
        String en = s.nameEn() == null || s.nameEn().isBlank() ? s.name() : s.nameEn();
        Text name;
        if (d.name() != null && !d.name().isBlank()) {
            name = Text.of(d.name());
        } else {
            name = switch (d.kind()) {
                case DAY_OFF -> new Text(s.name(), en);
                case COMPENSATORY -> texts.text("calendar.day.scheduleCompensatory", new Object[] {s.name()},
                        new Object[] {en});
                case SWAPPED_WORKDAY -> texts.text("calendar.day.scheduleSwapped", new Object[] {s.name()},
                        new Object[] {en});
            };
        }
        DayKind kind = switch (d.kind()) {
            case DAY_OFF -> DayKind.HOLIDAY;
            case COMPENSATORY -> DayKind.COMPENSATORY;
            case SWAPPED_WORKDAY -> DayKind.SWAPPED_WORKDAY;
        };
        return new YearDays.Entry(d.date(), kind, s.holiday(), name, Text.of(s.source()), true);
    }
}
