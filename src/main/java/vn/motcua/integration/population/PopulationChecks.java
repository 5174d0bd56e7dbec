package vn.motcua.integration.population;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierContent;
import vn.motcua.dossier.DossierContents;
import vn.motcua.identity.Accounts;
import vn.motcua.identity.CitizenProfile;
import vn.motcua.identity.PersonalIdNumber;
import vn.motcua.platform.Actor;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.outbox.Outbox;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.integration.PopulationChecked;

/**
 * Checks applicants against the national population database and records each check as made: what was asked, when,
 * by whom, and the answer. The registry being away never stops intake: the check is recorded "not done" with the
 * reason. The registry's answer is kept (and given back for pre-filling forms) only with the citizen's consent.
 */
@Service
public class PopulationChecks {

    private static final Log log = LogFactory.getLog(PopulationChecks.class);
    /** A check made before filing is linked to the dossier filed within this time. */
    static final Duration LINK_WINDOW = Duration.ofHours(24);

    private final PopulationRegistry registry;
    private final PopulationProperties properties;
    private final DossierContents dossiers;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Outbox outbox;
    private final TransactionTemplate tx;

    PopulationChecks(PopulationRegistry registry, PopulationProperties properties, DossierContents dossiers,
                     Accounts accounts, JdbcClient jdbc, JsonMapper json, Clock clock, Outbox outbox,
                     TransactionTemplate tx) {
        this.outbox = outbox;
        this.tx = tx;
        this.registry = registry;
        this.properties = properties;
        this.dossiers = dossiers;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** MATCH: the registry knows the number with the same name and date of birth; NOT_DONE: the registry was away. */
    public enum Result {
        MATCH, MISMATCH, NOT_FOUND, NOT_DONE;

        /**
         * The policy "population data used for the dossier" (one place for the national sync's DSKetNoiCSDL and the
         * 766 indicators 4.5a/4.5b, Decision 766/QĐ-TTg: "hồ sơ có sử dụng thông tin, dữ liệu dân cư"; the
         * connection to the national population database of Decree 104/2022/NĐ-CP and Law on Identification
         * 26/2023/QH15): the registry answered about the applicant — the same person (MATCH) or a person whose
         * name or date of birth differ from those given (MISMATCH, the registry's data used to find it). A number
         * the registry does not know (NOT_FOUND) gives no data; a registry away (NOT_DONE) was not consulted.
         */
        public boolean answered() {
            return this == MATCH || this == MISMATCH;
        }

        /** The results that {@link #answered}, as SQL text values. */
        static String[] answeredNames() {
            return java.util.Arrays.stream(values()).filter(Result::answered).map(Enum::name).toArray(String[]::new);
        }
    }

    /** What to check: the number, and the name and date of birth the applicant gave (optional). */
    public record Request(String idNumber, String fullName, LocalDate dateOfBirth, boolean consent) {
    }

    /**
     * A check as recorded.
     *
     * @param mismatches the fields given that differ from the registry (fullName, dateOfBirth)
     * @param answer     the registry's answer, only with the citizen's consent
     * @param message    why the check was not done
     */
    public record Check(long id, String dossierCode, String idNumber, OffsetDateTime checkedAt, String checkedBy,
                        String source, Result result, List<String> mismatches, RegistryPerson answer, boolean consent,
                        String message) {
    }

    /** An officer checks a dossier's applicant; recorded with the dossier. */
    public Check forDossier(String code, Actor officer, boolean consent) {
        DossierContent d = dossiers.forOfficer(code, officer)
                .orElseThrow(() -> ProblemException.notFound("dossier.notFound", code));
        Applicant a = d.applicant();
        if (a == null || a.idNumber() == null) {
            throw ProblemException.invalid("idNumber", "population.check.noIdNumber");
        }
        return check(new Request(a.idNumber(), a.fullName(), a.dateOfBirth(), consent), code, null, officer);
    }

    /** An officer checks a person at the counter before the dossier exists (linked when it is received). */
    public Check atIntake(Request r, Actor officer) {
        valid(r);
        return check(r, null, null, officer);
    }

    /**
     * A citizen asks for their own data to pre-fill a form: needs their consent and an account verified with VNeID,
     * whose number is looked up (issue 14). A number only typed into a profile proves nothing: looking it up would
     * give anybody the registry's record of anybody (403).
     */
    public Check forCitizen(Actor citizen, boolean consent) {
        if (!consent) {
            throw ProblemException.invalid("consent", "population.check.consentRequired");
        }
        vn.motcua.identity.NationalIdentity verified = accounts.nationalIdentity(citizen.accountId())
                .orElseThrow(() -> ProblemException.forbidden("population.prefill.vneidOnly"));
        CitizenProfile p = accounts.profile(citizen.accountId()).orElse(null);
        return check(new Request(verified.idNumber(), p == null ? null : p.fullName(), p == null ? null : p.dateOfBirth(),
                true), null, citizen.accountId(), citizen);
    }

    /** The checks of a dossier the officer sees, oldest first. */
    public List<Check> ofDossier(String code, Actor officer) {
        if (dossiers.forOfficer(code, officer).isEmpty()) {
            throw ProblemException.notFound("dossier.notFound", code);
        }
        return jdbc.sql(SELECT + " where dossier_code = :c order by id").param("c", code).query(this::map).list();
    }

    /** MaCSDL of the databases whose data was used for the dossier: the registry answered about the applicant. */
    public List<String> databases(String code) {
        boolean used = jdbc.sql("""
                select exists (select 1 from population_check where dossier_code = :c and result = any(:answered))""")
                .param("c", code).param("answered", Result.answeredNames()).query(Boolean.class).single();
        return used ? List.of(properties.databaseCode()) : List.of();
    }

    /**
     * A dossier was filed: the checks of its applicant's number made shortly before by the citizen's account or by
     * the receiving officer, not yet linked to a dossier, now belong to it.
     */
    public int link(String code, String idNumber, Long accountId, Long officerId, OffsetDateTime filedAt) {
        if (idNumber == null || (accountId == null && officerId == null)) {
            return 0;
        }
        return tx.execute(s -> {
            List<PopulationChecked> linked = jdbc.sql("""
                    update population_check set dossier_code = :code
                    where dossier_code is null and id_number = :n and checked_at between :from and :to
                      and (account_id = :account or (account_id is null and checked_by = :officer))
                    returning id, result, checked_at""")
                    .param("code", code).param("n", idNumber).param("from", filedAt.minus(LINK_WINDOW))
                    .param("to", filedAt.plusMinutes(1)).param("account", accountId).param("officer", officerId)
                    .query((rs, i) -> checked(rs.getLong(1), code, Result.valueOf(rs.getString(2)),
                            rs.getObject(3, OffsetDateTime.class)))
                    .list();
            linked.forEach(this::publish);
            return linked.size();
        });
    }

    /**
     * A dossier filed online by an account verified with VNeID, for the person of that account: the system checks it
     * (issue 14: "at intake an officer, or the system for VNeID-verified accounts, checks the applicant"). Only noted
     * here; {@link #runSystemChecks} makes the check, so that a registry away never holds up whoever files.
     */
    public void systemCheckDue(String dossierCode, String idNumber, long accountId, String fullName,
                               OffsetDateTime filedAt) {
        if ("NONE".equals(registry.source())) {
            return; // no registry configured (motcua.population.mode=off): nothing the system could check
        }
        jdbc.sql("""
                insert into population_check_due (dossier_code, id_number, account_id, full_name, filed_at)
                values (:c, :n, :a, :name, :at) on conflict (dossier_code) do nothing""")
                .param("c", dossierCode).param("n", idNumber).param("a", accountId).param("name", fullName)
                .param("at", filedAt).update();
    }

    /** The due system checks, at most {@code limit}, oldest first: each made once and recorded with its dossier. */
    @org.springframework.transaction.annotation.Transactional
    public int runSystemChecks(int limit) {
        record Due(String code, String idNumber, long accountId, String fullName) {
        }
        List<Due> due = jdbc.sql("""
                select dossier_code, id_number, account_id, full_name from population_check_due
                order by filed_at limit :limit for update skip locked""")
                .param("limit", limit)
                .query((rs, i) -> new Due(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4))).list();
        for (Due d : due) {
            check(new Request(d.idNumber(), d.fullName(), null, false), d.code(), d.accountId(), null, SYSTEM);
            jdbc.sql("delete from population_check_due where dossier_code = :c").param("c", d.code()).update();
        }
        return due.size();
    }

