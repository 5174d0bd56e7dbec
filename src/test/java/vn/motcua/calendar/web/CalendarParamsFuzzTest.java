package vn.motcua.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import java.time.ZoneId;
import vn.motcua.calendar.TimeUnit;

/**
 * Issue 17: the calendar API's parameters, whatever text arrives, give a value or a problem naming the field,
 * never an exception (an exception here is a 500 for the caller).
 */
@Tag("jazzer")
class CalendarParamsFuzzTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @FuzzTest(maxExecutions = 500_000, maxDuration = "120s")
    void everyParameterGivesAValueOrANamedProblem(FuzzedDataProvider data) {
        String text = data.consumeString(64);
        CalendarParams params = new CalendarParams();
        int parsed = 0;
        parsed += params.date("date", text) != null ? 1 : 0;
        parsed += params.integer("days", text) != null ? 1 : 0;
        parsed += params.bool("leap", text) != null ? 1 : 0;
        if (!text.isBlank()) {
            parsed += params.moment("receivedAt", text, ZONE) != null ? 1 : 0;
        }
        TimeUnit unit = params.unit("unit", text);
        parsed += params.channel("channel", text) != null ? 1 : 0;
        parsed += params.amount("amount", data.consumeRemainingAsString(),
                unit == null ? TimeUnit.WORKING_DAYS : unit) != null ? 1 : 0;
        assertThat(parsed).isLessThanOrEqualTo(6);
        if (!params.ok()) {
            assertThat(params).satisfies(p -> {
                try {
                    p.check();
                    throw new AssertionError("problems recorded but check() passed");
                } catch (vn.motcua.platform.ProblemException e) {
                    assertThat(e.status().value()).isEqualTo(400);
                }
            });
        }
    }
}
