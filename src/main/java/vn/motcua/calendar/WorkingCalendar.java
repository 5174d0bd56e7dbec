package vn.motcua.calendar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import vn.motcua.platform.Channel;

/**
 * The working calendar: which days are worked, office hours, and every deadline of the platform. All
 * moments returned are at the calendar's offset (+07:00); moments passed in may have any offset. The rules
 * are those of docs/CALENDAR.md (issue 3), every one configurable under {@code motcua.calendar.*}; the
 * holiday schedules an administrator enters apply to every deadline computed after the change (on every
 * node within one second).
 */
public interface WorkingCalendar {

    /** The calendar's time zone ({@code motcua.calendar.zone}). */
    ZoneId zone();

    /**
     * The calendar of one agency: the same days, with the agency's own office hours when an administrator set them
     * ({@link AgencyOfficeHours}), else this calendar. Every deadline of a dossier is computed with the calendar of the
     * agency that received it.
     */
    default WorkingCalendar forAgency(String agencyCode) {
        return this;
    }

    /** Working minutes in a working day (480: 07:00–11:30 and 13:30–17:00). */
    long workingMinutesPerDay();

    /** Monday–Friday not off, or a swapped working Saturday/Sunday. */
    boolean isWorkingDay(LocalDate date);

    /** The first working day strictly after {@code date}. */
    LocalDate nextWorkingDay(LocalDate date);

    /** {@code date} itself if it is a working day, else the next one. */
    default LocalDate workingDayOnOrAfter(LocalDate date) {
        return isWorkingDay(date) ? date : nextWorkingDay(date);
    }

    /**
     * Every non-working day (weekend, holiday, compensatory day) and every swapped working day from
     * {@code from} to {@code to} inclusive, in date order, named in Vietnamese.
     */
    default List<CalendarDay> days(LocalDate from, LocalDate to) {
        return days(from, to, Locale.forLanguageTag("vi"));
    }

    /** As {@link #days(LocalDate, LocalDate)}, named in the given language (Vietnamese or English). */
    List<CalendarDay> days(LocalDate from, LocalDate to, Locale locale);

    /**
     * When the clock of a processing time starts for something received at {@code receivedAt} (rule 6):
     * the receipt moment inside office hours of a working day up to the cut-off (15:00 inclusive); 07:00 if
     * before opening; 13:30 in the lunch break; 07:00 of the next working day after the cut-off or on a
     * non-working day.
     */
    OffsetDateTime clockStart(OffsetDateTime receivedAt, Channel channel);

    /** The clock start and the due moment of a processing time (rules 6 and 7). */
    Deadline deadline(OffsetDateTime receivedAt, ProcessingTime time, Channel channel);

    /** Same as {@link #deadline(OffsetDateTime, ProcessingTime, Channel)} with amount and unit apart. */
    default Deadline deadline(OffsetDateTime receivedAt, BigDecimal amount, TimeUnit unit, Channel channel) {
        return deadline(receivedAt, new ProcessingTime(amount, unit), channel);
    }

    /** The due moment of a processing time whose clock started at {@code startsAt} (already a clock start). */
    OffsetDateTime dueAt(OffsetDateTime startsAt, ProcessingTime time);

    /**
     * {@code start} plus working minutes. A start outside working time is first moved to the next working
     * moment; a result that lands exactly on the end of a session (11:30, 17:00) stays there.
     */
    OffsetDateTime addWorkingMinutes(OffsetDateTime start, long minutes);

    /**
     * A moment inside office hours of a working day, session boundaries included (07:00, 11:30, 13:30, 17:00 by
     * default): when the office is open to receive someone.
     */
    default boolean isWorkingMoment(OffsetDateTime moment) {
        return workingMinutesBetween(moment.minusMinutes(1), moment) > 0
                || workingMinutesBetween(moment, moment.plusMinutes(1)) > 0;
    }

    /** Working minutes between two moments (whole minutes, rounded down); 0 if {@code to} is not after {@code from}. */
    long workingMinutesBetween(OffsetDateTime from, OffsetDateTime to);

    /**
     * Working minutes left from {@code now} until {@code due}; negative (the working minutes overdue) once
     * {@code due} has passed. For a clock stopped while waiting for the applicant (supplement, payment):
     * keep the remaining minutes at the stop, then {@code addWorkingMinutes(clockStart(resumedAt), remaining)}.
     */
    long remainingWorkingMinutes(OffsetDateTime now, OffsetDateTime due);

    /** The steps of a deadline computation as sentences in the given language, for citizens and officers. */
    List<String> explain(OffsetDateTime receivedAt, ProcessingTime time, Channel channel, Locale locale);

    /**
     * A moment as procedure pages print it, at +07:00: "10:00 thứ Ba 06/05/2031" in Vietnamese, "10:00
     * Tuesday 06/05/2031" in English.
     */
    String describe(OffsetDateTime moment, Locale locale);

    /** The expected due moment of something received now ("nộp hôm nay, hẹn trả dự kiến: …"). */
    Deadline deadlineIfReceivedNow(ProcessingTime time, Channel channel);

    /**
     * For procedure pages: the expected due moment of a submission now, described ("10:00 thứ Ba 06/05/2031").
     * In Thymeleaf: {@code ${@calendarService.expectedDue(procedure.processingTime, channel, #locale)}}.
     */
    default String expectedDue(ProcessingTime time, Channel channel, Locale locale) {
        return describe(deadlineIfReceivedNow(time, channel).dueAt(), locale);
    }
}
