package vn.motcua.dossier.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.dossier.Outcome;

/** Early, on time, late (DOMAIN.md §2.6): the one rule the dossier module and the 766 index share. */
class PunctualityTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final OffsetDateTime DUE = OffsetDateTime.parse("2025-06-05T10:00+07:00");

    @ParameterizedTest(name = "finished {0}, flagged {1}: {2}")
    @CsvSource({
        "2025-06-04T16:59+07:00, false, EARLY",
        "2025-06-04T20:00+00:00, false, ON_TIME",   // 03:00 on the due date in Vietnam
        "2025-06-05T07:00+07:00, false, ON_TIME",
        "2025-06-05T10:00+07:00, false, ON_TIME",
        "2025-06-05T10:01+07:00, false, LATE",
        "2025-06-03T08:00+07:00, true, LATE"})
    void aFinishedDossier(String finished, boolean lateFlag, Outcome expected) {
        assertThat(Punctuality.outcome(OffsetDateTime.parse(finished), DUE, lateFlag, VN)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "judged {0}, flagged {1}: within time {2}")
    @CsvSource({
        "2025-06-05T10:00+07:00, false, true",
        "2025-06-05T10:00:01+07:00, false, false",
        "2025-06-01T10:00+07:00, true, false"})
    void anOpenDossier(String judged, boolean lateFlag, boolean within) {
        assertThat(Punctuality.withinTime(OffsetDateTime.parse(judged), DUE, lateFlag)).isEqualTo(within);
        assertThat(Punctuality.withinTime(OffsetDateTime.parse(judged), null, false)).as("no due moment").isFalse();
    }
}
