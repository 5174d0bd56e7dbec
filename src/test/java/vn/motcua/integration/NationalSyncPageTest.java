package vn.motcua.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;

/** The administrator's sync page: backlog, the dead letters with "resend", one dossier's changes; admins only. */
@IntegrationTest
class NationalSyncPageTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorSeesTheDeadLettersAndResendsOne() {
        String code = "H10.TEST-" + System.nanoTime();
        long id = jdbc.sql("""
                insert into national_sync_change (dossier_code, action, national_status, payload, status, attempts,
                    refusals, last_error, next_attempt, created_at)
                values (:c, 'RECEIVE', 2, '{}', 'DEAD', 3, 3, 'error_code 1: Dữ liệu không hợp lệ', :t, :t)
                returning id""").param("c", code).param("t", OffsetDateTime.now()).query(Long.class).single();
        PageSession admin = new PageSession(port).logIn("admin");
        var page = admin.get("/quan-tri/dong-bo-dvcqg");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("Thay đổi bị từ chối", code, "Dữ liệu không hợp lệ", "Gửi lại");
        var one = admin.get("/quan-tri/dong-bo-dvcqg?code=" + code);
        assertThat(one.html()).contains("Cổng DVCQG chưa nhận hồ sơ này", "Bị từ chối");
        var resent = admin.post("/quan-tri/dong-bo-dvcqg/gui-lai/" + id, Map.of());
        assertThat(resent.html()).contains("Đã đưa thay đổi trở lại đầu hàng đợi");
        assertThat(jdbc.sql("select status from national_sync_change where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("PENDING");
        jdbc.sql("update national_sync_change set status = 'SKIPPED' where id = :id").param("id", id).update();

        var officer = new PageSession(port).logIn("tiepnhan.tanphu").get("/quan-tri/dong-bo-dvcqg");
        assertThat(officer.status()).as("administrators only").isIn(403, 302);
    }
}
