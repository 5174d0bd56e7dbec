package vn.motcua.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import vn.motcua.organization.SuccessorCustody.Succession;

/**
 * Archive custody, table-driven: an officer of S reads P's records when S succeeded P, directly or through chained
 * reorganisations, from each succession's date; never an unrelated agency's, never before the date, nothing when off.
 */
class SuccessorCustodyTest {

    private static final LocalDate JULY_2025 = LocalDate.of(2025, 7, 1);
    private static final LocalDate JAN_2027 = LocalDate.of(2027, 1, 1);

    /**
     * NQ1662-2025 as in the demo data (Tân Phú's, Tiến Hưng's and Đồng Xoài city's one-stops into Phường Bình Phước's;
     * Tân Thành's into Phường Đồng Xoài's), and an invented later merger of Phường Bình Phước into a ward W from
     * 1 January 2027 (the chain), and an agency closed with a successor but no recorded last day (in effect).
     */
    private static final List<Succession> SUCCESSIONS = List.of(
            new Succession("70.689.25195.MC", "75.25195.MC", JULY_2025),
            new Succession("70.689.25213.MC", "75.25195.MC", JULY_2025),
            new Succession("70.689.MC", "75.25195.MC", JULY_2025),
            new Succession("70.689.25207.MC", "75.25210.MC", JULY_2025),
            new Succession("75.25195.MC", "W.MC", JAN_2027),
            new Succession("OLD.X", "NEW.X", null));

    private static final SuccessorCustody ON = new SuccessorCustody(true, SUCCESSIONS);

    static Stream<Arguments> cases() {
        return Stream.of(
                // officer's agency, record's agency, day, reads?, why
                Arguments.of("75.25195.MC", "75.25195.MC", JULY_2025, true, "its own"),
                Arguments.of("70.689.25195.MC", "70.689.25195.MC", LocalDate.of(2025, 6, 30), true, "its own, before"),
                Arguments.of("75.25195.MC", "70.689.25195.MC", JULY_2025, true, "a predecessor, on the date"),
                Arguments.of("75.25195.MC", "70.689.25213.MC", LocalDate.of(2026, 3, 1), true, "a predecessor, after"),
                Arguments.of("75.25195.MC", "70.689.MC", JULY_2025, true, "the district one-stop it succeeded"),
                Arguments.of("75.25195.MC", "70.689.25195.MC", LocalDate.of(2025, 6, 30), false,
                        "a predecessor, the day before the date"),
                Arguments.of("75.25210.MC", "70.689.25213.MC", JULY_2025, false,
                        "Tiến Hưng's successor is Phường Bình Phước, not Phường Đồng Xoài"),
                Arguments.of("75.25210.MC", "75.25195.MC", JULY_2025, false, "another ward"),
                Arguments.of("75.25210.MC", "70.689.25207.MC", JULY_2025, true, "Phường Đồng Xoài's own predecessor"),
                Arguments.of("75.25195.MC", "70.689.25207.MC", JULY_2025, false, "another ward's predecessor"),
                Arguments.of("70.689.25195.MC", "75.25195.MC", JULY_2025, false, "a predecessor never reads its successor"),
                Arguments.of("70.689.25195.MC", "70.689.25213.MC", JULY_2025, false, "two predecessors of one ward"),
                Arguments.of("W.MC", "75.25195.MC", JAN_2027, true, "chained: the direct predecessor"),
                Arguments.of("W.MC", "70.689.25213.MC", JAN_2027, true, "chained: a predecessor's predecessor"),
                Arguments.of("W.MC", "70.689.25213.MC", LocalDate.of(2026, 12, 31), false,
                        "chained: before the second succession's date"),
                Arguments.of("75.25195.MC", "70.689.25213.MC", JAN_2027, true,
                        "the intermediate successor keeps what it held (read scope, not a transfer)"),
                Arguments.of("NEW.X", "OLD.X", LocalDate.of(2000, 1, 1), true, "no recorded last day: in effect"),
                Arguments.of(null, "70.689.25195.MC", JULY_2025, false, "no agency"),
                Arguments.of("75.25195.MC", null, JULY_2025, false, "no record agency"));
    }

    @ParameterizedTest(name = "{4}: {0} reads {1} on {2}: {3}")
    @MethodSource("cases")
    void readsWhenItSucceededTheRecordsAgencyByTheDay(String officer, String record, LocalDate day, boolean reads,
                                                      String why) {
        assertThat(ON.mayRead(officer, record, day)).as(why).isEqualTo(reads);
        SuccessorCustody off = new SuccessorCustody(false, SUCCESSIONS);
        assertThat(off.mayRead(officer, record, day)).as("custody off: its own only (" + why + ")")
                .isEqualTo(officer != null && officer.equals(record));
    }

    @Test
    void theScopeOfAWardIsItselfAndEveryAgencyItSucceeded() {
        assertThat(ON.readableBy("75.25195.MC", JULY_2025))
                .containsExactlyInAnyOrder("75.25195.MC", "70.689.25195.MC", "70.689.25213.MC", "70.689.MC");
        assertThat(ON.readableBy("W.MC", JAN_2027)).containsExactlyInAnyOrder("W.MC", "75.25195.MC",
                "70.689.25195.MC", "70.689.25213.MC", "70.689.MC");
        assertThat(ON.readableBy("W.MC", JULY_2025)).as("W's succession not yet in effect").containsExactly("W.MC");
        assertThat(SuccessorCustody.OFF.readableBy("75.25195.MC", JULY_2025)).containsExactly("75.25195.MC");
        assertThat(ON.readableBy(null, JULY_2025)).isEmpty();
    }

    @Test
    void aCycleInTheDataEnds() {
        SuccessorCustody cycle = new SuccessorCustody(true, List.of(new Succession("A", "B", null),
                new Succession("B", "A", null)));
        assertThat(cycle.readableBy("A", JULY_2025)).containsExactlyInAnyOrder("A", "B");
    }
}
