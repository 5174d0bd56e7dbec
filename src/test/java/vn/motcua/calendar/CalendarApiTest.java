package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;

/** The public calendar API of shared/design/API.md, on the demo data, through HTTP. */
@IntegrationTest
class CalendarApiTest {

    @LocalServerPort
    int port;

    private TestApi api() {
        return new TestApi(port);
    }

    private static Map<String, String> kinds(JsonNode days) {
        JsonNode items = days.isArray() ? days : days.get("items");
        Map<String, String> out = new HashMap<>();
        items.forEach(d -> out.put(d.get("date").asString(), d.get("kind").asString()));
        return out;
    }

    @Test
    void lunarAndSolar() {
        JsonNode lunar = api().get("/api/v1/calendar/lunar?date=2025-01-29").json();
        assertThat(lunar.get("day").asInt()).isEqualTo(1);
        assertThat(lunar.get("month").asInt()).isEqualTo(1);
        assertThat(lunar.get("year").asInt()).isEqualTo(2025);
        assertThat(lunar.get("leap").asBoolean()).isFalse();
        assertThat(lunar.get("yearName").asString()).isEqualTo("Ất Tỵ");
        assertThat(api().get("/api/v1/calendar/solar?day=10&month=3&year=2026&leap=false").json().get("date")
                .asString()).isEqualTo("2026-04-26");
        assertThat(api().get("/api/v1/calendar/solar?day=1&month=1&year=1985").json().get("date").asString())
                .isEqualTo("1985-01-21");
        assertThat(api().get("/api/v1/calendar/solar?day=1&month=6&year=2025&leap=true").json().get("date").asString())
                .isEqualTo("2025-07-25");
        JsonNode leap = api().get("/api/v1/calendar/lunar?date=2025-07-25").json();
        assertThat(leap.get("leap").asBoolean()).isTrue();
        assertThat(leap.get("month").asInt()).isEqualTo(6);
    }

    @Test
    void daysOfAYearWithTheDemoSchedules() {
        TestApi.Response r = api().get("/api/v1/calendar/days?from=2025-01-01&to=2025-12-31");
        assertThat(r.status()).isEqualTo(200);
        Map<String, String> kinds = kinds(r.json());
        assertThat(kinds.get("2025-01-27")).isIn("HOLIDAY", "COMPENSATORY");
        assertThat(kinds.get("2025-04-26")).isEqualTo("SWAPPED_WORKDAY");
        assertThat(kinds.get("2025-05-02")).isEqualTo("HOLIDAY");
        assertThat(kinds.get("2025-01-25")).isEqualTo("WEEKEND");
        assertThat(kinds).doesNotContainKey("2025-01-24");
        JsonNode first = r.json().get(0);
        assertThat(first.get("date").asString()).isEqualTo("2025-01-01");
        assertThat(first.get("name").asString()).isNotBlank();
        assertThat(first.get("source").asString()).isNotBlank();
        // 2023: the combined Giỗ Tổ + 30/4 + 1/5 schedule, split by holiday; 2026: New Year's swapped Saturday;
        // National Day 2026 is unconfirmed, so the default 2/9 and 3/9 hold
        Map<String, String> y2023 = kinds(api().get("/api/v1/calendar/days?from=2023-04-29&to=2023-05-03").json());
        assertThat(y2023).containsEntry("2023-05-01", "HOLIDAY").containsEntry("2023-05-02", "COMPENSATORY")
                .containsEntry("2023-05-03", "COMPENSATORY");
        Map<String, String> y2026 = kinds(api().get("/api/v1/calendar/days?from=2026-01-01&to=2026-12-31").json());
        assertThat(y2026).containsEntry("2026-01-10", "SWAPPED_WORKDAY").containsEntry("2026-02-16", "HOLIDAY")
                .containsEntry("2026-04-27", "COMPENSATORY").containsEntry("2026-09-02", "HOLIDAY")
                .containsEntry("2026-09-03", "HOLIDAY");
        assertThat(api().inEnglish().get("/api/v1/calendar/days?from=2031-05-03&to=2031-05-03").json().get(0)
                .get("name").asString()).isEqualTo("Saturday");
    }

    @Test
    void theWorkedDeadlineExamples() {
        JsonNode d = api().get("/api/v1/calendar/deadline?receivedAt=2031-04-29T10:00:00%2B07:00&amount=3"
                + "&unit=WORKING_DAYS&channel=COUNTER").json();
        assertThat(OffsetDateTime.parse(d.get("dueAt").asString())).isEqualTo("2031-05-06T10:00+07:00");
        assertThat(d.get("dueAt").asString()).endsWith("+07:00");
        assertThat(OffsetDateTime.parse(d.get("startsAt").asString())).isEqualTo("2031-04-29T10:00+07:00");
        assertThat(d.get("dueText").asString()).isEqualTo("10:00 thứ Ba 06/05/2031");
        assertThat(d.get("explanation").size()).isGreaterThanOrEqualTo(3);
        JsonNode same = api().get("/api/v1/calendar/deadline?receivedAt=2031-04-29T15:30:00%2B07:00&unit=SAME_DAY"
                + "&channel=ONLINE").json();
        assertThat(OffsetDateTime.parse(same.get("startsAt").asString())).isEqualTo("2031-05-02T07:00+07:00");
        assertThat(OffsetDateTime.parse(same.get("dueAt").asString())).isEqualTo("2031-05-02T17:00+07:00");
        // an unencoded '+' arrives as a space; another offset is converted
        JsonNode plus = api().get("/api/v1/calendar/deadline?receivedAt=2031-04-29T10:00+07:00&amount=3"
                + "&unit=WORKING_DAYS").json();
        assertThat(plus.get("dueAt").asString()).isEqualTo("2031-05-06T10:00:00+07:00");
        JsonNode utc = api().get("/api/v1/calendar/deadline?receivedAt=2031-04-29T03:00:00Z&amount=0.5"
                + "&unit=WORKING_DAYS&channel=POSTAL").json();
        assertThat(utc.get("dueAt").asString()).isEqualTo("2031-04-29T16:00:00+07:00");
        JsonNode english = api().inEnglish().get("/api/v1/calendar/deadline?receivedAt=2031-04-29T10:00:00%2B07:00"
                + "&amount=3&unit=WORKING_DAYS").json();
        assertThat(english.get("dueText").asString()).isEqualTo("10:00 Tuesday 06/05/2031");
        assertThat(english.get("explanation").get(english.get("explanation").size() - 1).asString())
                .isEqualTo("Due: 10:00 Tuesday 06/05/2031.");
    }

