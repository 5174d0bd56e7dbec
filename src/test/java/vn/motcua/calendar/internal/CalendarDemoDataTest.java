package vn.motcua.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.calendar.Holiday;
import vn.motcua.test.IntegrationTest;

/** The demo schedules 2023–2026 load once: running the loader again changes nothing. */
@IntegrationTest
class CalendarDemoDataTest {

    @Autowired
    CalendarDemoData demo;

    @Autowired
    ScheduleStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loadingTwiceChangesNothing() {
        long version = store.version();
        long audits = jdbc.sql("select count(*) from calendar_audit").query(Long.class).single();
        int schedules = store.all().size();
        demo.load();
        assertThat(store.version()).isEqualTo(version);
        assertThat(jdbc.sql("select count(*) from calendar_audit").query(Long.class).single()).isEqualTo(audits);
        assertThat(store.all()).hasSize(schedules);
    }

    @Test
    void theDemoYearsAreConfiguredExceptNationalDay2026() {
        for (int year = 2023; year <= 2026; year++) {
            List<Holiday> configured = store.ofYear(year).stream().map(Schedule::holiday).toList();
            assertThat(configured).as("%d", year).contains(Holiday.NEW_YEAR, Holiday.TET, Holiday.HUNG_KINGS,
                    Holiday.REUNIFICATION_LABOUR);
            assertThat(configured.contains(Holiday.NATIONAL_DAY)).as("%d", year).isEqualTo(year != 2026);
        }
        Schedule hungKings2023 = store.find(2023, Holiday.HUNG_KINGS).orElseThrow();
        assertThat(hungKings2023.days()).extracting(ScheduleDay::date).containsExactly(LocalDate.of(2023, 5, 2));
        assertThat(hungKings2023.days(ScheduleDayKind.COMPENSATORY)).hasSize(1);
        Schedule labour2023 = store.find(2023, Holiday.REUNIFICATION_LABOUR).orElseThrow();
        assertThat(labour2023.days()).extracting(ScheduleDay::date).containsExactly(LocalDate.of(2023, 5, 1),
                LocalDate.of(2023, 5, 3));
        Schedule swap2025 = store.find(2025, Holiday.REUNIFICATION_LABOUR).orElseThrow();
        assertThat(swap2025.days(ScheduleDayKind.SWAPPED_WORKDAY)).singleElement()
                .satisfies(d -> {
                    assertThat(d.date()).isEqualTo(LocalDate.of(2025, 4, 26));
                    assertThat(d.name()).isEqualTo("Làm bù cho ngày nghỉ 02/05/2025");
                });
    }
}
