package vn.motcua.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 8: the embedded PostgreSQL of the application (the one-command default a commune may run)
 * does not lose acknowledged dossiers on a power cut: the embedded library's test settings (-F, i.e. fsync off,
 * and synchronous_commit off) are overridden.
 */
class EmbeddedPostgresDurabilityTest {

    @Test
    void theDefaultEmbeddedServerSyncsEveryCommitToDisk() throws Exception {
        Path dir = Files.createTempDirectory("motcua-durable-pg");
        try (EmbeddedPostgres pg = EmbeddedPostgresEnvironment.builder(dir, 0).start();
             Connection c = pg.getPostgresDatabase().getConnection()) {
            assertThat(show(c, "fsync")).isEqualTo("on");
            assertThat(show(c, "synchronous_commit")).isEqualTo("on");
            assertThat(show(c, "full_page_writes")).isEqualTo("on");
        }
    }

    private static String show(Connection c, String setting) throws Exception {
        try (var st = c.createStatement(); var rs = st.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
