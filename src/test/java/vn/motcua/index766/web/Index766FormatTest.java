package vn.motcua.index766.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The 766 pages' numbers, durations, moments and periods as a Vietnamese reader writes them (issue 18), with the
 * real messages files; English second.
 */
class Index766FormatTest {

    static final String NBSP = "\u00a0";
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    static Index766Format format(String language) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/index766");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Index766Format(Locale.forLanguageTag(language), messages, VN);
    }

    final Index766Format vi = format("vi");
    final Index766Format en = format("en");

    @Test
    void numbersUseTheDecimalCommaAndTheThousandsDot() {
        assertThat(vi.number(36.73)).isEqualTo("36,73");
        assertThat(vi.number(60.0)).as("no trailing zeros").isEqualTo("60");
        assertThat(vi.number(18.5)).isEqualTo("18,5");
        assertThat(vi.number(12.345)).as("two decimals at most").isEqualTo("12,35");
        assertThat(vi.count(1013078L)).isEqualTo("1.013.078");
        assertThat(vi.count(999L)).isEqualTo("999");
        assertThat(vi.number(null)).isEqualTo("—");
        assertThat(vi.points(36.73, 60.0)).isEqualTo("36,73 / 60");
        assertThat(en.number(36.73)).isEqualTo("36.73");
        assertThat(en.count(1013078L)).isEqualTo("1,013,078");
    }

    @Test
    void percentagesHaveOneDecimalAndASpaceBeforeTheSign() {
        assertThat(vi.percent(0.976)).isEqualTo("97,6" + NBSP + "%");
        assertThat(vi.percent(1.0)).isEqualTo("100,0" + NBSP + "%");
        assertThat(vi.percent(0.12345)).isEqualTo("12,3" + NBSP + "%");
        assertThat(vi.percent(null)).isEqualTo("—");
        assertThat(en.percent(0.976)).isEqualTo("97.6%");
    }

    @Test
    void minutesBecomeDaysAndHoursInWords() {
        // the total of 2.2 the issue saw: 1,013,078 minutes = 703 days 12 hours (and 38 minutes, dropped)
        assertThat(vi.duration(1013078)).isEqualTo("703 ngày 12 giờ");
        assertThat(vi.duration(3 * 24 * 60)).as("no '0 giờ'").isEqualTo("3 ngày");
        assertThat(vi.duration(5 * 60 + 20)).isEqualTo("5 giờ 20 phút");
        assertThat(vi.duration(45)).isEqualTo("45 phút");
        assertThat(vi.duration(0)).isEqualTo("0 phút");
        assertThat(vi.duration(1500 * 24 * 60)).as("thousands separator").isEqualTo("1.500 ngày");
        assertThat(vi.duration(-1)).isEqualTo("—");
        assertThat(vi.averageDuration(1013078L, 90L)).as("11,256 minutes each").isEqualTo("7 ngày 19 giờ");
        assertThat(vi.averageDuration(10L, 0L)).isEqualTo("—");
        assertThat(en.duration(24 * 60 + 60)).isEqualTo("1 day 1 hour");
        assertThat(en.duration(2 * 24 * 60 + 3 * 60)).isEqualTo("2 days 3 hours");
        assertThat(en.duration(1)).isEqualTo("1 minute");
    }

    @Test
    void momentsArePrintedInTheProvincesTimeWithoutIsoNoise() {
        assertThat(vi.moment("2026-12-04T20:19:48.561354074+07:00")).isEqualTo("20:19 04/12/2026");
        assertThat(vi.moment(OffsetDateTime.parse("2026-12-04T13:19:48Z"))).as("UTC moved to Vietnam time")
                .isEqualTo("20:19 04/12/2026");
        assertThat(en.moment("2026-12-04T20:19:48+07:00")).as("an English reader's format, not the Vietnamese one")
                .isEqualTo("4 Dec 2026 20:19");
        assertThat(vi.moment(null)).isEqualTo("—");
    }

    @Test
    void periodsAreWrittenInWords() {
        assertThat(vi.period("2026-11")).isEqualTo("Tháng 11/2026");
        assertThat(vi.period("2026-Q3")).isEqualTo("Quý 3/2026");
        assertThat(vi.period("2026")).isEqualTo("Năm 2026");
        assertThat(en.period("2026-11")).isEqualTo("Month 11/2026");
        assertThat(vi.shortMonth("2026-01")).isEqualTo("01/26");
        assertThat(vi.periodInline("2026-11")).as("inside a sentence").isEqualTo("tháng 11/2026");
        assertThat(vi.periodInline("2026-Q4")).isEqualTo("quý 4/2026");
        assertThat(en.periodInline("2026")).isEqualTo("2026");
    }

    @Test
    void chartsEscapeTheirTextAndWriteCoordinatesWithADot() {
        String svg = SvgCharts.bars("c", "Xếp <hạng>", java.util.List.of(
                new SvgCharts.Bar("1. A & B", 36.73, vi.number(36.73), true)), 100);
        assertThat(svg).contains("<title id=\"c\">Xếp &lt;hạng&gt;</title>").contains("1. A &amp; B")
                .contains(">36,73<").contains("width=\"132.2\"").doesNotContain("132,2");
        assertThat(SvgCharts.n(-0.5)).isEqualTo("-0.5");
    }
}
