/**
 * The working calendar (lịch làm việc): the lunar calendar, public holidays and compensatory days (Labour
 * Code 2019 Art. 111–112), the per-year schedules the government announces (days off, swapped working
 * Saturdays), office hours, and every statutory deadline of the platform. Other modules use
 * {@link vn.motcua.calendar.WorkingCalendar}; see docs/CALENDAR.md for the rules and how to change them.
 */
package vn.motcua.calendar;
