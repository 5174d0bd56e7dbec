package vn.motcua.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import vn.motcua.platform.Channel;

/** Every default is configurable under motcua.calendar.* as docs/CALENDAR.md documents it. */
class CalendarSettingsTest {

    private static CalendarProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("motcua.calendar", CalendarProperties.class);
    }

    @Test
    void theDefaultsOfIssue3() {
        CalendarProperties p = bind(Map.of());
        assertThat(p.zoneId().getId()).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(p.sessions()).extracting(Object::toString).containsExactly("07:00–11:30", "13:30–17:00");
        assertThat(p.cutOffs()).containsOnly(Map.entry(Channel.COUNTER, LocalTime.of(15, 0)),
                Map.entry(Channel.ONLINE, LocalTime.of(15, 0)), Map.entry(Channel.POSTAL, LocalTime.of(15, 0)));
        assertThat(p.weekend()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(p.compensatoryDays()).isTrue();
        assertThat(p.tetDaysBefore()).isEqualTo(1);
        assertThat(p.tetDaysAfter()).isEqualTo(3);
        assertThat(p.nationalDayAdjacent()).isEqualTo(1);
        assertThat(p.refreshInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void everyDefaultCanBeChanged() {
        CalendarProperties p = bind(Map.of(
                "motcua.calendar.office-hours", "07:30-11:30,13:00-16:30",
                "motcua.calendar.cut-off", "15:30",
                "motcua.calendar.channel-cut-off.ONLINE", "17:00",
                "motcua.calendar.weekend", "SUNDAY",
                "motcua.calendar.compensatory-days", "false",
                "motcua.calendar.tet-days-before", "2",
                "motcua.calendar.tet-days-after", "2",
                "motcua.calendar.national-day-adjacent", "-1",
                "motcua.calendar.refresh-interval", "0s"));
        assertThat(new OfficeHours(p.sessions()).perDay()).isEqualTo(Duration.ofMinutes(450));
        assertThat(p.cutOff(Channel.COUNTER)).isEqualTo(LocalTime.of(15, 30));
        assertThat(p.cutOff(Channel.ONLINE)).isEqualTo(LocalTime.of(17, 0));
        assertThat(p.weekend()).containsExactly(DayOfWeek.SUNDAY);
        assertThat(p.compensatoryDays()).isFalse();
        assertThat(p.tetDaysBefore() + p.tetDaysAfter()).isEqualTo(4);
        assertThat(p.nationalDayAdjacent()).isEqualTo(-1);
        assertThat(p.refreshInterval()).isZero();
    }

    @Test
    void badValuesStopTheStartWithTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("motcua.calendar.office-hours", "07:00-11:30,11:00-17:00")))
                .hasStackTraceContaining("motcua.calendar.office-hours");
        assertThatThrownBy(() -> bind(Map.of("motcua.calendar.cut-off", "25:00")))
                .hasStackTraceContaining("motcua.calendar.cut-off");
        assertThatThrownBy(() -> bind(Map.of("motcua.calendar.zone", "Mars/Olympus")))
                .hasStackTraceContaining("motcua.calendar.zone");
    }
}
