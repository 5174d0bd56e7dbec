package vn.motcua.test;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What every integration test shares ({@link IntegrationTest} imports it): the settable {@link TestClock} as the
 * application's clock, and the {@link SqlCounter} around the data source.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    static BeanPostProcessor sqlCounter() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource ds && !(bean instanceof SqlCounter) && name.equals("dataSource")
                        ? new SqlCounter(ds) : bean;
            }
        };
    }
}
