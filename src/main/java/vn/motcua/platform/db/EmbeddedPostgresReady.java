package vn.motcua.platform.db;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded PostgreSQL starts in the background while the context is built; data sources wait for it here,
 * before anything can use them. At shutdown it stops last (issue 17): every data source depends on the
 * {@code embeddedPostgresServer} bean, so Spring stops the web server (graceful, bounded), the scheduler and
 * the outbox, closes the pools, and only then destroys that bean, which stops PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedPostgresReady {

    static final String SERVER = "embeddedPostgresServer";

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

    /** The embedded server as a bean whose destruction is the last step of the shutdown. */
    @Bean(SERVER)
    static DisposableBean embeddedPostgresServer() {
        if (EmbeddedPostgresEnvironment.started()) {
            EmbeddedPostgresEnvironment.managedByContext();
        }
        return EmbeddedPostgresEnvironment::stop;
    }

    @Bean
    static BeanFactoryPostProcessor dataSourcesDependOnTheEmbeddedServer() {
        return factory -> {
            for (String name : factory.getBeanNamesForType(DataSource.class, true, false)) {
                BeanDefinition d = factory.getBeanDefinition(name);
                List<String> deps = new ArrayList<>();
                if (d.getDependsOn() != null) {
                    deps.addAll(List.of(d.getDependsOn()));
                }
                if (!deps.contains(SERVER)) {
                    deps.add(SERVER);
                    d.setDependsOn(deps.toArray(String[]::new));
                }
            }
        };
    }
}
