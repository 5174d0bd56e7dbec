package vn.motcua.calendar.internal;

import java.time.ZoneId;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@code motcua.calendar.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfig {

    /**
     * The province's time zone ({@code motcua.calendar.zone}, default {@link CalendarProperties#DEFAULT_ZONE}): the one place it is set.
     * Every module that prints a moment, or cuts days and months (pages, documents, the 766 index, reports),
     * takes this bean; only external protocols that fix their own zone (VNPay's GMT+7, the national portal's
     * yyyyMMddHHmmss in Vietnam time) name it themselves.
     */
    @Bean
    ZoneId provinceZone(CalendarProperties settings) {
        return settings.zoneId();
    }
}
