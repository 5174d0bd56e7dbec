package vn.motcua.payment.internal;

import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import vn.motcua.payment.PaymentFacts;

/** {@link PaymentFacts} over {@code payment_transaction}: paid online = method ONLINE and status paid. */
@Component
class PaymentFactsQuery implements PaymentFacts {

    private final JdbcTemplate jdbc;

    PaymentFactsQuery(JdbcTemplate jdbc) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(5000);
        this.jdbc.setQueryTimeout(0);
    }

    @Override
    public void forEachPaidOnline(Consumer<PaidOnline> each) {
        jdbc.query("select id, dossier_id, gateway from payment_transaction where method = 'ONLINE' "
                + "and status in ('SUCCEEDED', 'REFUND_REQUESTED')", (RowCallbackHandler) rs -> each.accept(
                new PaidOnline(rs.getString("id"), rs.getLong("dossier_id"), rs.getString("gateway"))));
    }
}
