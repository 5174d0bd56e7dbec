package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.ProcessingApiTest.act;
import static vn.motcua.dossier.ProcessingApiTest.actRaw;
import static vn.motcua.test.TestDossiers.MARITAL;
import static vn.motcua.test.TestDossiers.TAN_PHU;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestClock;
import vn.motcua.test.TestDossiers;

/**
 * The legal rules beyond the table, through HTTP: each refusal is a 409 (or a 400 naming the field) with the legal
 * reason in Vietnamese, and changes nothing.
 */
@IntegrationTest
class RulesEnforcementApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    WorkingCalendar calendar;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    TestApi as(String user) {
        return new TestApi(port).as(user);
    }

    OffsetDateTime morning(int daysAgo) {
        return calendar.workingDayOnOrAfter(LocalDate.now(calendar.zone()).minusDays(daysAgo)).atTime(8, 0)
                .atZone(calendar.zone()).toOffsetDateTime();
    }

    JsonNode counterAtSpecialist() {
        TestApi desk = as("tiepnhan.tanphu");
        JsonNode d = desk.post("/api/v1/office/dossiers", TestDossiers.body(desk, MARITAL, TAN_PHU,
                TestDossiers.phone())).json();
        return act(desk, d, "FORWARD", Map.of());
    }

    static void unchanged(TestApi who, JsonNode before) {
        JsonNode after = who.get("/api/v1/office/dossiers/" + before.get("code").asString()).json();
        assertThat(after.get("version").asInt()).as("nothing changed").isEqualTo(before.get("version").asInt());
    }

    @Test
    void anApologyComesNoLaterThanOneWorkingDayBeforeTheDueMoment() {
        TestApi leader = as("lanhdao.tanphu");
        clock.set(morning(14));
        JsonNode p = counterAtSpecialist();
        OffsetDateTime started = OffsetDateTime.parse(p.get("clockStartedAt").asString());
        OffsetDateTime due = OffsetDateTime.parse(p.get("dueAt").asString());
        String newDue = TestDossiers.newDue(calendar, due.toString(), 2);
        long day = calendar.workingMinutesPerDay();
        // the processing time is 3 working days: 2 working days in, exactly 1 is left
        clock.set(calendar.addWorkingMinutes(started, 2 * day - 5));
        assertThat(leader.get("/api/v1/office/dossiers/" + p.get("code").asString()).json().get("allowedActions")
                .toString()).as("still in good time").contains("APOLOGIZE");
        clock.set(calendar.addWorkingMinutes(started, 2 * day + 5));
        JsonNode fresh = leader.get("/api/v1/office/dossiers/" + p.get("code").asString()).json();
        assertThat(fresh.get("allowedActions").toString()).as("not offered any more").doesNotContain("APOLOGIZE");
        var refused = actRaw(leader, fresh, "APOLOGIZE", Map.of("reason", "Chậm", "newDueAt", newDue));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString())
                .contains("khoản 9 Điều 19 Nghị định 61/2018", "chậm nhất 1 ngày làm việc");
        unchanged(leader, fresh);
    }

    @Test
    void theNewAppointmentIsAWorkingMoment() {
        TestApi leader = as("lanhdao.tanphu");
        JsonNode p = counterAtSpecialist();
        OffsetDateTime due = OffsetDateTime.parse(p.get("dueAt").asString());
        LocalDate sunday = due.atZoneSameInstant(calendar.zone()).toLocalDate().plusDays(7)
                .with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SUNDAY));
        var onSunday = actRaw(leader, p, "APOLOGIZE", Map.of("reason", "Chậm", "newDueAt",
                sunday.atTime(9, 0).atZone(calendar.zone()).toOffsetDateTime().toString()));
        assertThat(onSunday.status()).isEqualTo(400);
        assertThat(onSunday.json().get("errors").get(0).get("field").asString()).isEqualTo("newDueAt");
        assertThat(onSunday.json().get("errors").get(0).get("message").asString()).contains("thời gian làm việc");
        OffsetDateTime monday = calendar.workingDayOnOrAfter(sunday).atTime(12, 15).atZone(calendar.zone())
                .toOffsetDateTime();
        assertThat(actRaw(leader, p, "APOLOGIZE", Map.of("reason", "Chậm", "newDueAt", monday.toString())).status())
                .as("the lunch break").isEqualTo(400);
        unchanged(leader, p);
        assertThat(actRaw(leader, p, "APOLOGIZE", Map.of("reason", "Chậm", "newDueAt",
                monday.withHour(14).toString())).status()).isEqualTo(200);
    }

    @Test
    void atReceptionTheApplicantIsGuidedOnceCompletely() {
        TestApi citizen = as("congdan1");
        TestApi desk = as("tiepnhan.tanphu");
        JsonNode d = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, MARITAL, TAN_PHU,
                TestDossiers.phone())).json();
        String code = d.get("code").asString();
        JsonNode waiting = act(desk, d, "REQUEST_SUPPLEMENT", Map.of("reason", "Thiếu giấy tờ",
                "items", List.of("Bản sao giấy chứng tử")));
        JsonNode mine = citizen.get("/api/v1/dossiers/" + code).json();
        JsonNode supplied = citizen.post("/api/v1/dossiers/" + code + "/supplements", Map.of("version",
                mine.get("version").asInt(), "attachments", List.of(Map.of("componentCode", "TP02", "fileId",
                        TestDossiers.upload(citizen, "chung-tu.pdf"))))).json();
        assertThat(supplied.get("status").asString()).isEqualTo("SUBMITTED");
        JsonNode back = desk.get("/api/v1/office/dossiers/" + code).json();
        assertThat(back.get("allowedActions").toString()).contains("ACCEPT", "REFUSE").doesNotContain("REQUEST_SUPPLEMENT");
        var again = actRaw(desk, back, "REQUEST_SUPPLEMENT", Map.of("reason", "Còn thiếu", "items", List.of("Tờ khai")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("một lần, đầy đủ", "Điều 15 Nghị định 61/2018");
        unchanged(desk, back);
        assertThat(waiting.get("status").asString()).isEqualTo("SUPPLEMENT_REQUESTED");
    }

    @Test
    void duringAppraisalASupplementIsRequestedWithinThreeWorkingDays() {
        TestApi specialist = as("chuyenvien.tanphu");
        OffsetDateTime t0 = morning(14);
        clock.set(t0);
        JsonNode p = counterAtSpecialist();
        // four working days later
        clock.set(calendar.addWorkingMinutes(t0, 4 * calendar.workingMinutesPerDay()));
        JsonNode fresh = specialist.get("/api/v1/office/dossiers/" + p.get("code").asString()).json();
        assertThat(fresh.get("allowedActions").toString()).doesNotContain("REQUEST_SUPPLEMENT");
        var refused = actRaw(specialist, fresh, "REQUEST_SUPPLEMENT", Map.of("reason", "Thiếu", "items",
                List.of("Giấy tờ")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("khoản 3 Điều 19", "3 ngày làm việc");
        unchanged(specialist, fresh);
        // two working days after reaching processing it is still possible
        clock.set(t0);
        JsonNode q = counterAtSpecialist();
        clock.set(calendar.addWorkingMinutes(t0, 2 * calendar.workingMinutesPerDay()));
        assertThat(act(specialist, q, "REQUEST_SUPPLEMENT", Map.of("reason", "Thiếu", "items", List.of("Giấy tờ")))
                .get("status").asString()).isEqualTo("SUPPLEMENT_REQUESTED");
    }
}
