package vn.motcua.feedback.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.feedback.FeedbackFigures;
import vn.motcua.feedback.internal.FeedbackService;
import vn.motcua.platform.ProblemException;

/**
 * The 1022 desk's report (received, handled, in progress, spam, overdue by level) and the 766 indicators 5.1–5.3
 * computed from the same counts (DOMAIN.md §1.2: 5.1 monitored, 0 points; 5.2 and 5.3 linear on 6 points, 6 when
 * there is no feedback).
 */
@RestController
@Tag(name = "Feedback")
class FeedbackReportApi {


    private final FeedbackFigures figures;
    private final FeedbackService service;
    private final WorkingCalendar calendar;

    FeedbackReportApi(FeedbackFigures figures, FeedbackService service, WorkingCalendar calendar) {
        this.figures = figures;
        this.service = service;
        this.calendar = calendar;
    }

    /** One 766 indicator's fraction (its points are the 766 index's: /chi-so-766). */
    record Indicator(String id, long numerator, long denominator, BigDecimal ratio) {

        static Indicator of(String id, FeedbackFigures.Fraction f) {
            return new Indicator(id, f.numerator(), f.denominator(), f.ratio() == null ? null
                    : BigDecimal.valueOf(f.ratio()).setScale(4, RoundingMode.HALF_UP));
        }
    }

    /** The report. */
    record Report(LocalDate from, LocalDate to, FeedbackFigures.Counts counts, Indicator i51, Indicator i52,
                  Indicator i53) {
    }

    @GetMapping("/api/v1/office/feedback/report")
    @Operation(summary = "Feedback received in [from, to] (dates, +07:00): the desk's counts and 766 indicators 5.1–5.3")
    Report report(@RequestParam String from, @RequestParam String to) {
        LocalDate f = date(from, "from");
        LocalDate t = date(to, "to");
        if (t.isBefore(f)) {
            throw ProblemException.invalid("to", "error.feedback.report.range");
        }
        OffsetDateTime start = f.atStartOfDay(calendar.zone()).toOffsetDateTime();
        OffsetDateTime end = t.plusDays(1).atStartOfDay(calendar.zone()).toOffsetDateTime();
        OffsetDateTime now = service.now();
        var c = figures.count(start, end, now.isBefore(end) ? now : end);
        return new Report(f, t, c, Indicator.of("5.1", c.classification()), Indicator.of("5.2", c.onTime()),
                Indicator.of("5.3", c.satisfaction()));
    }

    private static LocalDate date(String v, String field) {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "error.param.invalid", v);
        }
    }
}
