package vn.motcua.demo.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.DossierBulkLoad;
import vn.motcua.dossier.DossierBulkLoad.Loaded;
import vn.motcua.identity.IdentityHistoryLoad;
import vn.motcua.identity.IdentityHistoryLoad.PastCitizen;
import vn.motcua.identity.IdentityHistoryLoad.PastLink;
import vn.motcua.identity.NationalIdentity;
import vn.motcua.integration.PopulationHistoryLoad;
import vn.motcua.integration.PopulationHistoryLoad.PastCheck;
import vn.motcua.platform.BulkLoadListener;

/**
 * The demo history's use of population data (issue 14, indicators 4.5a/4.5b): the facts the live flow leaves, loaded
 * into the modules that own them, never into the 766 index, and never judged here (the index's recount applies
 * {@code FactRules.populationDataUsed} to them as to live ones).
 * <ul>
 * <li>Every applicant who filed generated dossiers online gets the citizen account that filed them (identity module,
 * {@link IdentityHistoryLoad}; one per identification number), and the dossiers name it
 * ({@link DossierBulkLoad#setApplicantAccounts}). A share of these accounts is linked to VNeID at a moment: the share
 * linked by a date rises linearly from {@link Shares#linkedFrom} at the start of the history to
 * {@link Shares#linkedTo} after {@link Shares#rampMonths} months (the national drive for the electronic identity,
 * Decree 69/2024/NĐ-CP); the accounts below the first share were linked before the history. A link before the person's
 * first filing made the account ({@code CREATED}, a first VNeID log-in) in {@link Shares#createdByVneid} of the cases;
 * otherwise the local account was made before and merged ({@code MERGED}), possibly after some of its dossiers.</li>
 * <li>A dossier filed online by an account linked to VNeID at the time ({@link NationalIdentity#verifiedWhenFiled})
 * gets the system's check of the applicant a minute or so after filing, as the live flow has a job make it
 * ({@link Shares#systemCheck}, 1: always). Other received dossiers are checked by the receiving officer within a
 * quarter of an hour of receipt in a share rising from {@link Shares#checkedFrom} to {@link Shares#checkedTo}; when the
 * registry did not answer (NOT_DONE) the officer tries again one to three hours later in {@link Shares#retry} of the
 * cases. Answers: NOT_DONE {@link Shares#notDone}, NOT_FOUND {@link Shares#notFound}, MISMATCH {@link Shares#mismatch}
 * (the date of birth or the name given differ), MATCH otherwise (integration module, {@link PopulationHistoryLoad}).</li>
 * </ul>
 * Demo figures, not statistics. Each person and each dossier draws from its own random stream (the seed and its number
 * or code): the same dossiers give the same accounts, links and checks (ids aside). One transaction; recorded in
 * demo_data_loaded (advisory lock) as the other parts of the history; then the index recounts.
 */
@Service
public class DemoPopulationData {

    /** Why a check was not done: what the registry's connection reported (HttpPopulationRegistry). */
    private static final org.apache.commons.logging.Log log =
            org.apache.commons.logging.LogFactory.getLog(DemoPopulationData.class);
    private static final String[] AWAY = {"Read timed out", "Connect timed out",
        "error_code 503: Hệ thống CSDL quốc gia về dân cư đang bảo trì"};

    private final DossierBulkLoad dossiers;
    private final IdentityHistoryLoad identities;
    private final PopulationHistoryLoad checks;
    private final WorkingCalendar calendar;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<BulkLoadListener> listeners;

    DemoPopulationData(DossierBulkLoad dossiers, IdentityHistoryLoad identities, PopulationHistoryLoad checks,
                       WorkingCalendar calendar, TransactionTemplate tx, JdbcTemplate jdbc,
                       ObjectProvider<BulkLoadListener> listeners) {
        this.dossiers = dossiers;
        this.identities = identities;
        this.checks = checks;
        this.calendar = calendar;
        this.tx = tx;
        this.jdbc = jdbc;
        this.listeners = listeners;
    }

