package vn.motcua.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.internal.TestCalendars;
import vn.motcua.dossier.rules.RuleContext;
import vn.motcua.dossier.rules.RuleSettings;

/** The rule book's choices come from {@code motcua.dossier.*}, with the documented defaults. */
class RuleConfigTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(RuleConfig.class)
            .withBean(WorkingCalendar.class, TestCalendars::vietnam2025);

    @Test
    void theDefaults() {
        runner.run(c -> assertThat(c.getBean(RuleContext.class).settings()).isEqualTo(RuleSettings.defaults()));
    }

    @Test
    void eachChoiceIsConfigurable() {
        runner.withPropertyValues("motcua.dossier.apology-lead-working-days=2",
                        "motcua.dossier.appraisal-supplement-working-days=5",
                        "motcua.dossier.late-appraisal-supplement=ALLOW_AND_MARK_LATE")
                .run(c -> assertThat(c.getBean(RuleContext.class).settings()).isEqualTo(
                        new RuleSettings(2, 5, RuleSettings.LateSupplement.ALLOW_AND_MARK_LATE)));
    }
}
