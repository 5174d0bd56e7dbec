package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.TestDossiers.MARITAL;
import static vn.motcua.test.TestDossiers.TAN_PHU;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.dossier.rules.LifecycleTable;
import vn.motcua.dossier.rules.Target;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.TimeUnit;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.platform.Channel;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * Random sequences of actions by random people (seeded; the seed is in every failure message), through HTTP, on
 * online and counter dossiers. Invariants: a success moves exactly as the lifecycle table says; a refusal changes
 * nothing; once terminal, nothing succeeds; the history has one entry per success; every due moment comes from the
 * calendar and lies inside office hours of a working day (an apology's new one included).
 */
@IntegrationTest
class LifecyclePropertiesTest {

    private static final List<String> ACTIONS = List.of("ACCEPT", "REFUSE", "REQUEST_SUPPLEMENT", "ASSIGN", "FORWARD",
            "CONSULT", "REJECT", "APOLOGIZE", "REQUEST_PAYMENT", "CONFIRM_PAYMENT", "WAIVE_PAYMENT", "COMPLETE",
            "RETURN_RESULT", "STOP", "SUPPLY", "WITHDRAW", "RATE");
    private static final ProcessingTime MARITAL_TIME = new ProcessingTime(new BigDecimal("3"), TimeUnit.WORKING_DAYS);

    @LocalServerPort
    int port;

    @Autowired
    WorkingCalendar calendar;

    @Test
    void randomActionSequencesKeepTheInvariants() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        TestApi api = new TestApi(port);
        TestApi citizen = api.as("congdan1");
        List<TestApi> people = List.of(api.as("tiepnhan.tanphu"), api.as("chuyenvien.tanphu"),
                api.as("lanhdao.tanphu"), citizen);
        for (int n = 0; n < 20; n++) {
            boolean online = n % 2 == 0;
            JsonNode d = online ? citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, MARITAL, TAN_PHU,
                    TestDossiers.phone())).json()
                    : people.get(0).post("/api/v1/office/dossiers", TestDossiers.body(people.get(0), MARITAL, TAN_PHU,
                    TestDossiers.phone())).json();
            String code = d.get("code").asString();
            int successes = 1;
            for (int step = 0; step < 16; step++) {
                String action = ACTIONS.get(random.nextInt(ACTIONS.size()));
                boolean applicantsOwn = online && (action.equals("SUPPLY") || action.equals("WITHDRAW")
                        || action.equals("RATE"));
                TestApi who = applicantsOwn ? citizen : people.get(random.nextInt(3));
                DossierStatus before = DossierStatus.valueOf(d.get("status").asString());
                TestApi.Response r = perform(who, applicantsOwn, d, action, random);
                JsonNode now = people.get(0).get("/api/v1/office/dossiers/" + code).json();
                String what = "seed " + seed + ", dossier " + code + ", step " + step + ": " + action + " in " + before
                        + " → " + r;
                if (r.status() == 200) {
                    successes++;
                    assertThat(before.terminal()).as("nothing succeeds after a terminal status; " + what).isFalse();
                    DossierStatus after = DossierStatus.valueOf(now.get("status").asString());
                    var lines = LifecycleTable.lines(DossierAction.valueOf(action), before);
                    assertThat(lines).as(what).isNotEmpty();
                    DossierStatus expected = switch (lines.getFirst().to()) {
                        case Target.To to -> to.status();
                        case Target.Unchanged u -> before;
                        case Target.AfterSupplement s -> "RECEPTION".equals(d.path("pendingSupplement")
                                .path("stage").asString("")) ? DossierStatus.SUBMITTED : DossierStatus.PROCESSING;
                    };
                    assertThat(after).as(what).isEqualTo(expected);
                } else {
                    assertThat(r.status()).as(what).isIn(400, 404, 409);
                    assertThat(now.get("version").asInt()).as("a refusal changes nothing; " + what)
                            .isEqualTo(d.get("version").asInt());
                }
                d = now;
            }
            checkHistory(seed, people.get(0), code, successes, online ? Channel.ONLINE : Channel.COUNTER);
        }
    }

    private void checkHistory(long seed, TestApi officer, String code, int successes, Channel channel) {
        JsonNode history = officer.get("/api/v1/office/dossiers/" + code + "/history").json();
        String what = "seed " + seed + ", dossier " + code;
        assertThat(history.size()).as("one history entry per success; " + what).isEqualTo(successes);
        int terminals = 0;
        for (int i = 0; i < history.size(); i++) {
            JsonNode h = history.get(i);
            assertThat(h.get("actor").asString()).isNotBlank();
            DossierStatus to = DossierStatus.valueOf(h.get("toStatus").asString());
            if (to.terminal()) {
                terminals++;
                assertThat(i).as("a terminal status is the last; " + what).isEqualTo(history.size() - 1);
            }
            String action = h.get("action").asString();
            if (action.equals("ACCEPT") || action.equals("RECEIVE")
                    || (action.equals("SUPPLY") && to == DossierStatus.PROCESSING)) {
                OffsetDateTime at = OffsetDateTime.parse(h.get("at").asString());
                OffsetDateTime due = OffsetDateTime.parse(h.get("dueAt").asString());
                assertThat(due).as("due moment from the calendar; " + what)
                        .isEqualTo(calendar.deadline(at, MARITAL_TIME, channel).dueAt());
            }
            if (h.hasNonNull("dueAt")) {
                OffsetDateTime due = OffsetDateTime.parse(h.get("dueAt").asString()).atZoneSameInstant(calendar.zone())
                        .toOffsetDateTime();
                LocalTime t = due.toLocalTime();
                assertThat(calendar.isWorkingDay(due.toLocalDate())).as("due on a working day; " + what).isTrue();
                assertThat(!t.isBefore(LocalTime.of(7, 0)) && !t.isAfter(LocalTime.of(17, 0))
                        && !(t.isAfter(LocalTime.of(11, 30)) && t.isBefore(LocalTime.of(13, 30))))
                        .as("due inside office hours (" + t + "); " + what).isTrue();
            }
        }
        assertThat(terminals).as("at most one terminal status; " + what).isLessThanOrEqualTo(1);
    }

    private TestApi.Response perform(TestApi who, boolean applicantsOwn, JsonNode d, String action, Random random) {
        String code = d.get("code").asString();
        int version = d.get("version").asInt();
        if (applicantsOwn) {
            return switch (action) {
                case "SUPPLY" -> who.post("/api/v1/dossiers/" + code + "/supplements", Map.of("version", version,
                        "attachments", List.of(Map.of("componentCode", "TP02", "fileId",
                                TestDossiers.upload(who, "bs.pdf")))));
                case "WITHDRAW" -> who.post("/api/v1/dossiers/" + code + "/withdraw", Map.of("version", version));
                default -> who.post("/api/v1/dossiers/" + code + "/rating", Map.of("version", version,
                        "rating", "SATISFIED"));
            };
        }
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        body.put("version", d.get("version").asInt());
        if (random.nextInt(10) > 0) {
            body.put("reason", "Lý do " + action);
        }
        switch (action) {
            case "REQUEST_SUPPLEMENT" -> body.put("items", new ArrayList<>(List.of("Giấy tờ")));
            case "ASSIGN" -> body.put("assignee", random.nextBoolean() ? "chuyenvien.tanphu" : "lanhdao.tanphu");
            case "CONSULT" -> body.put("agencyCode", "70.689.MC");
            case "APOLOGIZE" -> {
                JsonNode due = d.get("dueAt");
                OffsetDateTime base = due == null || due.isNull() ? OffsetDateTime.now() : OffsetDateTime.parse(due.asString());
                // half of them a working moment of the calendar, the others any moment (refused when not working time)
                body.put("newDueAt", random.nextBoolean() ? TestDossiers.newDue(calendar, base.toString(),
                        1 + random.nextInt(3)) : base.plusDays(1 + random.nextInt(5)).toString());
            }
            case "COMPLETE" -> body.put("attachments", List.of(Map.of("fileId", TestDossiers.upload(who, "kq.pdf"))));
            case "SUPPLY", "WITHDRAW" -> {
                if (random.nextInt(4) > 0) {
                    body.put("attachments", List.of(Map.of("componentCode", "TP02", "fileId",
                            TestDossiers.upload(who, "quet.pdf"))));
                }
            }
            default -> { }
        }
        return who.post("/api/v1/office/dossiers/" + code + "/actions", body);
    }
}