    /**
     * The proportions (demo figures, see the class); linked shares are of the online applicants' accounts, checked
     * shares of the received dossiers not filed by a VNeID-verified account.
     */
    record Shares(double linkedFrom, double linkedTo, int rampMonths, double createdByVneid, double systemCheck,
                  double checkedFrom, double checkedTo, double notDone, double notFound, double mismatch,
                  double retry) {

        /** 20 % → 65 % linked over 2024–2025, officers checking 15 % → 55 %; 3 % away, 2 % unknown, 5 % differing. */
        static final Shares DEMO = new Shares(0.20, 0.65, 24, 0.5, 1.0, 0.15, 0.55, 0.03, 0.02, 0.05, 0.6);

        double checked(double t) {
            return checkedFrom + (checkedTo - checkedFrom) * Math.max(0, Math.min(1, t));
        }
    }

    /** What was loaded. */
    record Report(boolean skipped, long accounts, long linked, long dossiersWithAccount, long checks, long millis) {
    }

    /** The plan: the accounts to make, and the checks (a system check names its filer's account by number). */
    record Plan(List<PastCitizen> citizens, List<PastCheck> checks) {
    }

    /**
     * Loads the population data of the generated dossiers received in [{@code since}, {@code to}] (days in the
     * calendar's zone), nothing after {@code cutoff}.
     *
     * @param marker  demo_data_loaded name: skipped when recorded, recorded with the load (null: always)
     * @param recount tell the bulk-load listeners afterwards (the 766 index recounts); false when a later part of the
     *                history does it anyway
     */
    Report load(LocalDate since, LocalDate to, OffsetDateTime cutoff, long seed, String marker, Shares shares,
                boolean recount) {
        long t0 = System.nanoTime();
        ZoneId zone = calendar.zone();
        OffsetDateTime from = since.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime until = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        Report report = tx.execute(s -> {
            if (marker != null && !claim(marker)) {
                return null;
            }
            long t1 = System.nanoTime();
            List<Loaded> loaded = new ArrayList<>();
            dossiers.forEachLoaded(Synth.ORIGIN, from, until, loaded::add);
            long t2 = System.nanoTime();
            Plan plan = plan(loaded, since, cutoff, seed, shares, zone);
            long t3 = System.nanoTime();
            Map<String, Long> accounts = identities.loadCitizens(plan.citizens());
            long t4 = System.nanoTime();
            Map<Long, Long> filers = new HashMap<>();
            for (Loaded d : loaded) {
                Long account = online(d) ? accounts.get(d.applicantIdNumber()) : null;
                if (account != null) {
                    filers.put(d.id(), account);
                }
            }
            int filed = dossiers.setApplicantAccounts(filers);
            long t5 = System.nanoTime();
            List<PastCheck> made = new ArrayList<>();
            for (PastCheck c : plan.checks()) {
                if (c.checkedByName() != null) {
                    made.add(c);
                } else if (accounts.containsKey(c.idNumber())) {
                    // the system checks for the account that filed (none when the person's account could not be made)
                    made.add(new PastCheck(c.dossierCode(), accounts.get(c.idNumber()), c.idNumber(), c.fullName(),
                            c.dateOfBirth(), c.checkedAt(), null, c.result(), c.mismatches(), c.message()));
                }
            }
            int written = checks.loadChecks(made);
            log.debug(String.format("population data: read %d ms, plan %d ms, accounts %d ms, filers %d ms, checks %d ms",
                    (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000,
                    (System.nanoTime() - t5) / 1_000_000));
            long linked = plan.citizens().stream().filter(c -> c.link() != null && accounts.containsKey(c.idNumber()))
                    .count();
            if (marker != null) {
                jdbc.update("insert into demo_data_loaded (name, fingerprint) values (?, ?) on conflict (name) do nothing",
                        marker, accounts.size() + " accounts, " + written + " checks @" + seed);
            }
            return new Report(false, accounts.size(), linked, filed, written, 0);
        });
        if (report == null) {
            return new Report(true, 0, 0, 0, 0, 0);
        }
        if (recount) {
            recount();
        }
        return new Report(false, report.accounts(), report.linked(), report.dossiersWithAccount(), report.checks(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** The modules that derive from the loaded facts rebuild (the 766 index recounts). */
    void recount() {
        for (BulkLoadListener l : listeners.orderedStream().toList()) {
            l.afterBulkLoad();
        }
    }

    /** The marker is taken (advisory lock of the transaction, as the other loads) and not yet recorded. */
    private boolean claim(String marker) {
        Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(hashtext(?))", Boolean.class,
                "demo:" + marker);
        return Boolean.TRUE.equals(locked) && jdbc.queryForList(
                "select 1 from demo_data_loaded where name = ?", Integer.class, marker).isEmpty();
    }

    private static boolean online(Loaded d) {
        return "ONLINE".equals(d.channel()) && d.submittedAt() != null && d.applicantIdNumber() != null
                && d.applicantAccountId() == null;
    }

    /** The accounts, links and checks of these dossiers: a function of the dossiers, the seed and the shares. */
    static Plan plan(List<Loaded> loaded, LocalDate since, OffsetDateTime cutoff, long seed, Shares shares,
                     ZoneId zone) {
        // the online applicants, by number, each with their filings in time order
        Map<String, List<Loaded>> people = new TreeMap<>();
        for (Loaded d : loaded) {
            if (online(d)) {
                people.computeIfAbsent(d.applicantIdNumber(), k -> new ArrayList<>()).add(d);
            }
        }
        List<PastCitizen> citizens = new ArrayList<>();
        Map<String, OffsetDateTime> linkedAt = new HashMap<>();
        for (Map.Entry<String, List<Loaded>> e : people.entrySet()) {
            List<Loaded> filings = e.getValue();
            filings.sort(Comparator.comparing(Loaded::submittedAt).thenComparing(Loaded::code));
            PastCitizen c = citizen(e.getKey(), filings, since, cutoff, seed, shares, zone);
            citizens.add(c);
            if (c.link() != null) {
                linkedAt.put(c.idNumber(), c.link().linkedAt());
            }
        }
        List<PastCheck> out = new ArrayList<>();
        List<Loaded> byCode = new ArrayList<>(loaded);
        byCode.sort(Comparator.comparing(Loaded::code));
        for (Loaded d : byCode) {
            if (d.receivedAt() != null && d.applicantIdNumber() != null) {
                checks(d, online(d) ? linkedAt.get(d.applicantIdNumber()) : null, since, cutoff, seed, shares, out);
            }
        }
        return new Plan(citizens, out);
    }

    private static PastCitizen citizen(String number, List<Loaded> filings, LocalDate since, OffsetDateTime cutoff,
                                       long seed, Shares s, ZoneId zone) {
        SplittableRandom rnd = random(seed, "vneid:" + number);
        Loaded first = filings.getFirst();
        OffsetDateTime firstAt = first.submittedAt();
        // the share linked by a moment rises linearly: a person below the share at a moment is linked by then
        double u = rnd.nextDouble();
        OffsetDateTime link = null;
        if (u < s.linkedFrom()) {
            link = at(since.minusDays(1 + rnd.nextInt(540)), rnd, zone);
        } else if (u < s.linkedTo()) {
            double months = (u - s.linkedFrom()) / (s.linkedTo() - s.linkedFrom()) * s.rampMonths();
            link = at(since.plusDays(Math.round(months * 30.4375)), rnd, zone);
        }
        if (link != null && link.isAfter(cutoff)) {
            link = null;
        }
        boolean created = link != null && !link.isAfter(firstAt) && rnd.nextDouble() < s.createdByVneid();
        OffsetDateTime createdAt;
        if (created) {
            createdAt = link;
        } else {
            // a local account, made just before the first filing (most) or long before; before its merge
            OffsetDateTime base = link != null && link.isBefore(firstAt) ? link : firstAt;
            createdAt = rnd.nextBoolean() ? base.minusMinutes(5 + rnd.nextInt(115))
                    : base.minusDays(1 + rnd.nextInt(700)).minusMinutes(rnd.nextInt(600));
        }
        int level = rnd.nextDouble() < 0.8 ? 2 : 1;
        PastLink pastLink = null;
        if (link != null) {
            int logins = 0;
            OffsetDateTime last = link;
            for (Loaded f : filings) {
                if (f.submittedAt().isAfter(link)) {
                    logins++;
                    last = f.submittedAt();
                }
            }
            // the national account's id as the demo's VNeID (the sandbox) gives it for the number
            String subject = UUID.nameUUIDFromBytes(("vneid-sandbox:" + number).getBytes(StandardCharsets.UTF_8))
                    .toString();
            pastLink = new PastLink(created ? "CREATED" : "MERGED", link, subject, level, last, logins);
        }
        boolean female = (number.charAt(3) - '0') % 2 == 1;
        return new PastCitizen(number, first.applicantName(), first.applicantDateOfBirth(), female,
                first.applicantPhone(), first.applicantAddress(), createdAt, pastLink);
    }

    /** A moment of a day, between 6:00 and 22:00 (when people log in). */
    private static OffsetDateTime at(LocalDate day, SplittableRandom rnd, ZoneId zone) {
        return day.atStartOfDay(zone).plusMinutes(360 + rnd.nextInt(960)).plusSeconds(rnd.nextInt(60))
                .toOffsetDateTime();
    }

    private static void checks(Loaded d, OffsetDateTime linkedAt, LocalDate since, OffsetDateTime cutoff, long seed,
                               Shares s, List<PastCheck> out) {
        SplittableRandom rnd = random(seed, "check:" + d.code());
        if (linkedAt != null && NationalIdentity.verifiedWhenFiled(linkedAt, d.submittedAt(), d.receivedAt())) {
            // filed by a VNeID-verified account: the system's job checks it shortly after filing
            if (rnd.nextDouble() < s.systemCheck()) {
                OffsetDateTime at = d.submittedAt().plusSeconds(20 + rnd.nextInt(280));
                if (!at.isAfter(cutoff)) {
                    out.add(check(d, at, null, rnd, s, false));
                }
            }
            return;
        }
        double t = ChronoUnit.MONTHS.between(YearMonth.from(since), YearMonth.from(d.receivedAt().toLocalDate()))
                / (double) s.rampMonths();
        if (rnd.nextDouble() >= s.checked(t)) {
            return;
        }
        String officer = d.receivedBy() != null ? d.receivedBy() : "Cán bộ Bộ phận Một cửa";
        OffsetDateTime at = d.receivedAt().plusMinutes(rnd.nextInt(15)).plusSeconds(rnd.nextInt(60));
        if (at.isAfter(cutoff)) {
            return;
        }
        PastCheck c = check(d, at, officer, rnd, s, true);
        out.add(c);
        if (c.result().equals("NOT_DONE") && rnd.nextDouble() < s.retry()) {
            OffsetDateTime again = at.plus(Duration.ofMinutes(60 + rnd.nextInt(120)));
            if (!again.isAfter(cutoff)) {
                out.add(check(d, again, officer, rnd, s, true));
            }
        }
    }

    /** One check and the registry's answer ({@code officer} null: the system, which asks without the date of birth). */
    private static PastCheck check(Loaded d, OffsetDateTime at, String officer, SplittableRandom rnd, Shares s,
                                   boolean withBirth) {
        double r = rnd.nextDouble();
        String result;
        List<String> mismatches = List.of();
        String message = null;
        if (r < s.notDone()) {
            result = "NOT_DONE";
            message = AWAY[rnd.nextInt(AWAY.length)];
        } else if (r < s.notDone() + s.notFound()) {
            result = "NOT_FOUND";
        } else if (r < s.notDone() + s.notFound() + s.mismatch()) {
            result = "MISMATCH";
            mismatches = withBirth && d.applicantDateOfBirth() != null && rnd.nextInt(5) < 3 ? List.of("dateOfBirth")
                    : List.of("fullName");
        } else {
            result = "MATCH";
        }
        return new PastCheck(d.code(), null, d.applicantIdNumber(), d.applicantName(),
                withBirth ? d.applicantDateOfBirth() : null, at, officer, result, mismatches, message);
    }

    private static SplittableRandom random(long seed, String key) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ key.hashCode());
    }
}
