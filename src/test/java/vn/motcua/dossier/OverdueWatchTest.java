package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.TimeUnit;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.internal.OverdueWatch;
import vn.motcua.platform.Channel;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;
import vn.motcua.test.TestDossiers;

/**
 * The overdue watch, with dossiers received in the past on the settable clock (never time written into SQL): the
 * overdue are flagged once and their handlers and leaders told; the due soon flagged; a consultation not answered
 * in time escalated to the leaders of the agency that asked.
 */
@IntegrationTest
class OverdueWatchTest {

    static final ProcessingTime MARITAL_TIME = new ProcessingTime(new BigDecimal("3"), TimeUnit.WORKING_DAYS);

    @LocalServerPort
    int port;

    @Autowired
    OverdueWatch watch;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    WorkingCalendar calendar;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    OffsetDateTime morning(int daysAgo) {
        return calendar.workingDayOnOrAfter(LocalDate.now(calendar.zone()).minusDays(daysAgo)).atTime(8, 0)
                .atZone(calendar.zone()).toOffsetDateTime();
    }

    long notifications(String code, String username, String event) {
        return jdbc.sql("""
                select count(*) from notification n join account a on a.id = n.account_id
                where n.dossier_code = :c and a.username = :u and n.event = :e""")
                .param("c", code).param("u", username).param("e", event).query(Long.class).single();
    }

    @Test
    void overdueDossiersAreFlaggedOnceAndTheAssigneeAndLeadersAreTold() {
        TestApi api = new TestApi(port);
        TestApi desk = api.as("tiepnhan.tanphu");
        clock.set(morning(14));
        JsonNode d = desk.post("/api/v1/office/dossiers", TestDossiers.body(desk, TestDossiers.MARITAL,
                TestDossiers.TAN_PHU, TestDossiers.phone())).json();
        d = ProcessingApiTest.act(desk, d, "FORWARD", Map.of());
        d = ProcessingApiTest.act(api.as("lanhdao.tanphu"), d, "ASSIGN", Map.of("assignee", "chuyenvien.tanphu"));
        String code = d.get("code").asString();
        clock.reset(); // received two weeks ago: due days ago
        watch.run();
        assertThat(jdbc.sql("select overdue_notified_at is not null from dossier where code = :c").param("c", code)
                .query(Boolean.class).single()).isTrue();
        long toAssignee = notifications(code, "chuyenvien.tanphu", "OVERDUE");
        assertThat(toAssignee).isPositive();
        assertThat(notifications(code, "lanhdao.tanphu", "OVERDUE_LEADER")).isPositive();
        watch.run();
        assertThat(notifications(code, "chuyenvien.tanphu", "OVERDUE")).as("told once").isEqualTo(toAssignee);
        // searched for by its code: every test's overdue dossiers of Tân Phú are in the view, oldest first
        var overdue = desk.get("/api/v1/office/dossiers?view=OVERDUE&q=" + code).json();
        assertThat(overdue.get("items").toString()).contains(code);
    }

    @Test
    void dossiersDueWithinAWorkingDayAreFlaggedDueSoon() {
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime soon = calendar.addWorkingMinutes(calendar.clockStart(now, Channel.COUNTER),
                calendar.workingMinutesPerDay());
        // received so that its 3-working-day time ends within the next working day
        OffsetDateTime received = null;
        for (int days = 1; days < 12 && received == null; days++) {
            for (int half = 0; half < 20 && received == null; half++) {
                OffsetDateTime t = LocalDate.now(calendar.zone()).minusDays(days).atTime(7, 0).plusMinutes(30L * half)
                        .atZone(calendar.zone()).toOffsetDateTime();
                OffsetDateTime due = calendar.deadline(t, MARITAL_TIME, Channel.COUNTER).dueAt();
                if (due.isAfter(now.plusMinutes(10)) && !due.isAfter(soon.minusMinutes(10))) {
                    received = t;
                }
            }
        }
        assertThat(received).as("a receipt moment whose due moment is within a working day").isNotNull();
        TestApi desk = new TestApi(port).as("tiepnhan.tanphu");
        clock.set(received);
        JsonNode d = desk.post("/api/v1/office/dossiers", TestDossiers.body(desk, TestDossiers.MARITAL,
                TestDossiers.TAN_PHU, TestDossiers.phone())).json();
        clock.reset();
        watch.run();
        assertThat(jdbc.sql("select due_soon from dossier where code = :c").param("c", d.get("code").asString())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aLateConsultationIsEscalatedToTheLeadersOfTheAgencyThatAsked() {
        TestApi api = new TestApi(port);
        TestApi desk = api.as("tiepnhan.tanphu");
        clock.set(morning(14));
        JsonNode d = desk.post("/api/v1/office/dossiers", TestDossiers.body(desk, TestDossiers.MARITAL,
                TestDossiers.TAN_PHU, TestDossiers.phone())).json();
        d = ProcessingApiTest.act(desk, d, "FORWARD", Map.of());
        d = ProcessingApiTest.act(api.as("chuyenvien.tanphu"), d, "CONSULT", Map.of("agencyCode", "70.689.MC",
                "reason", "Đề nghị cho ý kiến về nơi cư trú"));
        String code = d.get("code").asString();
        clock.reset(); // the consultation's deadline passed days ago
        watch.run();
        assertThat(notifications(code, "lanhdao.tanphu", "CONSULTATION_OVERDUE")).as("the head that asked").isPositive();
        for (String consulted : new String[] {"lanhdao.dongxoai", "chuyenvien.dongxoai"}) {
            assertThat(jdbc.sql("""
                    select count(*) from notification n join account a on a.id = n.account_id
                    where n.dossier_code = :c and a.username = :u and n.event in
                      ('OVERDUE', 'OVERDUE_LEADER', 'CONSULTATION_OVERDUE')""")
                    .param("c", code).param("u", consulted).query(Long.class).single())
                    .as("not the consulted agency: " + consulted).isZero();
        }
    }
}
