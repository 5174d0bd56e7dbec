package vn.motcua.identity.internal;

import java.time.OffsetDateTime;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import vn.motcua.identity.IdentityFacts;

/** {@link IdentityFacts} over {@code vneid_identity}. */
@Component
class IdentityFactsQuery implements IdentityFacts {

    private final JdbcTemplate jdbc;

    IdentityFactsQuery(JdbcTemplate jdbc) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(5000);
        this.jdbc.setQueryTimeout(0);
    }

    @Override
    public void forEachLinked(Consumer<Linked> each) {
        jdbc.query("select account_id, linked_at from vneid_identity", (RowCallbackHandler) rs -> each.accept(
                new Linked(rs.getLong(1), rs.getObject(2, OffsetDateTime.class))));
    }
}
