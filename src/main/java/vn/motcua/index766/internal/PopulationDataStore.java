package vn.motcua.index766.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import vn.motcua.identity.IdentityFacts;
import vn.motcua.identity.NationalIdentity;
import vn.motcua.identity.NationalIdentityLinked;
import vn.motcua.integration.PopulationChecked;
import vn.motcua.integration.PopulationFacts;

/**
 * The index's own record of the facts behind indicators 4.5a/4.5b ({@link FactRules#populationDataUsed}), V62:
 * {@code index766_vneid_account} — the accounts linked to VNeID and since when, from the identity module's
 * {@link NationalIdentityLinked} events; {@code index766_population_check} — the dossiers (by code) whose applicant
 * the population database answered about, from the integration module's {@link PopulationChecked} events. Rebuilt by
 * the recount from {@link IdentityFacts} and {@link PopulationFacts}; the index never reads those modules' tables.
 */
@Component
public class PopulationDataStore {

    private final JdbcTemplate jdbc;
    private final IdentityFacts identities;
    private final PopulationFacts checks;

    PopulationDataStore(JdbcTemplate jdbc, IdentityFacts identities, PopulationFacts checks) {
        this.jdbc = jdbc;
        this.identities = identities;
        this.checks = checks;
    }

    /** Records VNeID links (in the caller's transaction); the earliest moment is kept. */
    public void recordLinks(List<NationalIdentityLinked> events) {
        List<Object[]> rows = events.stream().map(e -> new Object[] {e.accountId(), e.linkedAt()}).toList();
        jdbc.batchUpdate("insert into index766_vneid_account (account_id, linked_at) values (?, ?) "
                + "on conflict (account_id) do update set linked_at = least(index766_vneid_account.linked_at, "
                + "excluded.linked_at)", rows);
    }

    /** Records checks (in the caller's transaction); returns the codes of the dossiers with an answered one. */
    public Set<String> recordChecks(List<PopulationChecked> events) {
        Set<String> answered = new HashSet<>();
        List<Object[]> rows = new ArrayList<>();
        for (PopulationChecked e : events) {
            if (e.answered()) {
                answered.add(e.dossierCode());
                rows.add(new Object[] {e.dossierCode(), e.checkedAt()});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into index766_population_check (dossier_code, first_at) values (?, ?) "
                    + "on conflict (dossier_code) do update set first_at = least(index766_population_check.first_at, "
                    + "excluded.first_at)", rows);
        }
        return answered;
    }

    /** Since when each of these accounts is linked to VNeID (absent: never). */
    public Map<Long, OffsetDateTime> linkedAt(Collection<Long> accountIds) {
        Map<Long, OffsetDateTime> out = new HashMap<>();
        if (!accountIds.isEmpty()) {
            jdbc.query("select account_id, linked_at from index766_vneid_account where account_id = any(?)",
                    (RowCallbackHandler) rs -> out.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)),
                    (Object) accountIds.toArray(Long[]::new));
        }
        return out;
    }

    /** Of these dossier codes, those with an answered check. */
    public Set<String> answered(Collection<String> codes) {
        Set<String> out = new HashSet<>();
        if (!codes.isEmpty()) {
            jdbc.query("select dossier_code from index766_population_check where dossier_code = any(?)",
                    (RowCallbackHandler) rs -> out.add(rs.getString(1)), (Object) codes.toArray(String[]::new));
        }
        return out;
    }

    /**
     * For the recount (in its transaction): empties both tables, refills them from the identity and integration
     * modules' facts, and returns them in memory — the linked accounts as sorted ids with their moments (16 bytes an
     * account), the codes of the dossiers with an answered check (a hash set, ~100 bytes a dossier checked).
     */
    Known rebuild() {
        jdbc.execute("truncate index766_vneid_account, index766_population_check");
        List<Object[]> rows = new ArrayList<>();
        List<IdentityFacts.Linked> links = new ArrayList<>();
        identities.forEachLinked(l -> {
            links.add(l);
            rows.add(new Object[] {l.accountId(), l.linkedAt()});
            if (rows.size() == 5000) {
                flush("insert into index766_vneid_account (account_id, linked_at) values (?, ?)", rows);
            }
        });
        flush("insert into index766_vneid_account (account_id, linked_at) values (?, ?)", rows);
        links.sort(java.util.Comparator.comparingLong(IdentityFacts.Linked::accountId));
        long[] accounts = new long[links.size()];
        OffsetDateTime[] moments = new OffsetDateTime[links.size()];
        for (int i = 0; i < accounts.length; i++) {
            accounts[i] = links.get(i).accountId();
            moments[i] = links.get(i).linkedAt();
        }
        Set<String> answered = new HashSet<>();
        checks.forEachAnswered(a -> {
            answered.add(a.dossierCode());
            rows.add(new Object[] {a.dossierCode(), a.firstAt()});
            if (rows.size() == 5000) {
                flush("insert into index766_population_check (dossier_code, first_at) values (?, ?)", rows);
            }
        });
        flush("insert into index766_population_check (dossier_code, first_at) values (?, ?)", rows);
        return new Known(accounts, moments, answered);
    }

    /** What the recount knows: VNeID links (sorted account ids, their moments) and the dossiers checked with an answer. */
    record Known(long[] accounts, OffsetDateTime[] linkedAt, Set<String> answered) {

        /** Filed by an account verified with VNeID at the time ({@link NationalIdentity#verifiedWhenFiled}). */
        boolean vneid(Long accountId, OffsetDateTime submittedAt, OffsetDateTime receivedAt) {
            if (accountId == null) {
                return false;
            }
            int i = Arrays.binarySearch(accounts, accountId);
            return i >= 0 && NationalIdentity.verifiedWhenFiled(linkedAt[i], submittedAt, receivedAt);
        }
    }

    private void flush(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
            rows.clear();
        }
    }
}
