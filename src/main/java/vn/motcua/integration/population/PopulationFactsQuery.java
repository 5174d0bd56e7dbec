package vn.motcua.integration.population;

import java.time.OffsetDateTime;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import vn.motcua.integration.PopulationFacts;

/** {@link PopulationFacts} over {@code population_check}: answered = {@link PopulationChecks.Result#answered}. */
@Component
class PopulationFactsQuery implements PopulationFacts {

    private final JdbcTemplate jdbc;

    PopulationFactsQuery(JdbcTemplate jdbc) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(5000);
        this.jdbc.setQueryTimeout(0);
    }

    @Override
    public void forEachAnswered(Consumer<Answered> each) {
        jdbc.query("select dossier_code, min(checked_at) from population_check where dossier_code is not null "
                + "and result = any(?) group by dossier_code", (RowCallbackHandler) rs -> each.accept(
                new Answered(rs.getString(1), rs.getObject(2, OffsetDateTime.class))),
                (Object) PopulationChecks.Result.answeredNames());
    }
}
