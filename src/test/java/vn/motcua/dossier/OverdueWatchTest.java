package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.dossier.internal.OverdueWatch;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;
import vn.motcua.test.TestDossiers;

@IntegrationTest
class OverdueWatchTest {

    @LocalServerPort
    int port;

    @Autowired
    OverdueWatch watch;

    @Autowired
    JdbcClient jdbc;

    @Test
    void overdueDossiersAreFlaggedOnceAndTheAssigneeAndLeadersAreTold() {
        TestApi api = new TestApi(port);
        TestApi desk = api.as("tiepnhan.tanphu");
        JsonNode d = desk.post("/api/v1/office/dossiers", TestDossiers.body(desk, TestDossiers.MARITAL,
                TestDossiers.TAN_PHU, TestDossiers.phone())).json();
        d = ProcessingApiTest.act(desk, d, "FORWARD", Map.of());
        d = ProcessingApiTest.act(api.as("lanhdao.tanphu"), d, "ASSIGN", Map.of("assignee", "chuyenvien.tanphu"));
        String code = d.get("code").asString();
        // the due moment passed (a dossier received weeks ago)
        jdbc.sql("update dossier set due_at = :due where code = :c").param("due", OffsetDateTime.now().minusDays(2))
                .param("c", code).update();
        assertThat(watch.run()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select overdue_notified_at is not null from dossier where code = :c").param("c", code)
                .query(Boolean.class).single()).isTrue();
        long toAssignee = jdbc.sql("""
                select count(*) from notification n join account a on a.id = n.account_id
                where n.dossier_code = :c and a.username = 'chuyenvien.tanphu' and n.event = 'OVERDUE'""")
                .param("c", code).query(Long.class).single();
        long toLeader = jdbc.sql("""
                select count(*) from notification n join account a on a.id = n.account_id
                where n.dossier_code = :c and a.username = 'lanhdao.tanphu' and n.event = 'OVERDUE_LEADER'""")
                .param("c", code).query(Long.class).single();
        assertThat(toAssignee).isPositive();
        assertThat(toLeader).isPositive();
        watch.run();
        assertThat(jdbc.sql("select count(*) from notification where dossier_code = :c and event = 'OVERDUE'")
                .param("c", code).query(Long.class).single()).as("told once").isEqualTo(toAssignee);
        var overdue = desk.get("/api/v1/office/dossiers?view=OVERDUE&size=100").json();
        assertThat(overdue.get("items").toString()).contains(code);
    }

    @Test
    void dossiersDueWithinAWorkingDayAreFlaggedDueSoon() {
        TestApi desk = new TestApi(port).as("tiepnhan.tanphu");
        JsonNode d = desk.post("/api/v1/office/dossiers", TestDossiers.body(desk, TestDossiers.MARITAL,
                TestDossiers.TAN_PHU, TestDossiers.phone())).json();
        String code = d.get("code").asString();
        jdbc.sql("update dossier set due_at = :due where code = :c").param("due", OffsetDateTime.now().plusMinutes(30))
                .param("c", code).update();
        watch.run();
        assertThat(jdbc.sql("select due_soon from dossier where code = :c").param("c", code).query(Boolean.class).single())
                .isTrue();
    }
}