    @Test
    void theCalendarApiIsPublishedInOpenApi() {
        String docs = api().get("/v3/api-docs").text();
        assertThat(docs).contains("/api/v1/calendar/lunar", "/api/v1/calendar/solar", "/api/v1/calendar/days",
                "/api/v1/calendar/deadline", "/api/v1/admin/calendar/years/{year}/schedules/{holiday}");
    }

    private static void assertProblem(TestApi.Response r, String field, String messagePart) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.header("content-type")).startsWith("application/problem+json");
        JsonNode errors = r.json().get("errors");
        assertThat(errors).as(r.toString()).isNotNull();
        assertThat(errors.get(0).get("field").asString()).as(r.toString()).isEqualTo(field);
        assertThat(errors.get(0).get("message").asString()).as(r.toString()).contains(messagePart);
    }

    @Test
    void badInputIsA400NamingTheParameterInVietnamese() {
        assertProblem(api().get("/api/v1/calendar/lunar?date=2025-02-30"), "date", "không tồn tại");
        assertProblem(api().get("/api/v1/calendar/lunar?date=29-02-2025x"), "date", "định dạng");
        assertProblem(api().get("/api/v1/calendar/lunar"), "date", "bắt buộc");
        assertProblem(api().get("/api/v1/calendar/solar?day=30&month=12&year=2024"), "day",
                "Tháng 12 âm lịch năm 2024 chỉ có 29 ngày");
        assertProblem(api().get("/api/v1/calendar/solar?day=30&month=6&year=2025&leap=true"), "day",
                "Tháng 6 nhuận âm lịch năm 2025 chỉ có 29 ngày");
        assertProblem(api().get("/api/v1/calendar/solar?day=1&month=3&year=2026&leap=true"), "leap",
                "Năm 2026 âm lịch không có tháng nhuận");
        assertProblem(api().get("/api/v1/calendar/solar?day=1&month=2&year=2025&leap=true"), "leap",
                "nhuận tháng 6");
        assertProblem(api().get("/api/v1/calendar/solar?day=1&month=13&year=2025"), "month", "từ 1 đến 12");
        assertProblem(api().get("/api/v1/calendar/solar?day=x&month=1&year=2025"), "day", "không phải số nguyên");
        assertProblem(api().get("/api/v1/calendar/solar?day=1&month=1&year=2025&leap=maybe"), "leap", "true");
        assertProblem(api().get("/api/v1/calendar/days?from=2025-12-31&to=2025-01-01"), "to", "không trước");
        assertProblem(api().get("/api/v1/calendar/days?from=2025-01-01&to=2030-01-01"), "to", "5 năm");
        assertThat(api().get("/api/v1/calendar/days?from=2025-01-01&to=2029-12-31").status()).isEqualTo(200);
        assertProblem(api().get("/api/v1/calendar/deadline?receivedAt=2031-04-29T10:00:00%2B07:00&amount=3"
                + "&unit=FORTNIGHTS"), "unit", "WORKING_DAYS");
        assertProblem(api().get("/api/v1/calendar/deadline?receivedAt=2031-04-29T10:00:00%2B07:00&amount=-1"
                + "&unit=DAYS"), "amount", "từ 0");
        assertProblem(api().get("/api/v1/calendar/deadline?receivedAt=2031-04-29T10:00:00%2B07:00&amount=abc"
                + "&unit=DAYS"), "amount", "không phải là số");
        assertProblem(api().get("/api/v1/calendar/deadline?receivedAt=2031-04-29T10:00:00%2B07:00"
                + "&unit=WORKING_DAYS"), "amount", "Cần nhập thời hạn");
        assertProblem(api().get("/api/v1/calendar/deadline?receivedAt=yesterday&amount=1&unit=DAYS"), "receivedAt",
                "ISO-8601");
        assertProblem(api().get("/api/v1/calendar/deadline?receivedAt=2031-04-29T10:00:00%2B07:00&amount=1"
                + "&unit=DAYS&channel=PIGEON"), "channel", "COUNTER");
        TestApi.Response english = api().inEnglish().get("/api/v1/calendar/lunar?date=2025-02-30");
        assertThat(english.json().get("errors").get(0).get("message").asString()).contains("does not exist");
    }
}
