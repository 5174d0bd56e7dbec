package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.test.TestDossiers.MARITAL;
import static vn.motcua.test.TestDossiers.TAN_PHU;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * Every officer action × every situation × every role, through HTTP, against an expectation written here
 * independently of the rule book: allowed ones succeed; refused ones get 409 (or 400) and change nothing. Online
 * dossiers and paper ones (received at the counter, for which the one-stop records supplements and withdrawals).
 */
@IntegrationTest
class ActionMatrixTest {

    enum Situation {
        SUBMITTED, RECEIVED, AT_SPECIALIST, AT_LEADER, SUPPLEMENT_AT_RECEPTION, SUPPLEMENT_IN_PROCESSING,
        AWAITING_PAYMENT, COMPLETED, RETURNED, REFUSED, REJECTED, STOPPED, WITHDRAWN, COUNTER_RECEIVED,
        COUNTER_SUPPLEMENT_IN_PROCESSING
    }

    static final List<String> ACTIONS = List.of("ACCEPT", "REFUSE", "REQUEST_SUPPLEMENT", "SUPPLY", "ASSIGN",
            "FORWARD", "CONSULT", "ANSWER_CONSULTATION", "REJECT", "APOLOGIZE", "REQUEST_PAYMENT", "CONFIRM_PAYMENT",
            "WAIVE_PAYMENT", "COMPLETE", "RETURN_RESULT", "STOP", "WITHDRAW");

