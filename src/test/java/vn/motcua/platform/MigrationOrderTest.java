package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Migration numbers are reserved per person in ranges (V21–V24, V32–V34, …) below ones already applied (V60): a
 * database that already ran them (the embedded default keeps data/postgres) must still take the new lower ones. With
 * Flyway's default it refuses to start ("resolved migration not applied"); {@code spring.flyway.out-of-order=true}
 * (application.properties) applies them. Checked on a scratch database of the local PostgreSQL: migrate all, forget
 * V32–V34 as if they were new, then validate (refused without out-of-order) and migrate (applied with it).
 */
class MigrationOrderTest {

    private static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/";

    @Test
    void migrationsNumberedBelowTheAppliedOnesAreAppliedToAnExistingDatabase() throws Exception {
        String name = "motcua_t_order_" + ProcessHandle.current().pid();
        try (Connection c = admin()) {
            c.createStatement().execute("drop database if exists " + name + " with (force)");
            c.createStatement().execute("create database " + name + " encoding 'UTF8' template template0");
        }
        String url = LOCAL + name;
        try {
            Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load().migrate();
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                c.createStatement().execute("delete from flyway_schema_history where version in ('32', '33', '34')");
                c.createStatement().execute("drop table index766_payment, payment_e_receipt, payment_receipt_summary");
            }
            assertThatThrownBy(() -> Flyway.configure().dataSource(url, "postgres", "")
                    .locations("classpath:db/migration").load().migrate())
                    .as("Flyway's default refuses").hasMessageContaining("not applied");
            var result = Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration")
                    .outOfOrder(true).load().migrate();
            assertThat(result.migrationsExecuted).isEqualTo(3);
            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                 var rs = c.createStatement().executeQuery("select to_regclass('index766_payment') is not null "
                         + "and to_regclass('payment_e_receipt') is not null "
                         + "and to_regclass('payment_receipt_summary') is not null")) {
                assertThat(rs.next() && rs.getBoolean(1)).isTrue();
            }
        } finally {
            try (Connection c = admin()) {
                c.createStatement().execute("drop database if exists " + name + " with (force)");
            }
        }
        Properties app = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            app.load(in);
        }
        assertThat(app.getProperty("spring.flyway.out-of-order")).isEqualTo("true");
    }

    private static Connection admin() throws SQLException {
        try {
            return DriverManager.getConnection(LOCAL + "postgres", "postgres", "");
        } catch (SQLException e) {
            Assumptions.abort("no local PostgreSQL at 127.0.0.1:5432");
            throw e;
        }
    }
}
