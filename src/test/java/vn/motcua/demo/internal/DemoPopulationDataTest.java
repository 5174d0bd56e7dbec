package vn.motcua.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.motcua.dossier.DossierBulkLoad;
import vn.motcua.dossier.DossierBulkLoad.Loaded;
import vn.motcua.identity.IdentityFacts;
import vn.motcua.integration.PopulationFacts;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.PageSession;
import vn.motcua.test.TestApi;

/**
 * The demo history's population data (issue 14, docs/GENERATOR.md "Population data"): a small history of the first
 * half of 2016 (a period no other test uses) is generated as the demo does, then its online applicants' accounts,
 * their VNeID links and the registry checks are loaded through the identity and integration modules. Every answer
 * kind is there, the checks are recorded as the live ones (who, when, what was asked), the modules' facts APIs give
 * them, and the index's 4.5b of a month is exactly what the module tables say under the policy's meaning — computed
 * here in SQL, independently: filed by an account linked to VNeID at or before filing, or a check the registry
 * answered (MATCH, MISMATCH; never NOT_FOUND or NOT_DONE). The same seed gives the same rows.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPopulationDataTest {

    static final LocalDate FROM = LocalDate.of(2016, 1, 1);
    static final LocalDate TO = LocalDate.of(2016, 6, 30);
    static final OffsetDateTime CUTOFF = OffsetDateTime.parse("2016-08-01T00:00+07:00");
    static final long SEED = 766;
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The generated dossiers of the range (the history's origin). */
    static final String MINE = """
             exists (select 1 from dossier_history g where g.dossier_id = d.id and g.origin = 'generator')
            and d.received_at >= '2016-01-01T00:00+07:00' and d.received_at < '2016-07-01T00:00+07:00'
             """;
    /** Filed by an account linked to VNeID at or before filing: the policy's first reason, said in SQL. */
    static final String VNEID = " exists (select 1 from vneid_identity v where v.account_id = d.applicant_account_id"
            + " and v.linked_at <= coalesce(d.submitted_at, d.received_at)) ";
    /** The registry answered about the applicant: the policy's second reason, said in SQL. */
    static final String ANSWERED = " exists (select 1 from population_check c where c.dossier_code = d.code"
            + " and c.result in ('MATCH', 'MISMATCH')) ";

    @LocalServerPort
    int port;
    @Autowired
    DossierGenerator generator;
    @Autowired
    DemoPopulationData population;
    @Autowired
    DossierBulkLoad dossiers;
    @Autowired
    IdentityFacts identities;
    @Autowired
    PopulationFacts populationFacts;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    vn.motcua.organization.Organization organization;

    DemoPopulationData.Report report;

    @BeforeAll
    void load() throws Exception {
        // markers as the demo's: a second run of this class on the same database loads nothing again
        generator.generate(new DossierGenerator.Options(3_000, FROM, TO, 2016, 1000, CUTOFF,
                "test-dossier-history-2016"), null);
        report = population.load(FROM, TO, CUTOFF, SEED, "test-population-data-2016",
                DemoPopulationData.Shares.DEMO, true);
    }

    @Test
    void checksOfEveryAnswerAreRecordedAsTheLiveOnes() {
        record C(String code, String channel, OffsetDateTime submitted, OffsetDateTime received, Long filer,
                 String receivedBy, Long account, OffsetDateTime at, String by, String source, String result,
                 int mismatches, String message, boolean withBirth, boolean consent) {
        }
        List<C> rows = jdbc.sql("""
                select d.code, d.channel, d.submitted_at, d.received_at, d.applicant_account_id,
                    (select h.actor_name from dossier_history h where h.dossier_id = d.id
                       and h.action in ('RECEIVE', 'ACCEPT') order by h.id limit 1),
                    c.account_id, c.checked_at, c.checked_by_name, c.source, c.result, cardinality(c.mismatches),
                    c.message, c.date_of_birth is not null, c.consent
                from population_check c join dossier d on d.code = c.dossier_code where""" + MINE)
                .query((rs, i) -> new C(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, Long.class), rs.getString(6),
                        rs.getObject(7, Long.class), rs.getObject(8, OffsetDateTime.class), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getInt(12), rs.getString(13), rs.getBoolean(14),
                        rs.getBoolean(15))).list();
        assertThat(rows).hasSizeGreaterThan(200);
        Map<String, Integer> byResult = new HashMap<>();
        rows.forEach(c -> byResult.merge(c.result(), 1, Integer::sum));
        assertThat(byResult).containsOnlyKeys("MATCH", "MISMATCH", "NOT_FOUND", "NOT_DONE");
        assertThat(byResult.get("MATCH")).isGreaterThan(byResult.get("MISMATCH") + byResult.get("NOT_FOUND")
                + byResult.get("NOT_DONE"));
        boolean system = false;
        boolean officer = false;
        for (C c : rows) {
            assertThat(c.source()).isEqualTo("SIMULATED");
            assertThat(c.consent()).as("without consent the registry's answer is not kept").isFalse();
            assertThat(c.mismatches() > 0).as("%s: mismatches only when MISMATCH", c.code())
                    .isEqualTo(c.result().equals("MISMATCH"));
            assertThat(c.message() != null).as("%s: a reason only when not done", c.code())
                    .isEqualTo(c.result().equals("NOT_DONE"));
            assertThat(c.at()).isBefore(CUTOFF);
            if (c.by().equals("Hệ thống (tài khoản định danh VNeID)")) {
                // the system's job: for the account that filed it online, after filing, without the date of birth
                system = true;
                assertThat(c.channel()).isEqualTo("ONLINE");
                assertThat(c.account()).isEqualTo(c.filer()).isNotNull();
                assertThat(c.at()).isAfter(c.submitted());
                assertThat(c.withBirth()).isFalse();
            } else {
                // an officer's check of the dossier: by the officer who received it, at or after receipt
                officer = true;
                assertThat(c.by()).isEqualTo(c.receivedBy());
                assertThat(c.account()).isNull();
                assertThat(c.at()).isAfterOrEqualTo(c.received());
                assertThat(c.withBirth()).isTrue();
            }
        }
        assertThat(system).isTrue();
        assertThat(officer).isTrue();
        assertThat(rows.stream().map(C::channel).distinct()).contains("ONLINE", "COUNTER");
    }

    @Test
    void onlineApplicantsHaveTheirAccountsSomeLinkedToVneid() {
        assertThat(count("select count(*) from dossier d where d.channel = 'ONLINE' and d.applicant_account_id is null "
                + "and d.submitted_at is not null and" + MINE)).as("online dossiers without their filer").isZero();
        assertThat(count("select count(*) from dossier d where d.channel <> 'ONLINE' and d.applicant_account_id is not null "
                + "and" + MINE)).as("paper dossiers with an account").isZero();
        assertThat(count("""
                select count(*) from dossier d join citizen_profile p on p.account_id = d.applicant_account_id
                join account a on a.id = d.applicant_account_id
                where (p.id_number <> d.applicant_id_number or a.kind <> 'CITIZEN' or a.created_at > d.submitted_at)
                  and""" + MINE)).as("filed by an account of another person, or not yet made").isZero();
        // links made by a first VNeID log-in (the account then) or merged into a local account, some after filings
        assertThat(count("""
                select count(*) from vneid_identity v join account a on a.id = v.account_id
                where v.linked_how = 'CREATED' and v.linked_at = a.created_at and a.username = 'vneid.' || v.id_number
                  and exists (select 1 from dossier d where d.applicant_account_id = a.id and""" + MINE + ")"))
                .isPositive();
        assertThat(count("""
                select count(*) from vneid_identity v join account a on a.id = v.account_id
                where v.linked_how = 'MERGED' and v.linked_at > a.created_at
                  and exists (select 1 from dossier d where d.applicant_account_id = a.id and""" + MINE + ")"))
                .isPositive();
        assertThat(count("select count(*) from dossier d where d.applicant_account_id is not null and not" + VNEID
                + " and exists (select 1 from vneid_identity v where v.account_id = d.applicant_account_id) and"
                + MINE)).as("dossiers filed before their account's link").isPositive();
        // the identity module's facts give them, as the index's recount reads them
        Set<Long> linked = new HashSet<>();
        tx.executeWithoutResult(s -> identities.forEachLinked(l -> linked.add(l.accountId())));
        assertThat(linked).containsAll(jdbc.sql("""
                select v.account_id from vneid_identity v join dossier d on d.applicant_account_id = v.account_id
                where""" + MINE).query(Long.class).list());
        Set<String> answered = new HashSet<>();
        tx.executeWithoutResult(s -> populationFacts.forEachAnswered(a -> answered.add(a.dossierCode())));
        assertThat(answered).containsAll(jdbc.sql("select d.code from dossier d where" + ANSWERED + " and" + MINE)
                .query(String.class).list());
        assertThat(report.linked()).isPositive().isLessThan(report.accounts());
    }

    @Test
    void indicator45bCountsExactlyTheLinkedFilingsAndTheAnsweredChecks() {
        for (String month : new String[] {"2016-02", "2016-05"}) {
            java.time.YearMonth m = java.time.YearMonth.parse(month);
            String inMonth = " d.received_at >= '" + m.atDay(1) + "T00:00+07:00' and d.received_at < '"
                    + m.plusMonths(1).atDay(1) + "T00:00+07:00'";
            // every dossier received in the month (the index's 4.5b basis), not only the generated ones
            long received = count("select count(*) from dossier d where" + inMonth);
            long used = count("select count(*) from dossier d where (" + VNEID + " or" + ANSWERED + ") and" + inMonth);
            long[] index = fraction("4.5b", month);
            assertThat(index).as("4.5b of %s: the dossiers filed by a linked account or answered about", month)
                    .containsExactly(used, received);
            // both reasons are there, and checks without an answer would have changed the figure
            assertThat(count("select count(*) from dossier d where" + VNEID + " and" + inMonth + " and" + MINE))
                    .isPositive();
            assertThat(count("select count(*) from dossier d where" + ANSWERED + " and not" + VNEID + " and"
                    + inMonth + " and" + MINE)).isPositive();
            assertThat(count("""
                    select count(*) from dossier d where exists (select 1 from population_check c
                        where c.dossier_code = d.code and c.result in ('NOT_FOUND', 'NOT_DONE'))
                      and not""" + ANSWERED + " and not" + VNEID + " and" + inMonth + " and" + MINE))
                    .as("dossiers of %s checked without an answer: not counted", month).isPositive();
        }
    }

    @Test
    void theSameSeedGivesTheSameRows() {
        List<Loaded> generated = new ArrayList<>();
        OffsetDateTime from = FROM.atStartOfDay(ZONE).toOffsetDateTime();
        OffsetDateTime until = TO.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime();
        // the dossiers as generated (before the load named their filers)
        dossiers.forEachLoaded(Synth.ORIGIN, from, until, d -> generated.add(new Loaded(d.id(), d.code(),
                d.procedureCode(), d.procedureName(), d.agencyCode(), d.channel(), d.status(), d.receivedAt(),
                d.finishedAt(), d.feeAmount(), d.paidAt(), d.applicantName(), d.applicantIdNumber(),
                d.applicantAddress(), d.submittedAt(), d.applicantDateOfBirth(), d.applicantPhone(), null,
                d.receivedBy())));
        var once = DemoPopulationData.plan(generated, FROM, CUTOFF, SEED, DemoPopulationData.Shares.DEMO, ZONE);
        var twice = DemoPopulationData.plan(new ArrayList<>(generated), FROM, CUTOFF, SEED,
                DemoPopulationData.Shares.DEMO, ZONE);
        assertThat(twice).isEqualTo(once);
        assertThat(DemoPopulationData.plan(generated, FROM, CUTOFF, SEED + 1, DemoPopulationData.Shares.DEMO, ZONE))
                .isNotEqualTo(once);
        // and the rows in the tables are the plan's
        List<String> planned = once.checks().stream().map(c -> c.dossierCode() + " " + c.checkedAt().toInstant() + " "
                + c.result() + " " + c.message()).sorted().toList();
        List<String> stored = jdbc.sql("""
                select c.dossier_code, c.checked_at, c.result, c.message from population_check c
                join dossier d on d.code = c.dossier_code where""" + MINE)
                .query((rs, i) -> rs.getString(1) + " " + rs.getObject(2, OffsetDateTime.class).toInstant() + " "
                        + rs.getString(3) + " " + rs.getString(4)).list().stream().sorted().toList();
        assertThat(stored).isEqualTo(planned);
        List<String> links = once.citizens().stream().filter(c -> c.link() != null)
                .map(c -> c.idNumber() + " " + c.link().how() + " " + c.link().linkedAt().toInstant()).sorted().toList();
        assertThat(jdbc.sql("""
                select v.id_number, v.linked_how, v.linked_at from vneid_identity v
                where exists (select 1 from dossier d where d.applicant_account_id = v.account_id and""" + MINE + ")")
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " "
                        + rs.getObject(3, OffsetDateTime.class).toInstant()).list().stream().sorted().toList())
                .isEqualTo(links);
    }

    @Test
    void theOfficersDossierPageShowsWhatWasCheckedWhenAndTheAnswer() {
        // a generated dossier with checks that a demo one-stop officer reads (their agency's, or its predecessors')
        record Officer(String username, String agency) {
        }
        List<Officer> officers = jdbc.sql("""
                select a.username, a.agency_code from account a join account_role r on r.account_id = a.id
                where a.demo and a.enabled and a.kind = 'OFFICER' and r.role = 'RECEPTION' order by a.username""")
                .query((rs, i) -> new Officer(rs.getString(1), rs.getString(2))).list();
        for (Officer o : officers) {
            List<String> codes = jdbc.sql("select d.code from dossier d where d.agency_code = any(:a) and" + MINE
                    + " and exists (select 1 from population_check c where c.dossier_code = d.code"
                    + " and c.result <> 'MATCH') order by d.code limit 1")
                    .param("a", organization.readableBy(o.agency()).toArray(String[]::new))
                    .query(String.class).list();
            if (codes.isEmpty()) {
                continue;
            }
            String code = codes.getFirst();
            String html = new PageSession(port).logIn(o.username()).get("/can-bo/ho-so/" + code).html();
            assertThat(html).contains("id=\"doi-chieu-dan-cu\"").contains("Đối chiếu Cơ sở dữ liệu quốc gia về dân cư");
            jdbc.sql("select checked_at, checked_by_name, result, message from population_check where dossier_code = :c")
                    .param("c", code).query((rs, i) -> {
                        String at = rs.getObject(1, OffsetDateTime.class).atZoneSameInstant(ZONE)
                                .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy"));
                        assertThat(html).contains(at).contains(rs.getString(2)).contains(switch (rs.getString(3)) {
                            case "MATCH" -> "Khớp";
                            case "MISMATCH" -> "Có số định danh, thông tin khác";
                            case "NOT_FOUND" -> "Không có số định danh này";
                            default -> "Chưa đối chiếu được (" + rs.getString(4) + ")";
                        });
                        return 1;
                    }).list();
            return;
        }
        throw new AssertionError("no generated dossier with checks that a demo officer reads");
    }

    @Test
    void aSecondLoadUnderTheSameMarkerIsSkipped() {
        long before = count("select count(*) from population_check c join dossier d on d.code = c.dossier_code where"
                + MINE);
        var again = population.load(FROM, TO, CUTOFF, SEED, "test-population-data-2016",
                DemoPopulationData.Shares.DEMO, true);
        assertThat(again.skipped()).isTrue();
        assertThat(count("select count(*) from population_check c join dossier d on d.code = c.dossier_code where"
                + MINE)).isEqualTo(before);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private long[] fraction(String indicator, String month) {
        JsonNode j = new TestApi(port).get("/api/v1/index766?unit=70&period=" + month).json();
        for (JsonNode g : j.get("groups")) {
            for (JsonNode i : g.get("indicators")) {
                if (i.get("id").asString().equals(indicator)) {
                    return new long[] {i.get("numerator").asLong(), i.get("denominator").asLong()};
                }
            }
        }
        throw new AssertionError(indicator);
    }
}
