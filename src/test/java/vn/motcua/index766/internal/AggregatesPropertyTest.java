package vn.motcua.index766.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.outbox.OutboxConsumer;
import vn.motcua.platform.outbox.OutboxEvent;
import vn.motcua.test.IntegrationTest;

/**
 * Random event sequences (snapshots of dossiers going through random lifecycles over the last 14 months, in
 * random batches) given to the index consumer leave exactly the aggregates that a rebuild from the facts gives.
 * Each case runs in a transaction that is rolled back, on made-up units, so the shared database is untouched.
 */
@IntegrationTest
class AggregatesPropertyTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String[] STATUSES = {"RECEIVED", "PROCESSING", "SUPPLEMENT_REQUESTED", "AWAITING_PAYMENT",
        "COMPLETED", "RETURNED", "REJECTED", "STOPPED", "WITHDRAWN"};

    @Autowired
    List<OutboxConsumer> consumers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    IndexAggregates aggregates;
    @Autowired
    JsonMapper json;

    @RepeatedTest(8)
    void liveAggregatesEqualARecountAfterRandomEventSequences(RepetitionInfo info) {
        long seed = 766L * 1000 + info.getCurrentRepetition() + System.nanoTime() % 1000;
        Random rnd = new Random(seed);
        OutboxConsumer consumer = consumers.stream().filter(c -> c.name().equals("index766")).findFirst().orElseThrow();
        tx.executeWithoutResult(status -> {
            aggregates.ensureRolled();
            String p = "P" + seed;
            int dossiers = 20 + rnd.nextInt(40);
            List<OutboxEvent> events = new ArrayList<>();
            OffsetDateTime now = OffsetDateTime.now(VN);
            long base = 9_000_000_000L + rnd.nextInt(1_000_000) * 100L;
            for (int i = 0; i < dossiers; i++) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("id", base + i);
                s.put("code", p + "-" + i);
                s.put("procedureCode", "PROC" + rnd.nextInt(4));
                s.put("procedureName", "Thủ tục thử");
                s.put("agencyCode", p + ".AG" + rnd.nextInt(3));
                s.put("provinceCode", p);
                s.put("districtCode", rnd.nextBoolean() ? p + ".D" + rnd.nextInt(2) : null);
                s.put("communeCode", rnd.nextBoolean() ? p + ".C" + rnd.nextInt(3) : null);
                s.put("level", List.of("PROVINCE", "DISTRICT", "COMMUNE").get(rnd.nextInt(3)));
                s.put("channel", List.of("ONLINE", "COUNTER", "POSTAL").get(rnd.nextInt(3)));
                s.put("feeAmount", rnd.nextBoolean() ? 50_000L : 0L);
                s.put("applicantAccountId", rnd.nextBoolean() ? 7L : null);
                s.put("applicantIdNumber", "070090001234");
                OffsetDateTime received = now.minusMinutes(rnd.nextInt(60 * 24 * 420));
                OffsetDateTime due = received.plusHours(1 + rnd.nextInt(24 * 30));
                int steps = 1 + rnd.nextInt(5);
                OffsetDateTime at = received;
                s.put("status", "SUBMITTED");
                events.add(event(s));
                s.put("receivedAt", received.toString());
                s.put("dueAt", due.toString());
                s.put("originalDueAt", due.toString());
                for (int k = 0; k < steps; k++) {
                    at = at.plusMinutes(rnd.nextInt(60 * 24 * 40));
                    if (at.isAfter(now)) {
                        at = now;
                    }
                    String st = STATUSES[rnd.nextInt(STATUSES.length)];
                    s.put("status", st);
                    s.put("pausedAt", st.equals("SUPPLEMENT_REQUESTED") || st.equals("AWAITING_PAYMENT") ? at.toString() : null);
                    if (st.equals("SUPPLEMENT_REQUESTED")) {
                        int n = ((Number) s.getOrDefault("supplementCount", 0)).intValue() + 1;
                        s.put("supplementCount", n);
                        s.put("lateFlag", n > 1);
                    }
                    if (rnd.nextInt(6) == 0) {
                        s.put("apologyCount", 1);
                        s.put("dueAt", due.plusDays(3).toString());
                    }
                    boolean terminal = !List.of("RECEIVED", "PROCESSING", "SUPPLEMENT_REQUESTED", "AWAITING_PAYMENT").contains(st);
                    s.put("finishedAt", terminal ? at.toString() : null);
                    s.put("returnedAt", st.equals("RETURNED") ? at.plusHours(2).toString() : null);
                    s.put("resultFiles", st.equals("COMPLETED") || st.equals("RETURNED") ? rnd.nextInt(2) : 0);
                    s.put("paidAt", rnd.nextBoolean() ? at.toString() : null);
                    s.put("rating", st.equals("RETURNED") && rnd.nextBoolean() ? (rnd.nextBoolean() ? "UNSATISFIED" : "SATISFIED") : null);
                    events.add(event(s));
                    if (terminal) {
                        break;
                    }
                }
            }
            // commit order within one dossier is kept; dossiers interleave at random; random batch sizes
            List<List<OutboxEvent>> perDossier = new ArrayList<>();
            Map<String, List<OutboxEvent>> by = new LinkedHashMap<>();
            events.forEach(e -> by.computeIfAbsent(e.aggregateId(), k -> new ArrayList<>()).add(e));
            perDossier.addAll(by.values());
            List<OutboxEvent> ordered = new ArrayList<>();
            while (!perDossier.isEmpty()) {
                int i = rnd.nextInt(perDossier.size());
                ordered.add(perDossier.get(i).remove(0));
                if (perDossier.get(i).isEmpty()) {
                    perDossier.remove(i);
                }
            }
            for (int i = 0; i < ordered.size(); ) {
                int n = 1 + rnd.nextInt(10);
                consumer.handle(ordered.subList(i, Math.min(ordered.size(), i + n)));
                i += n;
            }
            Map<String, List<Long>> live = rows(p);
            assertThat(live).as("seed " + seed + ": something was counted").isNotEmpty();
            aggregates.rebuildFromFacts(aggregates.closedThrough());
            Map<String, List<Long>> recount = rows(p);
            assertThat(live).as("seed " + seed).isEqualTo(recount);
            status.setRollbackOnly();
        });
    }

    private Map<String, List<Long>> rows(String prefix) {
        Map<String, List<Long>> out = new TreeMap<>();
        String cols = String.join(", ", Contributions.COLUMNS);
        jdbc.query("select month, basis, unit_code, procedure_code, " + cols + " from index766_agg where unit_code like ?",
                rs -> {
                    List<Long> v = new ArrayList<>();
                    boolean zero = true;
                    for (String c : Contributions.COLUMNS) {
                        v.add(rs.getLong(c));
                        zero &= rs.getLong(c) == 0;
                    }
                    if (!zero) {
                        out.put(rs.getString("unit_code") + "|" + rs.getString("procedure_code") + "|"
                                + rs.getString("basis") + "|" + rs.getDate("month"), v);
                    }
                }, prefix + "%");
        return out;
    }

    private final Map<String, Long> ids = new HashMap<>();

    private OutboxEvent event(Map<String, Object> snapshot) {
        long id = ids.merge("n", 1L, Long::sum);
        return new OutboxEvent(id, "dossier", (String) snapshot.get("code"), "dossier.changed",
                json.valueToTree(new LinkedHashMap<>(snapshot)), OffsetDateTime.now());
    }
}