    /** Who made a system check, as the officer's list of checks shows it. */
    static final String SYSTEM = "Hệ thống (tài khoản định danh VNeID)";

    private static void valid(Request r) {
        if (r.idNumber() == null || r.idNumber().isBlank()) {
            throw ProblemException.invalid("idNumber", "error.required");
        }
        List<String> problems = PersonalIdNumber.problems(r.idNumber().strip(), r.dateOfBirth());
        if (!problems.isEmpty()) {
            throw ProblemException.invalid("idNumber", problems.get(0));
        }
    }

    private Check check(Request r, String dossierCode, Long accountId, Actor by) {
        return check(r, dossierCode, accountId, by == null ? null : by.accountId(), by == null ? null : by.displayName());
    }

    private Check check(Request r, String dossierCode, Long accountId, Long byId, String byName) {
        String number = r.idNumber().strip();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Result result;
        List<String> mismatches = new ArrayList<>();
        RegistryPerson person = null;
        String message = null;
        try {
            Optional<RegistryPerson> found = registry.lookup(number);
            if (found.isEmpty()) {
                result = Result.NOT_FOUND;
            } else {
                person = found.get();
                if (r.fullName() != null && !sameName(r.fullName(), person.fullName())) {
                    mismatches.add("fullName");
                }
                if (r.dateOfBirth() != null && person.dateOfBirth() != null && !r.dateOfBirth().equals(person.dateOfBirth())) {
                    mismatches.add("dateOfBirth");
                }
                result = mismatches.isEmpty() ? Result.MATCH : Result.MISMATCH;
            }
        } catch (PopulationRegistry.RegistryUnavailable e) {
            result = Result.NOT_DONE;
            message = e.getMessage();
            log.warn("Population registry check not done for " + (dossierCode != null ? dossierCode : "an intake")
                    + ": " + e.getMessage());
        }
        RegistryPerson kept = r.consent() ? person : null;
        Result answer = result;
        String reason = message;
        long id = tx.execute(s -> {
            long made = jdbc.sql("""
                insert into population_check (dossier_code, account_id, id_number, full_name, date_of_birth, checked_at,
                    checked_by, checked_by_name, source, result, mismatches, answer, consent, message)
                values (:code, :account, :n, :name, :dob, :at, :by, :byName, :source, :result, cast(:mis as text[]),
                    cast(:answer as jsonb), :consent, :message)
                returning id""")
                .param("code", dossierCode).param("account", accountId).param("n", number).param("name", r.fullName())
                .param("dob", r.dateOfBirth()).param("at", now).param("by", byId)
                .param("byName", byName).param("source", registry.source())
                .param("result", answer.name()).param("mis", mismatches.toArray(String[]::new))
                .param("answer", kept == null ? null : json.writeValueAsString(kept)).param("consent", r.consent())
                .param("message", reason)
                .query(Long.class).single();
            if (dossierCode != null) {
                publish(checked(made, dossierCode, answer, now));
            }
            return made;
        });
        return new Check(id, dossierCode, number, now, byName, registry.source(), result,
                mismatches, kept, r.consent(), message);
    }

