package vn.motcua.index766.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hand-built rows of {@code index766_dossier} (the reports' only input) in 2013, far from any other test's
 * dossiers, and an independent recount of the report definitions over them (the oracle the tests compare to).
 */
final class ReportFacts {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final long FIRST_ID = 9_190_000_000L;
    static final String FROM = "2013-01-01";
    static final String TO = "2013-12-31";
    static final Instant START = LocalDateTime.parse("2013-01-01T00:00").atZone(VN).toInstant();
    static final Instant END = LocalDateTime.parse("2014-01-01T00:00").atZone(VN).toInstant();

    static final String MARITAL = "1.004873";   // xác nhận tình trạng hôn nhân (online)
    static final String BIRTH = "1.001193";     // đăng ký khai sinh (online)
    static final String PAPER = "1.004884";     // a commune procedure offered without an online level
    static final String TAN_PHU = "25195";
    static final String TIEN_HUNG = "25213";
    static final String DONG_XOAI = "689";
    static final String TAN_PHU_MC = "70.689.25195.MC";
    static final String TIEN_HUNG_MC = "70.689.25213.MC";
    static final String DONG_XOAI_MC = "70.689.MC";
    static final String JUSTICE = "70.S.TP";    // Sở Tư pháp

    /** One fact: times in Vietnam's zone ("2013-03-01T08:00"), null when absent. */
    record Fact(long id, String procedure, String agency, String district, String commune, String level,
                String channel, Instant received, Instant due, Instant end, String outcome, boolean lateFlag) {

        String unitKey() {
            return switch (level) {
                case "PROVINCE" -> agency;
                case "DISTRICT" -> district;
                default -> commune;
            };
        }
    }

    static final List<Fact> FACTS = new ArrayList<>();

    static {
        // Phường Tân Phú (commune level)
        add(MARITAL, TAN_PHU_MC, DONG_XOAI, TAN_PHU, "COMMUNE", "COUNTER", "2012-12-20T09:00", "2013-01-05T17:00", "2013-01-04T10:00", "EARLY", false);
        add(MARITAL, TAN_PHU_MC, DONG_XOAI, TAN_PHU, "COMMUNE", "COUNTER", "2012-11-01T09:00", "2012-11-10T17:00", "2012-11-09T10:00", "EARLY", false);
        add(MARITAL, TAN_PHU_MC, DONG_XOAI, TAN_PHU, "COMMUNE", "ONLINE", "2013-03-01T08:00", "2013-03-05T17:00", "2013-03-05T10:00", "ON_TIME", false);
        add(MARITAL, TAN_PHU_MC, DONG_XOAI, TAN_PHU, "COMMUNE", "ONLINE", "2013-03-02T08:00", "2013-03-06T17:00", "2013-03-08T10:00", "LATE", false);
        add(MARITAL, TAN_PHU_MC, DONG_XOAI, TAN_PHU, "COMMUNE", "COUNTER", "2013-04-01T08:00", "2013-04-03T17:00", "2013-04-02T10:00", "EARLY", true);
        add(MARITAL, TAN_PHU_MC, DONG_XOAI, TAN_PHU, "COMMUNE", "ONLINE", "2013-12-20T08:00", "2013-12-25T17:00", null, null, false);
        add(MARITAL, TAN_PHU_MC, DONG_XOAI, TAN_PHU, "COMMUNE", "COUNTER", "2013-12-28T08:00", "2014-01-03T17:00", null, null, false);
        add(PAPER, TAN_PHU_MC, DONG_XOAI, TAN_PHU, "COMMUNE", "POSTAL", "2013-12-30T08:00", "2013-12-31T10:00", "2014-01-02T10:00", "LATE", false);
        add(BIRTH, TAN_PHU_MC, DONG_XOAI, TAN_PHU, "COMMUNE", "ONLINE", "2014-01-05T08:00", "2014-01-06T17:00", null, null, false);
        add(BIRTH, TAN_PHU_MC, DONG_XOAI, TAN_PHU, "COMMUNE", "ONLINE", null, null, null, null, false);
        add(PAPER, TAN_PHU_MC, DONG_XOAI, TAN_PHU, "COMMUNE", "COUNTER", "2013-08-01T08:00", "2013-08-05T17:00", "2013-08-05T09:00", "ON_TIME", false);
        // Xã Tiến Hưng (commune level)
        add(MARITAL, TIEN_HUNG_MC, DONG_XOAI, TIEN_HUNG, "COMMUNE", "COUNTER", "2013-06-01T08:00", "2013-06-05T17:00", "2013-06-04T10:00", "EARLY", false);
        add(BIRTH, TIEN_HUNG_MC, DONG_XOAI, TIEN_HUNG, "COMMUNE", "ONLINE", "2013-06-02T08:00", "2013-06-06T17:00", "2013-06-06T16:00", "ON_TIME", false);
        // TP Đồng Xoài (district level)
        add(BIRTH, DONG_XOAI_MC, DONG_XOAI, null, "DISTRICT", "COUNTER", "2012-12-15T08:00", "2013-01-10T17:00", null, null, false);
        add(BIRTH, DONG_XOAI_MC, DONG_XOAI, null, "DISTRICT", "ONLINE", "2013-05-01T08:00", "2013-05-10T17:00", "2013-05-20T10:00", "LATE", false);
        add(BIRTH, DONG_XOAI_MC, DONG_XOAI, null, "DISTRICT", "COUNTER", "2013-05-02T08:00", "2013-05-10T17:00", "2013-05-09T10:00", "ON_TIME", false);
        // Sở Tư pháp (province level)
        add(MARITAL, JUSTICE, null, null, "PROVINCE", "ONLINE", "2013-07-01T08:00", "2013-07-10T17:00", "2013-07-10T09:00", "ON_TIME", false);
        add(MARITAL, JUSTICE, null, null, "PROVINCE", "ONLINE", "2013-07-02T08:00", "2013-07-15T17:00", "2013-07-12T09:00", "EARLY", false);
        add(MARITAL, JUSTICE, null, null, "PROVINCE", "COUNTER", "2013-07-03T08:00", "2099-01-01T17:00", null, null, false);
    }

    private static void add(String procedure, String agency, String district, String commune, String level,
                            String channel, String received, String due, String end, String outcome, boolean late) {
        FACTS.add(new Fact(FIRST_ID + FACTS.size(), procedure, agency, district, commune, level, channel, at(received),
                at(due), at(end), outcome, late));
    }

    static Instant at(String local) {
        return local == null ? null : LocalDateTime.parse(local).atZone(VN).toInstant();
    }

    /** Replaces the hand-built rows (idempotent: every test class may call it). */
    static void load(JdbcClient jdbc, Map<String, String> procedureNames) {
        jdbc.sql("delete from index766_dossier where dossier_id between :a and :b")
                .param("a", FIRST_ID).param("b", FIRST_ID + 9_999).update();
        for (Fact f : FACTS) {
            jdbc.sql("""
                    insert into index766_dossier (dossier_id, code, procedure_code, procedure_name, agency_code,
                      province_code, district_code, commune_code, level, channel, status, received_at, due_at, end_at,
                      end_kind, outcome, late_flag, supplement_count)
                    values (:id, :code, :procedure, :name, :agency, '70', :district, :commune, :level, :channel,
                      :status, :received, :due, :end, :endKind, :outcome, :late, :supplements)""")
                    .param("id", f.id()).param("code", "RPT-" + f.id()).param("procedure", f.procedure())
                    .param("name", procedureNames.getOrDefault(f.procedure(), f.procedure()))
                    .param("agency", f.agency()).param("district", f.district()).param("commune", f.commune())
                    .param("level", f.level()).param("channel", f.channel())
                    .param("status", f.end() != null ? "FINISHED" : f.received() != null ? "PROCESSING" : "SUBMITTED")
                    .param("received", ts(f.received())).param("due", ts(f.due())).param("end", ts(f.end()))
                    .param("endKind", f.end() != null ? "FINISHED" : null).param("outcome", f.outcome())
                    .param("late", f.lateFlag()).param("supplements", f.lateFlag() ? 2 : 0)
                    .update();
        }
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    /** The expected figures, recounted from the definitions (docs/REPORTS.md) over the hand-built facts. */
    record Expected(long carriedOver, long newOnline, long newDirect, long received, long processed, long early,
                    long onTime, long late, long inProgress, long withinTime, long overdue) {
    }

    static Expected expected(Predicate<Fact> which) {
        long carried = 0, online = 0, direct = 0, processed = 0, early = 0, late = 0, open = 0, overdue = 0;
        for (Fact f : FACTS) {
            if (!which.test(f) || f.received() == null || !f.received().isBefore(END)) {
                continue;
            }
            boolean endedBefore = f.end() != null && f.end().isBefore(START);
            if (endedBefore) {
                continue;
            }
            if (f.received().isBefore(START)) {
                carried++;
            } else if (f.channel().equals("ONLINE")) {
                online++;
            } else {
                direct++;
            }
            if (f.end() != null && f.end().isBefore(END)) {
                processed++;
                boolean isLate = f.lateFlag() || "LATE".equals(f.outcome());
                late += isLate ? 1 : 0;
                early += !isLate && "EARLY".equals(f.outcome()) ? 1 : 0;
            } else {
                open++;
                overdue += f.due() != null && f.due().isBefore(END) ? 1 : 0;
            }
        }
        return new Expected(carried, online, direct, carried + online + direct, processed, early, processed - late,
                late, open, open - overdue, overdue);
    }
}
