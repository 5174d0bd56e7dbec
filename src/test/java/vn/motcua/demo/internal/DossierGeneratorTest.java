package vn.motcua.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.rules.LifecycleTable;
import vn.motcua.dossier.rules.Punctuality;
import vn.motcua.dossier.rules.RuleContext;
import vn.motcua.dossier.rules.Target;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.identity.PersonalIdNumber;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitLevel;
import vn.motcua.test.IntegrationTest;

/**
 * The generator loads a small province year (2019, a year no other test uses) and the result is checked
 * against the seed figures written here (Bình Phước 2022, Bảng 2), against the lifecycle table replayed from the
 * history (the generator asks the whole rule book, policies included, as it goes), and against the working calendar.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierGeneratorTest {

    static final long N = 30_000;
    /** Bảng 2, 2022: received by level, and the share late. */
    static final Map<UnitLevel, Long> SEED = Map.of(UnitLevel.PROVINCE, 69_661L, UnitLevel.DISTRICT, 52_812L,
            UnitLevel.COMMUNE, 1_128_884L);
    static final Map<UnitLevel, Double> LATE = Map.of(UnitLevel.PROVINCE, 0.016, UnitLevel.DISTRICT, 0.047,
            UnitLevel.COMMUNE, 0.020);
    /** About three standard deviations of a binomial late rate at the level's size for N. */
    static final Map<UnitLevel, Double> LATE_TOLERANCE = Map.of(UnitLevel.PROVINCE, 0.010, UnitLevel.DISTRICT,
            0.018, UnitLevel.COMMUNE, 0.003);
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String MINE = """
             exists (select 1 from dossier_history g where g.dossier_id = d.id and g.origin = 'generator')
            and coalesce(d.received_at, d.submitted_at) >= '2018-12-20' and coalesce(d.received_at, d.submitted_at) < '2020-01-01'
             """;

    @Autowired
    DossierGenerator generator;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    RuleContext rules;
    @Autowired
    Catalog catalog;
    @Autowired
    Organization organization;

    DossierGenerator.Report report;

    @BeforeAll
    void load() throws Exception {
        report = generator.generate(new DossierGenerator.Options(N, LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31),
                42, 2000, OffsetDateTime.parse("2020-03-01T00:00+07:00"), null), null);
    }

    @Test
    void receivedTotalsByLevelFollowTheSeedTable() {
        long total = SEED.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> byLevel = new HashMap<>();
        jdbc.sql("select level, count(*) from dossier d where received_at is not null and " + MINE + " group by level")
                .query((rs, i) -> byLevel.put(rs.getString(1), rs.getLong(2))).list();
        for (UnitLevel l : UnitLevel.values()) {
            double exact = (double) N * SEED.get(l) / total;
            assertThat((double) byLevel.get(l.name())).as("%s dossiers received", l).isCloseTo(exact, within(1.0));
        }
        assertThat(byLevel.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(N);
        // the full 2022 volume splits into the seed's own figures
        assertThat(Seeds.split(1_251_357)).containsAllEntriesOf(SEED);
    }

    @Test
    void lateRatesByLevelAreTheSeedRates() {
        jdbc.sql("""
                select level, count(*) filter (where outcome = 'LATE'), count(*),
                       count(*) filter (where channel = 'ONLINE')
                from dossier d where finished_at is not null and received_at is not null and """ + MINE + " group by level")
                .query((rs, i) -> {
                    UnitLevel l = UnitLevel.valueOf(rs.getString(1));
                    double rate = (double) rs.getLong(2) / rs.getLong(3);
                    assertThat(rate).as("late rate of %s (%d of %d)", l, rs.getLong(2), rs.getLong(3))
                            .isCloseTo(LATE.get(l), within(LATE_TOLERANCE.get(l)));
                    assertThat((double) rs.getLong(4) / rs.getLong(3)).as("online share of %s", l)
                            .isBetween(0.10, 0.65);
                    return l;
                }).list();
    }

    @Test
    void everyTransitionIsOneTheStatusMachineAllows() {
        record H(long dossier, String action, String from, String to, OffsetDateTime at, String finalStatus) {
        }
        List<H> rows = jdbc.sql("""
                select h.dossier_id, h.action, h.from_status, h.to_status, h.at, d.status
                from dossier_history h join dossier d on d.id = h.dossier_id
                where """ + MINE + " order by h.dossier_id, h.id")
                .query((rs, i) -> new H(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6))).list();
        assertThat(rows.size()).isGreaterThan((int) N * 4);
        H prev = null;
        int dossiers = 0;
        for (H h : rows) {
            boolean first = prev == null || prev.dossier() != h.dossier();
            if (first) {
                if (prev != null) {
                    assertThat(prev.to()).as("last history status of dossier %d", prev.dossier()).isEqualTo(prev.finalStatus());
                }
                dossiers++;
                assertThat(h.action()).as("first action of %d", h.dossier()).isIn("SUBMIT", "RECEIVE");
                assertThat(h.from()).isNull();
            } else {
                assertThat(h.from()).as("dossier %d continues from its last status", h.dossier()).isEqualTo(prev.to());
                assertThat(h.at()).as("dossier %d history in time order", h.dossier()).isAfterOrEqualTo(prev.at());
                DossierAction action = DossierAction.valueOf(h.action());
                DossierStatus from = DossierStatus.valueOf(h.from());
                var lines = LifecycleTable.lines(action, from);
                assertThat(lines).as("%s in %s (dossier %d)", action, from, h.dossier()).isNotEmpty();
                Set<String> allowedTo = new java.util.HashSet<>();
                for (var line : lines) {
                    switch (line.to()) {
                        case Target.To to -> allowedTo.add(to.status().name());
                        case Target.Unchanged u -> allowedTo.add(from.name());
                        case Target.AfterSupplement a -> allowedTo.addAll(Set.of("SUBMITTED", "PROCESSING"));
                    }
                }
                assertThat(allowedTo).as("%s from %s", action, from).contains(h.to());
            }
            prev = h;
        }
        assertThat(prev.to()).isEqualTo(prev.finalStatus());
        assertThat(dossiers).isGreaterThanOrEqualTo((int) N);
        // two supplement requests always make a dossier late; an apology never makes it on time here
        assertThat(jdbc.sql("select count(*) from dossier d where supplement_count > 1 and outcome <> 'LATE' and " + MINE)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from dossier d where supplement_count > 1 and " + MINE)
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from dossier d where apology_count > 0 and " + MINE)
                .query(Long.class).single()).isPositive();
    }

    @Test
    void datesAgreeWithTheCalendarAndTheOutcome() {
        record D(OffsetDateTime received, OffsetDateTime due, OffsetDateTime finished, boolean lateFlag, String outcome,
                 String idNumber, String born, String code) {
        }
        List<D> rows = jdbc.sql("""
                select received_at, due_at, finished_at, late_flag, outcome, applicant_id_number,
                       applicant ->> 'dateOfBirth', code
                from dossier d where received_at is not null and """ + MINE)
                .query((rs, i) -> new D(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, OffsetDateTime.class), rs.getBoolean(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8))).list();
        for (D d : rows) {
            var local = d.received().atZoneSameInstant(VN);
            LocalTime t = local.toLocalTime();
            assertThat(calendar.isWorkingDay(local.toLocalDate())).as("%s received on a working day", d.code()).isTrue();
            assertThat(!t.isBefore(LocalTime.of(7, 0)) && t.isBefore(LocalTime.of(11, 31))
                    || !t.isBefore(LocalTime.of(13, 30)) && t.isBefore(LocalTime.of(17, 1)))
                    .as("%s received in office hours (%s)", d.code(), t).isTrue();
            if (d.finished() != null) {
                assertThat(d.outcome()).as("outcome of %s", d.code())
                        .isEqualTo(Punctuality.outcome(d.finished(), d.due(), d.lateFlag(), VN).name());
            }
            assertThat(PersonalIdNumber.problems(d.idNumber(), LocalDate.parse(d.born())))
                    .as("id number %s of %s", d.idNumber(), d.code()).isEmpty();
            assertThat(d.code()).matches("^[A-Z0-9]{3}(\\.[A-Z0-9]+)*-\\d{6}-\\d{4,7}$");
        }
        // codes are unique (the column is unique) and the daily counters are ahead of them: live intake cannot collide
        assertThat(jdbc.sql("""
                select count(*) from dossier d
                where """ + MINE + """
                and not exists (select 1 from dossier_code_seq s
                                where s.agency_eid = split_part(d.code, '-', 1)
                                  and s.day = to_date(split_part(d.code, '-', 2), 'YYMMDD')
                                  and s.last >= split_part(d.code, '-', 3)::int)""").query(Long.class).single()).isZero();
        // bulk loads announce nothing
        assertThat(jdbc.sql("""
                select count(*) from outbox_event e join dossier d on d.code = e.aggregate_id
                where e.aggregate = 'dossier' and """ + MINE).query(Long.class).single()).isZero();
        assertThat(report.total()).isEqualTo(N);
    }

    @Test
    void theSameSeedGivesTheSameRows() {
        World world = World.load(catalog, organization, 7);
        String a = digest(world, 7);
        assertThat(digest(World.load(catalog, organization, 7), 7)).isEqualTo(a);
        assertThat(digest(World.load(catalog, organization, 8), 8)).isNotEqualTo(a);
    }

    private String digest(World world, long seed) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            AtomicLong ids = new AtomicLong();
            List<Rows> out = new ArrayList<>();
            Synth s = new Synth(world, rules, seed, OffsetDateTime.parse("2021-02-01T00:00+07:00"), ids::incrementAndGet,
                    day -> Map.of(), 500, r -> {
                        md.update(r.dossiers.toString().getBytes());
                        md.update(r.history.toString().getBytes());
                        md.update(r.supplements.toString().getBytes());
                        md.update(r.counters.toString().getBytes());
                        out.add(r);
                        return new Rows();
                    });
            var schedule = Synth.schedule(calendar, LocalDate.of(2020, 12, 1), LocalDate.of(2021, 1, 31), Seeds.split(3000));
            schedule.forEach(s::day);
            s.finish();
            assertThat(out).isNotEmpty();
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
