package vn.motcua.dossier.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.rules.RuleContext;
import vn.motcua.dossier.rules.RuleSettings;

/**
 * The rule book's configurable choices, {@code motcua.dossier.*} (docs/LIFECYCLE.md): each default is the reading
 * of DOMAIN.md, marked UNCONFIRMED there where no source was found.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RuleConfig.Properties.class)
class RuleConfig {

    /**
     * @param apologyLeadWorkingDays        an apology no later than this many working days before the due moment (1)
     * @param appraisalSupplementWorkingDays a supplement during appraisal within this many working days (3)
     * @param lateAppraisalSupplement       later: REFUSE (default) or ALLOW_AND_MARK_LATE
     */
    @ConfigurationProperties("motcua.dossier")
    record Properties(Integer apologyLeadWorkingDays, Integer appraisalSupplementWorkingDays,
                      RuleSettings.LateSupplement lateAppraisalSupplement) {

        RuleSettings settings() {
            RuleSettings d = RuleSettings.defaults();
            return new RuleSettings(apologyLeadWorkingDays == null ? d.apologyLeadWorkingDays() : apologyLeadWorkingDays,
                    appraisalSupplementWorkingDays == null ? d.appraisalSupplementWorkingDays()
                            : appraisalSupplementWorkingDays,
                    lateAppraisalSupplement == null ? d.lateAppraisalSupplement() : lateAppraisalSupplement);
        }
    }

    @Bean
    RuleContext ruleContext(WorkingCalendar calendar, Properties properties) {
        return new RuleContext(calendar, properties.settings());
    }
}
