package vn.motcua.integration.population;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.integration.PopulationHistoryLoad;

/**
 * {@link PopulationHistoryLoad}: batched inserts into {@code population_check} with the columns
 * {@link PopulationChecks} writes for a dossier's check — an officer's ({@code forDossier}: the name and date of birth
 * given, no account) or the system's ({@code runSystemChecks}: the filer's account, the name, no date of birth, made by
 * {@value PopulationChecks#SYSTEM}) — without the citizen's consent (the registry's answer itself is not kept), from
 * the configured registry ({@link PopulationRegistry#source}).
 */
@Component
class PopulationHistoryLoader implements PopulationHistoryLoad {

    private final JdbcTemplate jdbc;
    private final PopulationRegistry registry;

    PopulationHistoryLoader(JdbcTemplate jdbc, PopulationRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
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
                    registry.source(), c.result(), c.mismatches().toArray(String[]::new), c.message()});
        }
        for (int from = 0; from < rows.size(); from += 2000) {
            jdbc.batchUpdate("""
                    insert into population_check (dossier_code, account_id, id_number, full_name, date_of_birth,
                        checked_at, checked_by, checked_by_name, source, result, mismatches, answer, consent, message)
                    values (?, ?, ?, ?, ?, ?, null, ?, ?, ?, cast(? as text[]), null, false, ?)""",
                    rows.subList(from, Math.min(rows.size(), from + 2000)));
        }
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
