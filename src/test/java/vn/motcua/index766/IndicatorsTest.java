package vn.motcua.index766;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The indicator table and its scoring keys (DOMAIN.md §1.2). */
class IndicatorsTest {

    final Index766Settings s = Index766Settings.defaults();

    @Test
    void theRowsOfDomain12InFiveGroupsOf18_20_22_22_18AddUpTo100() {
        // DOMAIN.md §1.2 is titled "22 rows" but lists 23: 3.5 and 3.5b are two rows of the payment part
        assertThat(Indicators.ALL).hasSize(23);
        assertThat(Indicators.GROUPS).extracting(Indicators.Group::max).containsExactly(18, 20, 22, 22, 18);
        for (var g : Indicators.GROUPS) {
            assertThat(Indicators.of(g).stream().mapToInt(Indicators.Indicator::max).sum()).as(g.id()).isEqualTo(g.max());
        }
        assertThat(Indicators.ALL.stream().map(Indicators.Indicator::id).distinct()).hasSize(23);
    }

    @Test
    void linearScoresMaxTimesRatio() {
        var i21 = Indicators.byId("2.1").orElseThrow();
        assertThat(Indicators.score(i21, i21.key(), 95, 100, s).points()).isCloseTo(19.0, within(1e-9));
        assertThat(Indicators.score(i21, i21.key(), 0, 7, s).points()).isZero();
    }

    @Test
    void thresholdKeysGiveFullPointsFromTheThresholdAndAreLinearBelow() {
        var i33 = Indicators.byId("3.3").orElseThrow(); // T50, 6 points
        assertThat(Indicators.score(i33, i33.key(), 50, 100, s).points()).isEqualTo(6.0);
        assertThat(Indicators.score(i33, i33.key(), 80, 100, s).points()).isEqualTo(6.0);
        assertThat(Indicators.score(i33, i33.key(), 25, 100, s).points()).isCloseTo(3.0, within(1e-9));
        var i31 = Indicators.byId("3.1").orElseThrow(); // T80, 2 points
        assertThat(Indicators.score(i31, i31.key(), 40, 100, s).points()).isCloseTo(1.0, within(1e-9));
        assertThat(Indicators.score(i31, i31.key(), 79, 100, s).points()).isLessThan(2.0);
        var i54 = Indicators.byId("5.4").orElseThrow(); // T90, 6 points
        assertThat(Indicators.score(i54, i54.key(), 90, 100, s).points()).isEqualTo(6.0);
        assertThat(Indicators.score(i54, i54.key(), 45, 100, s).points()).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void specialRulesForEmptyDenominators() {
        var i54 = Indicators.byId("5.4").orElseThrow();
        assertThat(Indicators.score(i54, i54.key(), 0, 0, s).points()).as("5.4: no dossiers, 0 points").isZero();
        var i52 = Indicators.byId("5.2").orElseThrow();
        var i53 = Indicators.byId("5.3").orElseThrow();
        assertThat(Indicators.score(i52, i52.key(), 0, 0, s).points()).as("no feedback: full points").isEqualTo(6.0);
        assertThat(Indicators.score(i53, i53.key(), 0, 0, s).points()).isEqualTo(6.0);
        var strict = new Index766Settings("IN_FORCE", false, true, false, Indicators.Key.LIN, true);
        assertThat(Indicators.score(i52, i52.key(), 0, 0, strict).points()).isZero();
        var i21 = Indicators.byId("2.1").orElseThrow();
        assertThat(Indicators.score(i21, i21.key(), 0, 0, s).points()).as("ratio 0 without dossiers").isZero();
        assertThat(Indicators.score(i21, i21.key(), 0, 0, s).ratio()).isNull();
    }

    @Test
    void theUnconfirmedKeyOf42IsConfigurable() {
        var i42 = Indicators.byId("4.2").orElseThrow();
        assertThat(s.keyOf(i42)).isEqualTo(Indicators.Key.LIN);
        var t80 = new Index766Settings("IN_FORCE", true, false, false, Indicators.Key.T80, true);
        assertThat(Indicators.score(i42, t80.keyOf(i42), 80, 100, t80).points()).isEqualTo(4.0);
        assertThat(Indicators.score(i42, s.keyOf(i42), 80, 100, s).points()).isCloseTo(3.2, within(1e-9));
    }

    @Test
    void periodsAreMonthsQuartersOrYears() {
        assertThat(Period.parse("2026-10")).extracting(Period::first, Period::last)
                .containsExactly(java.time.YearMonth.of(2026, 10), java.time.YearMonth.of(2026, 10));
        assertThat(Period.parse("2026-Q3").first()).isEqualTo(java.time.YearMonth.of(2026, 7));
        assertThat(Period.parse("2026-q3").last()).isEqualTo(java.time.YearMonth.of(2026, 9));
        assertThat(Period.parse("2026").last()).isEqualTo(java.time.YearMonth.of(2026, 12));
        assertThat(Period.parse("2026-13")).isNull();
        assertThat(Period.parse("2026-Q5")).isNull();
        assertThat(Period.parse("hôm nay")).isNull();
    }
}
