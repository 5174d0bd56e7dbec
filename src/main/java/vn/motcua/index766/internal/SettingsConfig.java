package vn.motcua.index766.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.index766.Index766Settings;
import vn.motcua.index766.Indicators;

/** {@code motcua.index766.*}: the UNCONFIRMED choices, with the documented defaults (docs/INDEX766.md). */
@Configuration(proxyBeanMethods = false)
class SettingsConfig {

    @Bean
    Index766Settings index766Settings(@Value("${motcua.index766.due-basis:IN_FORCE}") String dueBasis,
                                      @Value("${motcua.index766.no-feedback-full-points:true}") boolean noFeedback,
                                      @Value("${motcua.index766.feedback-available:true}") boolean feedback,
                                      @Value("${motcua.index766.empty-denominator-full-points:false}") boolean empty,
                                      @Value("${motcua.index766.key-4-2:LIN}") String key42,
                                      @Value("${motcua.index766.payment-stops-clock:true}") boolean payment) {
        return new Index766Settings(dueBasis, noFeedback, feedback, empty,
                Indicators.Key.valueOf(key42.trim().toUpperCase(java.util.Locale.ROOT)), payment);
    }
}
