package vn.motcua.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.internal.TestCalendars;
import vn.motcua.feedback.FeedbackCategory;

/**
 * The feedback deadlines on the real calendar rules (office hours 07:00–11:30, 13:30–17:00, cut-off 15:00, the 2025
 * holidays): national PAKN deadlines from the receipt, the 1022 levels from the routing, per category.
 */
class SlaRulesTest {

    static final WorkingCalendar CALENDAR = TestCalendars.vietnam2025();
    static final SlaRules DEFAULTS = new SlaRules(CALENDAR, FeedbackProperties.Sla.defaults());

    static OffsetDateTime t(String local) {
        return OffsetDateTime.parse(local + ":00+07:00");
    }

    // a due moment that lands on the end of a session stays there (11:30, 17:00): the calendar's rule 7
    // received at          clock start          refuse ≤ 2 WD        first supplement ≤ 5 WD  handled ≤ 15 WD
    static final String PAKN = """
            2025-03-03T09:00  2025-03-03T09:00  2025-03-05T09:00  2025-03-10T09:00  2025-03-24T09:00
            2025-03-07T16:00  2025-03-10T07:00  2025-03-11T17:00  2025-03-14T17:00  2025-03-28T17:00
            2025-03-08T10:00  2025-03-10T07:00  2025-03-11T17:00  2025-03-14T17:00  2025-03-28T17:00
            2025-03-03T12:00  2025-03-03T13:30  2025-03-05T11:30  2025-03-10T11:30  2025-03-24T11:30
            2025-01-24T10:00  2025-01-24T10:00  2025-02-04T10:00  2025-02-07T10:00  2025-02-21T10:00
            """;

    @Test
    void nationalPaknDeadlinesFollowTheWorkingCalendar() {
        for (String line : PAKN.strip().split("\n")) {
            String[] c = line.strip().split("\\s+");
            var d = DEFAULTS.pakn(t(c[0]));
            assertThat(d.clockStart()).as(line + " start").isEqualTo(t(c[1]));
            assertThat(d.refuseDue()).as(line + " refuse").isEqualTo(t(c[2]));
            assertThat(d.supplementDue()).as(line + " supplement").isEqualTo(t(c[3]));
            assertThat(d.handledDue()).as(line + " handled").isEqualTo(t(c[4]));
        }
    }

    // routed at          category    specialist ≤ 8 working hours   leader ≤ 48 working hours
    static final String LEVELS = """
            2025-03-03T09:00  REGULATION  2025-03-04T09:00  2025-03-11T09:00
            2025-03-03T16:30  CONDUCT     2025-03-04T17:00  2025-03-11T17:00
            2025-03-03T14:00  REGULATION  2025-03-04T14:00  2025-03-11T14:00
            2025-01-24T10:00  CONDUCT     2025-02-03T10:00  2025-02-10T10:00
            """;

    @Test
    void the1022LevelsAreWorkingHoursFromTheRouting() {
        for (String line : LEVELS.strip().split("\n")) {
            String[] c = line.strip().split("\\s+");
            var d = DEFAULTS.levels(FeedbackCategory.valueOf(c[1]), t(c[0]));
            assertThat(d.specialistDue()).as(line + " specialist").isEqualTo(t(c[2]));
            assertThat(d.leaderDue()).as(line + " leader").isEqualTo(t(c[3]));
        }
    }

    @Test
    void levelsAreConfigurablePerCategory() {
        var sla = new FeedbackProperties.Sla(8, 48, Map.of(FeedbackCategory.CONDUCT, 4),
                Map.of(FeedbackCategory.CONDUCT, 16), 2, 5, 15, 2);
        var rules = new SlaRules(CALENDAR, sla);
        var conduct = rules.levels(FeedbackCategory.CONDUCT, t("2025-03-03T09:00"));
        assertThat(conduct.specialistDue()).isEqualTo(t("2025-03-03T15:00"));
        assertThat(conduct.leaderDue()).isEqualTo(t("2025-03-05T09:00"));
        var regulation = rules.levels(FeedbackCategory.REGULATION, t("2025-03-03T09:00"));
        assertThat(regulation.specialistDue()).isEqualTo(t("2025-03-04T09:00"));
    }

    @Test
    void publicationIsDueTwoWorkingDaysAfterApproval() {
        assertThat(DEFAULTS.publishDue(t("2025-03-06T10:00"))).isEqualTo(t("2025-03-10T10:00"));
        assertThat(SlaRules.late(t("2025-03-10T10:01"), t("2025-03-10T10:00"))).isTrue();
        assertThat(SlaRules.late(t("2025-03-10T10:00"), t("2025-03-10T10:00"))).isFalse();
    }
}
