package vn.motcua.feedback.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.WorkingCalendar;

/** Moments on feedback pages, at +07:00: {@code ${@feedbackFormat.dateTime(x)}}. */
@Component("feedbackFormat")
public class FeedbackFormat {

    private static final DateTimeFormatter F = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private final WorkingCalendar calendar;

    FeedbackFormat(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    public String dateTime(OffsetDateTime t) {
        return t == null ? "—" : t.atZoneSameInstant(calendar.zone()).format(F);
    }
}
