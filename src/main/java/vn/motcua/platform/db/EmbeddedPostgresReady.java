package vn.motcua.platform.db;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded PostgreSQL starts in the background while the context is built; data sources wait for it here,
 * before anything can use them.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedPostgresReady {

    @Bean
    static BeanPostProcessor embeddedPostgresReadiness() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource) {
                    EmbeddedPostgresEnvironment.awaitStarted();
                }
                return bean;
            }
        };
    }
}