    private static PopulationChecked checked(long id, String dossierCode, Result result, OffsetDateTime at) {
        return new PopulationChecked(id, dossierCode, result.name(), result.answered(), at);
    }

    /** In the caller's transaction: the 766 index learns that the dossier has this check (indicators 4.5a/4.5b). */
    private void publish(PopulationChecked e) {
        outbox.append("population-check", e.dossierCode(), PopulationChecked.TYPE, e.toPayload());
    }

    static boolean sameName(String a, String b) {
        return b != null && fold(a).equals(fold(b));
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static final String SELECT = """
            select id, dossier_code, id_number, checked_at, checked_by_name, source, result, mismatches, answer::text as answer,
                   consent, message from population_check""";

    private Check map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        String answer = rs.getString("answer");
        java.sql.Array mis = rs.getArray("mismatches");
        return new Check(rs.getLong("id"), rs.getString("dossier_code"), rs.getString("id_number"),
                rs.getObject("checked_at", OffsetDateTime.class), rs.getString("checked_by_name"), rs.getString("source"),
                Result.valueOf(rs.getString("result")), mis == null ? List.of() : List.of((String[]) mis.getArray()),
                answer == null ? null : json.readValue(answer, RegistryPerson.class), rs.getBoolean("consent"),
                rs.getString("message"));
    }
}
