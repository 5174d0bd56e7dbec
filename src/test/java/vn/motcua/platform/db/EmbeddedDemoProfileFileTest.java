package vn.motcua.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The embedded default switches the demo profile on after Spring Boot has read the configuration files: the demo's
 * own file must still apply (its structure switch, its certificate authority), below what the operator sets.
 */
class EmbeddedDemoProfileFileTest {

    private static StandardEnvironment environment() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addLast(new MapPropertySource(
                "Config resource 'class path resource [application.properties]' via location 'optional:classpath:/'",
                Map.of("motcua.signing.keystore-dir", "data/keys")));
        return env;
    }

    @Test
    void theDemoFileIsReadAboveTheDefaultsAndBelowTheOperator() {
        StandardEnvironment env = environment();
        env.getPropertySources().addFirst(new MapPropertySource("operator",
                Map.of("motcua.demo.apply-reorganisation-2025", "false")));
        EmbeddedPostgresEnvironment.addProfileFile(env, "demo");

        assertThat(env.getProperty("motcua.signing.demo-ca.enabled")).isEqualTo("true");
        assertThat(env.getProperty("motcua.signing.keystore-dir")).as("the profile's file wins over the defaults")
                .isEqualTo("data/demo-keys");
        assertThat(env.getProperty("motcua.demo.apply-reorganisation-2025"))
                .as("MOTCUA_DEMO_APPLY_REORGANISATION_2025=false still chooses the old structure").isEqualTo("false");
    }

    @Test
    void theDemoStartsOnTodaysStructureByDefault() {
        StandardEnvironment env = environment();
        EmbeddedPostgresEnvironment.addProfileFile(env, "demo");
        EmbeddedPostgresEnvironment.addProfileFile(env, "demo"); // read once
        assertThat(env.getProperty("motcua.demo.apply-reorganisation-2025")).isEqualTo("true");
        assertThat(env.getPropertySources().stream().filter(p -> p.getName().contains("[application-demo.properties]")))
                .hasSize(1);
    }
}
