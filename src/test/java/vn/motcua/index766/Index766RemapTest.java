package vn.motcua.index766;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.index766.internal.IndexService;
import vn.motcua.index766.internal.Numbers;
import vn.motcua.organization.Organization;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

/**
 * The 766 index of a period by the units in force then (the dossiers' own units) and re-mapped to today's units of the
 * 1 July 2025 reorganisation: Phường Bình Phước (25195 today) = the six communes it was formed from.
 */
@IntegrationTest
class Index766RemapTest {

    @LocalServerPort
    int port;

    @Autowired
    IndexService index;

    @Autowired
    Organization organization;

    @Test
    void aPeriodByOldUnitsAndReMappedToTodaysUnits() {
        List<String> olds = organization.predecessors("25195");
        assertThat(olds).containsExactlyInAnyOrder("25195", "25198", "25201", "25204", "25205", "25213");
        TestApi citizen = new TestApi(port).as("congdan2");
        assertThat(citizen.post("/api/v1/dossiers", TestDossiers.body(citizen, TestDossiers.MARITAL,
                "70.689.25213.MC", "0987654321")).status()).isEqualTo(201);

        for (String period : new String[] {"2025-06", index.currentMonth().toString()}) {
            Period p = index.period(period);
            Numbers today = index.numbersToday("25195", p);
            long[] r = new long[today.r().length];
            long[] f = new long[today.f().length];
            long[] o = new long[today.o().length];
            for (String old : olds) {
                Numbers n = index.numbers(index.unit(old, Locale.of("vi")), p);
                for (int i = 0; i < r.length; i++) {
                    r[i] += n.r()[i];
                    f[i] += n.f()[i];
                    o[i] += n.o()[i];
                }
            }
            assertThat(today.r()).as(period + " received").isEqualTo(r);
            assertThat(today.f()).as(period + " finished").isEqualTo(f);
            assertThat(today.o()).as(period + " open").isEqualTo(o);
        }

        TestApi api = new TestApi(port);
        JsonNode byOld = api.get("/api/v1/index766?unit=25195&period=2025-06").json();
        assertThat(byOld.get("unitName").asString()).isEqualTo("Phường Tân Phú");
        JsonNode remapped = api.get("/api/v1/index766?unit=25195&period=2025-06&units=TODAY").json();
        assertThat(remapped.get("unitName").asString()).isEqualTo("Phường Bình Phước");
        assertThat(remapped.get("period").asString()).isEqualTo("2025-06");
        assertThat(api.get("/api/v1/index766?unit=75&units=TODAY").json().get("unitName").asString())
                .isEqualTo("Tỉnh Đồng Nai");
        assertThat(api.get("/api/v1/index766?unit=25195&units=SOMETIMES").status()).isEqualTo(400);
    }
}
