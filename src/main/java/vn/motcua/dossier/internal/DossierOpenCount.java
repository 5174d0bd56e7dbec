package vn.motcua.dossier.internal;

import java.util.Arrays;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.organization.AgencySucceeded;
import vn.motcua.organization.OpenDossiers;

/**
 * Unfinished dossiers of an agency (received by it, or at one of its steps): counted when an agency closes, and handed
 * over one by one through the rule book ({@link Transitions#handOver}) when a reorganisation names its successor.
 */
@Component
class DossierOpenCount implements OpenDossiers {

    private static final String[] OPEN = Arrays.stream(DossierStatus.values()).filter(s -> !s.terminal())
            .map(Enum::name).toArray(String[]::new);

    private final JdbcClient jdbc;
    private final Transitions transitions;

    DossierOpenCount(JdbcClient jdbc, Transitions transitions) {
        this.jdbc = jdbc;
        this.transitions = transitions;
    }

    @Override
    public long count(String agencyCode) {
        return jdbc.sql("""
                select count(*) from dossier
                where (agency_code = :a or current_step_agency = :a) and status = any(:open)""")
                .param("a", agencyCode).param("open", OPEN).query(Long.class).single();
    }

    /** Hands every unfinished dossier of the closed agency over to its successor (one history line each). */
    @EventListener
    void handOver(AgencySucceeded e) {
        List<String> codes = jdbc.sql("""
                select code from dossier
                where (agency_code = :a or current_step_agency = :a) and status = any(:open) order by id""")
                .param("a", e.fromAgency()).param("open", OPEN).query(String.class).list();
        for (String code : codes) {
            transitions.handOver(e.by(), code, e.fromAgency(), e.toAgency(), e.legalBasis());
        }
    }
}
