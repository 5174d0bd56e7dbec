package vn.motcua.integration.population;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.integration.PopulationHistoryLoad;
import vn.motcua.platform.db.CopyIn;

/**
 * {@link PopulationHistoryLoad}: COPY (in the caller's transaction) into {@code population_check} with the columns
 * {@link PopulationChecks} writes for a dossier's check — an officer's ({@code forDossier}: the name and date of birth
 * given, no account) or the system's ({@code runSystemChecks}: the filer's account, the name, no date of birth, made by
 * {@value PopulationChecks#SYSTEM}) — without the citizen's consent (the registry's answer itself is not kept), from
 * the configured registry ({@link PopulationRegistry#source}).
 */
@Component
class PopulationHistoryLoader implements PopulationHistoryLoad {

    private final JdbcTemplate jdbc;
    private final PopulationRegistry registry;
    private final DataSource dataSource;

    PopulationHistoryLoader(JdbcTemplate jdbc, PopulationRegistry registry, DataSource dataSource) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.dataSource = dataSource;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int loadChecks(List<PastCheck> checks) {
        if ("NONE".equals(registry.source()) || checks.isEmpty()) {
            return 0;
        }
        Set<String> already = new HashSet<>(jdbc.queryForList(
                "select distinct dossier_code from population_check where dossier_code = any(?)", String.class,
                (Object) checks.stream().map(PastCheck::dossierCode).distinct().toArray(String[]::new)));
        List<Object[]> rows = new ArrayList<>();
        for (PastCheck c : checks) {
            check(c);
            if (already.contains(c.dossierCode())) {
                continue;
            }
            boolean system = c.checkedByName() == null;
            rows.add(new Object[] {c.dossierCode(), system ? c.accountId() : null, c.idNumber(), c.fullName(),
                    system ? null : c.dateOfBirth(), c.checkedAt(), system ? PopulationChecks.SYSTEM : c.checkedByName(),
                    registry.source(), c.result(), c.mismatches(), false, c.message()});
        }
        CopyIn.rows(dataSource, "population_check", "dossier_code, account_id, id_number, full_name, date_of_birth, "
                + "checked_at, checked_by_name, source, result, mismatches, consent, message", rows);
        return rows.size();
    }

    private static void check(PastCheck c) {
        String where = "check of " + c.dossierCode() + ": ";
        PopulationChecks.Result result;
        try {
            result = PopulationChecks.Result.valueOf(String.valueOf(c.result()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "unknown result " + c.result());
        }
        if (c.dossierCode() == null || c.idNumber() == null || c.checkedAt() == null
                || (c.checkedByName() == null) == (c.accountId() == null)) {
            throw new IllegalArgumentException(where + "a dossier, a number, a moment, an officer or the filer's account");
        }
        if ((result == PopulationChecks.Result.MISMATCH) == c.mismatches().isEmpty()
                || !c.mismatches().stream().allMatch(m -> m.equals("fullName") || m.equals("dateOfBirth"))
                || (result == PopulationChecks.Result.NOT_DONE) == (c.message() == null)) {
            throw new IllegalArgumentException(where + "the mismatches and the message do not fit " + result);
        }
    }
}
