package vn.motcua.integration.population;

import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import tools.jackson.databind.json.JsonMapper;

/** Chooses the population registry adapter from {@code motcua.population.mode}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PopulationProperties.class)
class PopulationConfig {

    /**
     * Every 30 s (motcua.population.system-check-interval), on one node: the checks due for dossiers filed by accounts
     * verified with VNeID are made, 50 at a time.
     */
    @Bean
    com.github.kagkarlsson.scheduler.task.helper.RecurringTask<Void> populationSystemChecks(PopulationChecks checks,
            @org.springframework.beans.factory.annotation.Value("${motcua.population.system-check-interval:30s}")
            java.time.Duration interval) {
        return com.github.kagkarlsson.scheduler.task.helper.Tasks.recurring("population-system-checks",
                        com.github.kagkarlsson.scheduler.task.schedule.FixedDelay.of(interval))
                .execute((instance, ctx) -> {
                    for (int round = 0; round < 20 && checks.runSystemChecks(50) == 50; round++) {
                        // a backlog is worked through in rounds of 50, each in its own transaction
                    }
                });
    }

    @Bean
    PopulationRegistry populationRegistry(PopulationProperties properties, JsonMapper json, Environment env) {
        String mode = properties.mode() != null ? properties.mode()
                : env.acceptsProfiles(Profiles.of("demo")) ? "simulated" : "off";
        return switch (mode) {
            case "simulated" -> new SimulatedPopulationRegistry();
            case "http" -> {
                if (properties.baseUrl() == null || properties.baseUrl().isBlank()) {
                    throw new IllegalStateException("motcua.population.base-url is required with motcua.population.mode=http");
                }
                yield new HttpPopulationRegistry(properties, json);
            }
            case "off" -> new PopulationRegistry() {
                @Override
                public String source() {
                    return "NONE";
                }

                @Override
                public Optional<RegistryPerson> lookup(String idNumber) {
                    throw new RegistryUnavailable("no population registry configured", null);
                }
            };
            default -> throw new IllegalStateException("motcua.population.mode must be simulated, http or off: " + mode);
        };
    }
}