    /** R = reception officer, S = specialist, L = leader (all of Phường Tân Phú). */
    static final Map<Situation, Map<String, String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put(Situation.SUBMITTED, Map.of("ACCEPT", "R", "REFUSE", "R", "REQUEST_SUPPLEMENT", "R"));
        ALLOWED.put(Situation.RECEIVED, Map.of("FORWARD", "R", "ASSIGN", "L", "APOLOGIZE", "SL", "STOP", "L"));
        ALLOWED.put(Situation.AT_SPECIALIST, Map.of("REQUEST_SUPPLEMENT", "S", "FORWARD", "S", "ASSIGN", "SL",
                "CONSULT", "S", "REQUEST_PAYMENT", "S", "APOLOGIZE", "SL", "REJECT", "L", "STOP", "L"));
        ALLOWED.put(Situation.AT_LEADER, Map.of("REQUEST_SUPPLEMENT", "L", "ASSIGN", "L", "CONSULT", "L",
                "REQUEST_PAYMENT", "L", "APOLOGIZE", "SL", "REJECT", "L", "STOP", "L", "COMPLETE", "L"));
        ALLOWED.put(Situation.SUPPLEMENT_AT_RECEPTION, Map.of("REFUSE", "R"));
        ALLOWED.put(Situation.SUPPLEMENT_IN_PROCESSING, Map.of("APOLOGIZE", "SL", "STOP", "L"));
        ALLOWED.put(Situation.AWAITING_PAYMENT, Map.of("CONFIRM_PAYMENT", "RS", "WAIVE_PAYMENT", "L",
                "APOLOGIZE", "SL", "STOP", "L"));
        ALLOWED.put(Situation.COMPLETED, Map.of("RETURN_RESULT", "R"));
        ALLOWED.put(Situation.COUNTER_RECEIVED, Map.of("FORWARD", "R", "ASSIGN", "L", "APOLOGIZE", "SL", "STOP", "L",
                "WITHDRAW", "R"));
        ALLOWED.put(Situation.COUNTER_SUPPLEMENT_IN_PROCESSING, Map.of("SUPPLY", "R", "WITHDRAW", "R",
                "APOLOGIZE", "SL", "STOP", "L"));
        for (Situation s : List.of(Situation.RETURNED, Situation.REFUSED, Situation.REJECTED, Situation.STOPPED,
                Situation.WITHDRAWN)) {
            ALLOWED.put(s, Map.of());
        }
    }

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    vn.motcua.calendar.WorkingCalendar calendar;

    TestApi citizen;
    Map<Character, TestApi> officers;

    @BeforeEach
    void login() {
        TestApi api = new TestApi(port);
        citizen = api.as("congdan1");
        officers = Map.of('R', api.as("tiepnhan.tanphu"), 'S', api.as("chuyenvien.tanphu"), 'L', api.as("lanhdao.tanphu"));
    }

    @Test
    void everyActionInEverySituationForEveryRole() {
        int allowed = 0;
        int refused = 0;
        for (Situation situation : Situation.values()) {
            JsonNode spare = reach(situation);
            for (String action : ACTIONS) {
                for (char role : new char[] {'R', 'S', 'L'}) {
                    boolean expected = ALLOWED.get(situation).getOrDefault(action, "").indexOf(role) >= 0;
                    JsonNode d = expected ? reach(situation) : spare;
                    var r = act(officers.get(role), d, action, payload(action, d, officers.get(role)));
                    String what = situation + " / " + action + " by " + role + ": " + r;
                    if (expected) {
                        assertThat(r.status()).as(what).isEqualTo(200);
                        allowed++;
                    } else {
                        assertThat(r.status()).as(what).isIn(400, 404, 409);
                        JsonNode after = officers.get('R').get("/api/v1/office/dossiers/" + d.get("code").asString()).json();
                        if (after.has("version")) {
                            assertThat(after.get("version").asInt()).as("nothing changed: " + what)
                                    .isEqualTo(d.get("version").asInt());
                        }
                        refused++;
                    }
                }
            }
        }
        assertThat(allowed).isEqualTo(ALLOWED.values().stream().mapToInt(m -> m.values().stream()
                .mapToInt(String::length).sum()).sum());
        assertThat(refused).isGreaterThan(500);
    }

    JsonNode reach(Situation s) {
        TestApi r = officers.get('R');
        TestApi sp = officers.get('S');
        TestApi l = officers.get('L');
        if (s == Situation.COUNTER_RECEIVED || s == Situation.COUNTER_SUPPLEMENT_IN_PROCESSING) {
            JsonNode c = r.post("/api/v1/office/dossiers", TestDossiers.body(r, MARITAL, TAN_PHU,
                    TestDossiers.phone())).json();
            return s == Situation.COUNTER_RECEIVED ? c : ok(sp, ok(r, c, "FORWARD", Map.of()), "REQUEST_SUPPLEMENT",
                    Map.of("reason", "Thiếu giấy tờ"));
        }
        JsonNode d = citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, MARITAL, TAN_PHU,
                TestDossiers.phone())).json();
        switch (s) {
            case SUBMITTED -> {
                return d;
            }
            case SUPPLEMENT_AT_RECEPTION -> {
                return ok(r, d, "REQUEST_SUPPLEMENT", Map.of("reason", "Thiếu giấy tờ"));
            }
            case REFUSED -> {
                return ok(r, d, "REFUSE", Map.of("reason", "Không thuộc thẩm quyền"));
            }
            case WITHDRAWN -> {
                return citizen.post("/api/v1/dossiers/" + d.get("code").asString() + "/withdraw",
                        Map.of("version", d.get("version").asInt())).json();
            }
            default -> { }
        }
        d = ok(r, d, "ACCEPT", Map.of());
        if (s == Situation.RECEIVED) {
            return d;
        }
        d = ok(r, d, "FORWARD", Map.of());
        switch (s) {
            case AT_SPECIALIST -> {
                return d;
            }
            case SUPPLEMENT_IN_PROCESSING -> {
                return ok(sp, d, "REQUEST_SUPPLEMENT", Map.of("reason", "Thiếu giấy tờ"));
            }
            case AWAITING_PAYMENT -> {
                return ok(sp, d, "REQUEST_PAYMENT", Map.of());
            }
            case STOPPED -> {
                return ok(l, d, "STOP", Map.of("reason", "Dừng"));
            }
            default -> { }
        }
        d = ok(sp, d, "FORWARD", Map.of());
        if (s == Situation.AT_LEADER) {
            return d;
        }
        if (s == Situation.REJECTED) {
            return ok(l, d, "REJECT", Map.of("reason", "Không đủ điều kiện"));
        }
        d = ok(l, d, "COMPLETE", Map.of("attachments", List.of(Map.of("fileId", TestDossiers.upload(l, "kq.pdf")))));
        if (s == Situation.COMPLETED) {
            return d;
        }
        return ok(r, d, "RETURN_RESULT", Map.of());
    }

    Map<String, Object> payload(String action, JsonNode d, TestApi as) {
        Map<String, Object> p = new HashMap<>();
        p.put("reason", "Lý do kiểm thử " + action);
        switch (action) {
            case "REQUEST_SUPPLEMENT" -> p.put("items", List.of("Bản sao giấy tờ"));
            case "ASSIGN" -> p.put("assignee", "LEADER".equals(text(d, "currentStepRole")) ? "lanhdao.tanphu"
                    : "chuyenvien.tanphu");
            case "CONSULT" -> p.put("agencyCode", "70.689.MC");
            case "APOLOGIZE" -> {
                String due = text(d, "dueAt");
                p.put("newDueAt", TestDossiers.newDue(calendar, due == null ? OffsetDateTime.now().toString() : due, 3));
            }
            case "SUPPLY", "WITHDRAW" -> p.put("attachments", List.of(Map.of("componentCode", "TP02",
                    "fileId", TestDossiers.upload(as, "quet.pdf"))));
            case "REQUEST_PAYMENT" -> p.put("amount", 8000);
            case "COMPLETE" -> p.put("attachments", List.of(Map.of("fileId", TestDossiers.upload(as, "kq.pdf"))));
            default -> { }
        }
        return p;
    }

    static String text(JsonNode d, String field) {
        JsonNode v = d.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    static JsonNode ok(TestApi who, JsonNode d, String action, Map<String, Object> extra) {
        var r = act(who, d, action, extra);
        assertThat(r.status()).as(action + " " + r).isEqualTo(200);
        return r.json();
    }

    static TestApi.Response act(TestApi who, JsonNode d, String action, Map<String, Object> extra) {
        var body = new HashMap<>(extra);
        body.put("action", action);
        body.put("version", d.get("version").asInt());
        return who.post("/api/v1/office/dossiers/" + d.get("code").asString() + "/actions", body);
    }

}
