package vn.motcua.identity.internal;

import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.platform.Role;

/**
 * Outside the demo, the first administrator is created from {@code motcua.admin.initial-password} (for
 * example {@code MOTCUA_ADMIN_INITIAL_PASSWORD}) when no administrator exists yet.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    private static final Log log = LogFactory.getLog(AdminBootstrap.class);
    private final JdbcClient jdbc;
    private final AccountService accounts;
    private final String initialPassword;

    AdminBootstrap(JdbcClient jdbc, AccountService accounts,
                   @Value("${motcua.admin.initial-password:}") String initialPassword) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.initialPassword = initialPassword;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (initialPassword.isBlank()) {
            return;
        }
        long admins = jdbc.sql("""
                select count(*) from account a join account_role r on r.account_id = a.id
                where r.role = 'ADMIN' and not a.demo""").query(Long.class).single();
        if (admins == 0 && !accounts.exists("quantri")) {
            accounts.create("quantri", initialPassword, "Quản trị hệ thống", null, null, "ADMIN", null,
                    Set.of(Role.ADMIN), false);
            log.info("Created the first administrator account 'quantri'");
        }
    }
}
