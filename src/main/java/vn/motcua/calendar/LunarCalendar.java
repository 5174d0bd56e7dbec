package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Vietnamese lunar calendar (âm lịch), after Hồ Ngọc Đức's method, always at UTC+7 (DOMAIN.md §7.3).
 *
 * <p>How it works. A lunar month starts on the local day (UTC+7) of a new moon, found with Meeus' mean new
 * moon plus periodic terms. Month 11 is the month that contains the winter solstice. Between two month-11
 * starts there are 12 or 13 months; with 13, the first month after month 11 that contains no major solar
 * term (the Sun stays in the same 30° sector from its start to the next month's start) is the leap month
 * and repeats the number of the month before it. Months are numbered from 11 (11, 12, 1, 2, …, 10); months
 * 11 and 12 belong to the lunar year that started the previous spring.
 *
 * <p>Written from that description; no code was copied. Pure and thread safe. Computed for solar years
 * {@value #MIN_YEAR}..{@value #MAX_YEAR}; tested against published calendars and by round trips over
 * every day of 1900–2100. UTC+8 (the Chinese calendar) gives other dates in some years (Tết 1968, 1985,
 * 2007), which is why the time zone is fixed here and not configurable.
 */
public final class LunarCalendar {

    /** First solar year (and lunar year) this class computes. */
    public static final int MIN_YEAR = 1800;
    /** Last solar year (and lunar year) this class computes. */
    public static final int MAX_YEAR = 2199;
    /** Time zone of the Vietnamese calendar, in hours east of UTC. */
    public static final double TIME_ZONE = 7.0;

    private static final double SYNODIC_MONTH = 29.530588853;
    /** Julian day (UT) of the new moon of 1900-01-01 13:51 UT, the origin of the new-moon index k. */
    private static final double NEW_MOON_EPOCH = 2415021.076998695;
    /** Julian day number of 1970-01-01. */
    private static final long JDN_OF_EPOCH_DAY_0 = 2440588L;
    private static final String[] STEMS = {"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"};
    private static final String[] BRANCHES = {"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu",
        "Tuất", "Hợi"};

    /** The months between two month-11 starts, by the solar year in which the span ends. */
    private static final Map<Integer, Span> SPANS = new ConcurrentHashMap<>();

    private LunarCalendar() {
    }

    /** Solar (Gregorian) → lunar. */
    public static LunarDate toLunar(LocalDate date) {
        int y = date.getYear();
        if (y < MIN_YEAR || y > MAX_YEAR) {
            throw new IllegalArgumentException("date " + date + " is outside " + MIN_YEAR + ".." + MAX_YEAR);
        }
        long jdn = julianDayNumber(date);
        Span span = jdn >= month11Start(y) ? span(y + 1) : span(y);
        int i = span.offsetOf(jdn);
        return new LunarDate((int) (jdn - span.starts[i] + 1), span.month(i), span.lunarYear(i), span.leap == i);
    }

    /**
     * Lunar → solar (Gregorian).
     *
     * @throws InvalidLunarDateException if the date does not exist (day 30 in a 29-day month, a leap month
     *                                   the year lacks, a month outside 1..12, a year outside the range)
     */
    public static LocalDate toSolar(int day, int month, int year, boolean leap) {
        check(year, month);
        if (day < 1 || day > 30) {
            throw new InvalidLunarDateException(InvalidLunarDateException.Reason.DAY_OUT_OF_RANGE, day, month, year, 0,
                    0);
        }
        Span span = spanHolding(month, year);
        int i = span.offsetOf(month, leap);
        if (i < 0) {
            int leapMonth = leapMonth(year);
            throw new InvalidLunarDateException(leapMonth == 0 ? InvalidLunarDateException.Reason.NO_LEAP_MONTH
                    : InvalidLunarDateException.Reason.OTHER_LEAP_MONTH, day, month, year, 0, leapMonth);
        }
        int length = span.length(i);
        if (day > length) {
            throw new InvalidLunarDateException(InvalidLunarDateException.Reason.DAY_TOO_LARGE, day, month, year, length,
                    0);
        }
        LocalDate solar = fromJulianDayNumber(span.starts[i] + day - 1);
        if (solar.getYear() > MAX_YEAR) {
            // the last months of lunar MAX_YEAR fall in a solar year toLunar does not compute (Jazzer found the
            // date it could not read back: LunarCalendarFuzzTest)
            throw new InvalidLunarDateException(InvalidLunarDateException.Reason.YEAR_OUT_OF_RANGE, day, month, year,
                    0, 0);
        }
        return solar;
    }

    /** Lunar → solar for a {@link LunarDate}. */
    public static LocalDate toSolar(LunarDate date) {
        return toSolar(date.day(), date.month(), date.year(), date.leap());
    }

    /** The leap month (tháng nhuận) of a lunar year, or 0 if the year has 12 months. */
    public static int leapMonth(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidLunarDateException(InvalidLunarDateException.Reason.YEAR_OUT_OF_RANGE, 0, 0, year, 0, 0);
        }
        Span first = span(year);
        if (first.leap >= 0 && first.month(first.leap) <= 10) {
            return first.month(first.leap);
        }
        Span second = span(year + 1);
        if (second.leap >= 0 && second.month(second.leap) >= 11) {
            return second.month(second.leap);
        }
        return 0;
    }

    /** Days in a lunar month: 29 (tháng thiếu) or 30 (tháng đủ). */
    public static int monthLength(int month, int year, boolean leap) {
        check(year, month);
        Span span = spanHolding(month, year);
        int i = span.offsetOf(month, leap);
        if (i < 0) {
            int leapMonth = leapMonth(year);
            throw new InvalidLunarDateException(leapMonth == 0 ? InvalidLunarDateException.Reason.NO_LEAP_MONTH
                    : InvalidLunarDateException.Reason.OTHER_LEAP_MONTH, 1, month, year, 0, leapMonth);
        }
        return span.length(i);
    }

    /** The first day of a lunar year (Tết Nguyên đán, mùng 1 tháng Giêng). */
    public static LocalDate newYear(int year) {
        return toSolar(1, 1, year, false);
    }

    /** The last day of a lunar year (the eve of Tết: 29 or 30 tháng Chạp). */
    public static LocalDate lastDayOfYear(int year) {
        return newYear(year + 1).minusDays(1);
    }

    /** The year's name in the sexagenary cycle (can chi), e.g. "Ất Tỵ" for 2025. */
    public static String yearName(int year) {
        return STEMS[Math.floorMod(year + 6, 10)] + " " + BRANCHES[Math.floorMod(year + 8, 12)];
    }

    // ---------------------------------------------------------------------------------------------------
    // Astronomy (Meeus, "Astronomical Formulae for Calculators", low precision; as in Hồ Ngọc Đức's method)

    /** Julian day (UT, fractional) of the k-th new moon after the one of 1900-01-01. */
    static double newMoon(int k) {
        double t = k / 1236.85; // Julian centuries since 1900 January 0.5
        double t2 = t * t;
        double t3 = t2 * t;
        double mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
                + 0.00033 * sinDeg(166.56 + 132.87 * t - 0.009173 * t2);
        double sunAnomaly = Math.toRadians(359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3);
        double moonAnomaly = Math.toRadians(306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3);
        double latitude = Math.toRadians(21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3);
        double periodic = (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly)
                + 0.0021 * Math.sin(2 * sunAnomaly)
                - 0.4068 * Math.sin(moonAnomaly)
                + 0.0161 * Math.sin(2 * moonAnomaly)
                - 0.0004 * Math.sin(3 * moonAnomaly)
                + 0.0104 * Math.sin(2 * latitude)
                - 0.0051 * Math.sin(sunAnomaly + moonAnomaly)
                - 0.0074 * Math.sin(sunAnomaly - moonAnomaly)
                + 0.0004 * Math.sin(2 * latitude + sunAnomaly)
                - 0.0004 * Math.sin(2 * latitude - sunAnomaly)
                - 0.0006 * Math.sin(2 * latitude + moonAnomaly)
                + 0.0010 * Math.sin(2 * latitude - moonAnomaly)
                + 0.0005 * Math.sin(sunAnomaly + 2 * moonAnomaly);
        double deltaT = t < -11
                ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return mean + periodic - deltaT;
    }

    /** The local (UTC+7) day number on which the k-th new moon falls. */
    static long newMoonDay(int k) {
        return (long) Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
    }

    /** The Sun's apparent longitude in radians, 0..2π, at a Julian day (UT). */
    static double sunLongitude(double julianDay) {
        double t = (julianDay - 2451545.0) / 36525; // Julian centuries since J2000.0
        double t2 = t * t;
        double anomaly = Math.toRadians(357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2);
        double meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(anomaly)
                + (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly)
                + 0.000290 * Math.sin(3 * anomaly);
        double longitude = Math.toRadians(meanLongitude + centre);
        return longitude - 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
    }

    /** The 30° sector (0..11) the Sun is in at the start (local midnight, UTC+7) of a day. */
    static int sunSector(long dayNumber) {
        return (int) Math.floor(sunLongitude(dayNumber - 0.5 - TIME_ZONE / 24) / Math.PI * 6);
    }

    /** The day number on which month 11 starts: the new moon on or before the winter solstice of a year. */
    static long month11Start(int year) {
        long offset = julianDayNumber(LocalDate.of(year, 12, 31)) - 2415021;
        int k = (int) Math.floor(offset / SYNODIC_MONTH);
        long start = newMoonDay(k);
        return sunSector(start) >= 9 ? newMoonDay(k - 1) : start;
    }

    static long julianDayNumber(LocalDate date) {
        return date.toEpochDay() + JDN_OF_EPOCH_DAY_0;
    }

    static LocalDate fromJulianDayNumber(long jdn) {
        return LocalDate.ofEpochDay(jdn - JDN_OF_EPOCH_DAY_0);
    }

    private static double sinDeg(double degrees) {
        return Math.sin(Math.toRadians(degrees));
    }

    private static void check(int year, int month) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidLunarDateException(InvalidLunarDateException.Reason.YEAR_OUT_OF_RANGE, 0, month, year, 0,
                    0);
        }
        if (month < 1 || month > 12) {
            throw new InvalidLunarDateException(InvalidLunarDateException.Reason.MONTH_OUT_OF_RANGE, 0, month, year, 0,
                    0);
        }
    }

    /** Months 1..10 (and their leap month) of lunar year Y lie in the span ending in Y; months 11, 12 in Y+1's. */
    private static Span spanHolding(int month, int year) {
        return span(month >= 11 ? year + 1 : year);
    }

    private static Span span(int endYear) {
        return SPANS.computeIfAbsent(endYear, Span::compute);
    }

    /**
     * The months from month 11 of solar year {@code endYear − 1} (inclusive) to month 11 of {@code endYear}
     * (exclusive): 12 or 13 of them. {@code starts} has one more entry than there are months: the next
     * month 11. {@code leap} is the offset of the leap month, or −1.
     */
    private record Span(int endYear, long[] starts, int leap) {

        static Span compute(int endYear) {
            long from = month11Start(endYear - 1);
            long to = month11Start(endYear);
            int k = (int) Math.floor((from - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
            int months = to - from > 365 ? 13 : 12;
            long[] starts = new long[months + 1];
            for (int i = 0; i <= months; i++) {
                starts[i] = newMoonDay(k + i);
            }
            if (starts[0] != from || starts[months] != to) {
                throw new IllegalStateException("lunar months around " + endYear + " do not line up");
            }
            int leap = -1;
            if (months == 13) {
                for (int i = 1; i < months; i++) {
                    if (sunSector(starts[i]) == sunSector(starts[i + 1])) {
                        leap = i;
                        break;
                    }
                }
                if (leap < 0) {
                    throw new IllegalStateException("no leap month found in the lunar year ending " + endYear);
                }
            }
            return new Span(endYear, starts, leap);
        }

        int count() {
            return starts.length - 1;
        }

        /** The month number (1..12) at an offset; the leap month repeats the number before it. */
        int month(int offset) {
            int ordinal = leap >= 0 && offset >= leap ? offset - 1 : offset;
            return (ordinal + 10) % 12 + 1;
        }

        int lunarYear(int offset) {
            return month(offset) >= 11 ? endYear - 1 : endYear;
        }

        int length(int offset) {
            return (int) (starts[offset + 1] - starts[offset]);
        }

        int offsetOf(long jdn) {
            for (int i = count() - 1; i >= 0; i--) {
                if (starts[i] <= jdn) {
                    return i;
                }
            }
            throw new IllegalStateException("day " + jdn + " is before the span ending " + endYear);
        }

        int offsetOf(int month, boolean isLeap) {
            for (int i = 0; i < count(); i++) {
                if (month(i) == month && (leap == i) == isLeap) {
                    return i;
                }
            }
            return -1;
        }
    }
}
