package vn.motcua.integration.population;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.ApplicantRegisterChecks;

/** {@link ApplicantRegisterChecks}: the {@code population_check} rows recorded with a dossier, for its officer's page. */
@Component
class PopulationChecksOfDossier implements ApplicantRegisterChecks {

    private final JdbcClient jdbc;

    PopulationChecksOfDossier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Line> of(String dossierCode) {
        return jdbc.sql("""
                select checked_at, id_number, checked_by_name, result, mismatches, message from population_check
                where dossier_code = :c order by checked_at, id""")
                .param("c", dossierCode)
                .query((rs, i) -> {
                    java.sql.Array mis = rs.getArray(5);
                    return new Line(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), mis == null ? List.of() : List.of((String[]) mis.getArray()),
                            rs.getString(6));
                }).list();
    }
}
