package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.FeeInputs;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;

/**
 * Issue 17: rules that depend on today read the application's clock (in the working calendar's zone), not the
 * machine's: moved, the clock moves the fee's on-time rule and the profile's date-of-birth rule with it.
 */
@IntegrationTest
class ApplicationClockTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Catalog catalog;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void aBirthRegistrationWithoutARequestDateIsOnTimeAsOfTheApplicationsToday() {
        LocalDate born = LocalDate.of(2024, 3, 1);
        FeeInputs in = FeeInputs.of(Channel.ONLINE).withEvent(born, null).withCopies(0);
        clock.set(OffsetDateTime.of(2024, 3, 20, 9, 0, 0, 0, ZoneOffset.ofHours(7)));
        assertThat(catalog.quote("1.001193", in).total()).as("19 days after the birth: free").isZero();
        assertThat(catalog.quote("1.001193", in).complete()).isTrue();
        clock.set(OffsetDateTime.of(2024, 9, 1, 9, 0, 0, 0, ZoneOffset.ofHours(7)));
        assertThat(catalog.quote("1.001193", in).complete())
                .as("six months after: late, the amount the province sets is not known").isFalse();
    }

    @Test
    void aDateOfBirthAfterTheApplicationsTodayIsRefused() {
        TestApi citizen = new TestApi(port).as("congdan2");
        Map<String, Object> profile = Map.of("fullName", "Trần Thị Bình", "dateOfBirth", "2025-06-01");
        clock.set(OffsetDateTime.of(2025, 1, 1, 9, 0, 0, 0, ZoneOffset.ofHours(7)));
        var r = citizen.put("/api/v1/me/profile", profile);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("dateOfBirth");
    }
}
