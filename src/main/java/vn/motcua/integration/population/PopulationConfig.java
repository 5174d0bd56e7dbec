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
