package vn.motcua.index766;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 766 index's period parameter: what a caller types, and the period's own text, which must read back. */
class PeriodTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "none", value = {
        "2026-10, 2026-10", "' 2026-q3 ', 2026-Q3", "2026, 2026", "0777, 0777", "0777-Q1, 0777-Q1",
        "2026-13, none", "2026-Q5, none", "26, none", "2026-1, none", "'', none"})
    void aPeriodIsReadAndItsTextReadsBack(String typed, String text) {
        Period p = Period.parse(typed);
        if (text == null) {
            assertThat(p).isNull();
        } else {
            assertThat(p.text()).isEqualTo(text);
            assertThat(Period.parse(p.text())).isEqualTo(p);
        }
    }
}
