package vn.motcua.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, against a real PostgreSQL ({@link TestDatabase}) with the demo
 * data. Every test class with this annotation shares one application context (and one database), so tests
 * create their own dossiers and never assume an empty table. The application's clock is the settable
 * {@link TestClock} (reset it after moving it); {@link SqlCounter} counts a thread's SQL round trips.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "motcua.embedded-postgres.enabled=false",
    "motcua.demo.history.enabled=false",
    // reorganisation (issue 11): the shared test database keeps the old three-level Bình Phước as its fixture (the
    // demo starts on today's structure): most test classes file at the README's old agencies and need Tân Phú and
    // Tiến Hưng as two communes; today's structure is tested on databases of their own (DemoTodayStructureTest,
    // Reorganisation2025Test applying NQ1662-2025 on its date)
    "motcua.demo.apply-reorganisation-2025=false",
    "motcua.outbox.interval=200ms",
    "motcua.national-portal.interval=1h",
    "db-scheduler.polling-interval=200ms",
    "spring.mail.host=127.0.0.1",
    "spring.mail.port=${motcua.test.smtp-port}",
    // hardening (issue 17): every test uploads and signs up from 127.0.0.1 with a few accounts
    "motcua.limits.upload=100000/1h",
    "motcua.limits.sign-up-source=10000/1h",
    // the wrong-password delay refilled in one go, not a token every 12 s: a slow machine must not outwait it
    "motcua.limits.login-failure=5/1h fixed, 50/1d",
    // feedback (issue 15): every test sends feedback (portal, Open311) from 127.0.0.1
    "motcua.limits.public-write=100000/1h",
    // password reset (issue 18): every test asks from 127.0.0.1; the per-account limit stays as configured
    "motcua.limits.password-reset-source=100000/1h",
    // VNeID login (issue 14): the sandbox's simulated outage is seen at the next click, not 15 s later
    "motcua.vneid.availability-cache-for=0s"
})
@ActiveProfiles({"demo", "test"})
@Import(TestConfig.class)
@ContextConfiguration(initializers = {TestDatabase.Initializer.class, TestMail.Initializer.class})
public @interface IntegrationTest {
}
