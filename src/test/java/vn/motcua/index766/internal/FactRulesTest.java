package vn.motcua.index766.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.index766.Index766Settings;

/** The on-time rule of 2.1 (DOMAIN.md §2.6) and the facts and contributions of hand-built dossiers. */
class FactRulesTest {

    static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

    static final JsonMapper JSON = JsonMapper.builder().build();
    final Index766Settings s = Index766Settings.defaults();

    static OffsetDateTime t(String s) {
        return OffsetDateTime.parse(s + "+07:00");
    }

    /** A dossier accepted at 08:00 06/05/2026, due 10:00 08/05/2026, at a commune one-stop. */
    static Map<String, Object> dossier(String status) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", 1L);
        p.put("code", "H10-260506-0001");
        p.put("status", status);
        p.put("procedureCode", "1.004873");
        p.put("procedureName", "Xác nhận tình trạng hôn nhân");
        p.put("agencyCode", "AG");
        p.put("provinceCode", "70");
        p.put("districtCode", "689");
        p.put("communeCode", "25195");
        p.put("level", "COMMUNE");
        p.put("channel", "ONLINE");
        p.put("receivedAt", "2026-05-06T08:00:00+07:00");
        p.put("dueAt", "2026-05-08T10:00:00+07:00");
        p.put("originalDueAt", "2026-05-08T10:00:00+07:00");
        p.put("supplementCount", 0);
        p.put("apologyCount", 0);
        p.put("lateFlag", false);
        p.put("resultFiles", 0);
        return p;
    }

    Fact fact(Map<String, Object> p) {
        return FactRules.withOutcome(FactRules.fromSnapshot(vn.motcua.dossier.DossierChanged.fromPayload(JSON.valueToTree(p)).dossier()), s, VIETNAM);
    }

    @Test
    void finishedAfterTheDueMomentOnTheDueDateIsLateBeforeIsOnTimeAndTheDayBeforeIsEarly() {
        var p = dossier("COMPLETED");
        p.put("finishedAt", "2026-05-08T14:05:00+07:00");
        p.put("resultFiles", 1);
        assertThat(fact(p).outcome()).isEqualTo("LATE");
        p.put("finishedAt", "2026-05-08T09:59:00+07:00");
        assertThat(fact(p).outcome()).isEqualTo("ON_TIME");
        p.put("finishedAt", "2026-05-07T16:00:00+07:00");
        Fact f = fact(p);
        assertThat(f.outcome()).isEqualTo("EARLY");
        assertThat(f.endKind()).isEqualTo("FINISHED");
        assertThat(f.electronicResult()).isTrue();
        assertThat(f.digitised()).as("online inputs and an electronic result").isTrue();
    }

    @Test
    void theEndIsTheFirstTerminalStatusXuLyXongBeforeTraKetQua() {
        var p = dossier("RETURNED");
        p.put("finishedAt", "2026-05-08T09:00:00+07:00");
        p.put("returnedAt", "2026-05-12T09:00:00+07:00");
        Fact f = fact(p);
        assertThat(f.endAt()).isEqualTo(t("2026-05-08T09:00:00"));
        assertThat(f.outcome()).as("returned late, processed on time").isEqualTo("ON_TIME");
    }

    @Test
    void stoppedRejectedAndWithdrawnEndTheProcessingToo() {
        for (String status : List.of("STOPPED", "REJECTED", "WITHDRAWN")) {
            var p = dossier(status);
            p.put("finishedAt", "2026-05-09T08:00:00+07:00");
            Fact f = fact(p);
            assertThat(f.endAt()).as(status).isNotNull();
            assertThat(f.outcome()).as(status).isEqualTo("LATE");
            assertThat(f.withResult()).isFalse();
        }
        var refused = dossier("REFUSED");
        refused.remove("receivedAt");
        refused.put("finishedAt", "2026-05-09T08:00:00+07:00");
        assertThat(fact(refused).counted()).as("refused before acceptance: not counted").isFalse();
    }

    @Test
    void moreThanOneSupplementRequestIsLateWhateverTheDates() {
        var p = dossier("COMPLETED");
        p.put("finishedAt", "2026-05-07T08:00:00+07:00");
        p.put("supplementCount", 2);
        p.put("lateFlag", true);
        assertThat(fact(p).outcome()).isEqualTo("LATE");
        var open = dossier("PROCESSING");
        open.put("supplementCount", 2);
        open.put("lateFlag", true);
        assertThat(FactRules.openOnTime(fact(open), t("2026-05-06T09:00:00"), s)).isFalse();
    }

    @Test
    void supplementTimeDoesNotCountTheDueMomentRestartsAfterSupply() {
        // requested 07/05, supplied 20/05: the dossier module restarts the full time, due 22/05 10:00
        var p = dossier("COMPLETED");
        p.put("supplementCount", 1);
        p.put("dueAt", "2026-05-22T10:00:00+07:00");
        p.put("originalDueAt", "2026-05-22T10:00:00+07:00");
        p.put("finishedAt", "2026-05-21T15:00:00+07:00");
        assertThat(fact(p).outcome()).as("after the first due date, before the restarted one").isEqualTo("EARLY");
    }

    @Test
    void aDossierWaitingForTheApplicantIsJudgedAtTheRequestAndNeverBecomesLateWhileWaiting() {
        var p = dossier("SUPPLEMENT_REQUESTED");
        p.put("supplementCount", 1);
        p.put("pausedAt", "2026-05-07T09:00:00+07:00");
        Fact f = fact(p);
        assertThat(f.waitingSupplementSince()).isEqualTo(t("2026-05-07T09:00:00"));
        assertThat(FactRules.openOnTime(f, t("2026-06-30T23:00:00"), s)).isTrue();
        p.put("pausedAt", "2026-05-08T11:00:00+07:00"); // asked after the due moment: already late
        assertThat(FactRules.openOnTime(fact(p), t("2026-06-30T23:00:00"), s)).isFalse();
    }

    @Test
    void inProgressDossiersAreJudgedAtTheEndOfThePeriod() {
        Fact f = fact(dossier("PROCESSING"));
        assertThat(f.endAt()).isNull();
        assertThat(FactRules.openOnTime(f, t("2026-05-08T10:00:00"), s)).isTrue();
        assertThat(FactRules.openOnTime(f, t("2026-05-08T10:01:00"), s)).isFalse();
    }

    @Test
    void anApologyMovesTheDueMomentUnlessTheOriginalIsConfigured() {
        var p = dossier("COMPLETED");
        p.put("apologyCount", 1);
        p.put("dueAt", "2026-05-12T10:00:00+07:00");
        p.put("finishedAt", "2026-05-11T10:00:00+07:00");
        assertThat(fact(p).outcome()).isEqualTo("EARLY");
        var original = new Index766Settings("ORIGINAL", true, false, false, vn.motcua.index766.Indicators.Key.LIN, true);
        Fact f = FactRules.withOutcome(FactRules.fromSnapshot(vn.motcua.dossier.DossierChanged.fromPayload(JSON.valueToTree(p)).dossier()), original, VIETNAM);
        assertThat(f.outcome()).isEqualTo("LATE");
    }

    @Test
    void aDossierOpenAcrossMonthEndsCountsInEachClosedMonthThenWhereItEnds() {
        var p = dossier("COMPLETED");
        p.put("receivedAt", "2026-03-20T08:00:00+07:00");
        p.put("dueAt", "2026-04-15T10:00:00+07:00");
        p.put("finishedAt", "2026-05-04T08:00:00+07:00");
        Map<Contributions.Key, long[]> sums = new HashMap<>();
        Contributions.of(fact(p), 1, YearMonth.of(2026, 5), VIETNAM, s, (k, v) -> {
            if (k.unit().equals("70") && k.procedure().isEmpty()) {
                sums.merge(k, v.clone(), (a, b) -> {
                    for (int i = 0; i < a.length; i++) {
                        a[i] += b[i];
                    }
                    return a;
                });
            }
        });
        List<String> keys = new ArrayList<>();
        sums.keySet().stream().sorted().forEach(k -> keys.add(k.basis() + " " + k.month()));
        assertThat(keys).containsExactlyInAnyOrder("R 2026-03-01", "O 2026-03-01", "O 2026-04-01", "F 2026-05-01");
        assertThat(sums.get(new Contributions.Key(java.time.LocalDate.of(2026, 3, 1), 'O', "70", ""))[Contributions.ON_TIME])
                .as("within time at the end of March").isEqualTo(1);
        assertThat(sums.get(new Contributions.Key(java.time.LocalDate.of(2026, 4, 1), 'O', "70", ""))[Contributions.LATE])
                .as("overdue at the end of April").isEqualTo(1);
        assertThat(sums.get(new Contributions.Key(java.time.LocalDate.of(2026, 5, 1), 'F', "70", ""))[Contributions.LATE])
                .isEqualTo(1);
    }
}
