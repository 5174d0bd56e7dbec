package vn.motcua.index766.internal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import vn.motcua.index766.Index766Settings;

/**
 * From a {@code dossier.changed} snapshot to the 766 facts, and the on-time rule of indicator 2.1
 * (DOMAIN.md §2.6, as DVCQG describes it [S8]), as implemented:
 * <ul>
 * <li>End of processing (NgayKetThucXuLy) = the first terminal status in the priority "Đã xử lý xong" (the
 *     moment of COMPLETE) &gt; "Đã trả kết quả" &gt; "Dừng xử lý / Từ chối / rút hồ sơ" (only for accepted
 *     dossiers). Without one the dossier is in progress.</li>
 * <li>Ended: early when the end's calendar date is before the due date, on time when not after the due moment,
 *     late otherwise ({@link #outcome}).</li>
 * <li>More than one supplement request during processing ⇒ late, whatever the dates.</li>
 * <li>Supplement time: the dossier module restarts the full processing time when the applicant supplies
 *     (Decree 61/2018 Art. 19(3)) and stores the new due moment; comparing with that due moment is the DVCQG rule
 *     "subtract (completed − requested)" without counting the waiting time twice.</li>
 * <li>Waiting for the applicant (a supplement, or a fee payment when configured): judged at the moment of the
 *     request, so the waiting time never makes a dossier late.</li>
 * <li>In progress: judged against the end of the period, or now for the current period ({@link #openOnTime}).</li>
 * <li>Apology: the due moment in force is the apology's new one (configurable: the original one).</li>
 * </ul>
 */
public final class FactRules {

    private FactRules() {
    }

    /** The facts of a {@code dossier.changed} payload (the live consumer). */
    public static Fact fromSnapshot(JsonNode p) {
        return from(new JsonSnapshot(p));
    }

    /** The facts of a {@link vn.motcua.dossier.DossierSnapshots} snapshot, read from the map as is (the recount). */
    public static Fact fromSnapshotMap(Map<String, Object> p) {
        return from(new MapSnapshot(p));
    }

    private static Fact from(Snapshot p) {
        String status = text(p, "status");
        if (status == null) {
            status = text(p, "toStatus");
        }
        OffsetDateTime receivedAt = time(p, "receivedAt");
        OffsetDateTime finishedAt = time(p, "finishedAt");
        OffsetDateTime returnedAt = time(p, "returnedAt");
        OffsetDateTime pausedAt = time(p, "pausedAt");
        OffsetDateTime endAt = null;
        String endKind = null;
        switch (status) {
            case "COMPLETED" -> {
                endAt = finishedAt;
                endKind = "FINISHED";
            }
            case "RETURNED" -> {
                endAt = finishedAt != null ? finishedAt : returnedAt;
                endKind = finishedAt != null ? "FINISHED" : "RETURNED";
            }
            case "REJECTED", "STOPPED" -> {
                endAt = finishedAt;
                endKind = "REJECTED";
            }
            case "WITHDRAWN" -> {
                endAt = finishedAt;
                endKind = "WITHDRAWN";
            }
            case "REFUSED" -> {
                endAt = finishedAt;
                endKind = "REFUSED";
            }
            default -> {
            }
        }
        boolean lateFlag = p.bool("lateFlag");
        OffsetDateTime due = time(p, "dueAt");
        OffsetDateTime originalDue = time(p, "originalDueAt");
        String channel = text(p, "channel");
        long fee = p.number("feeAmount");
        boolean feeBearing = fee > 0;
        boolean paid = time(p, "paidAt") != null;
        String idNumber = text(p, "applicantIdNumber");
        boolean account = p.present("applicantAccountId");
        boolean withResult = "FINISHED".equals(endKind) || "RETURNED".equals(endKind);
        boolean electronicResult = withResult && p.number("resultFiles") > 0;
        boolean electronicInputs = "ONLINE".equals(channel) || p.bool("digitised");
        OffsetDateTime waiting = "SUPPLEMENT_REQUESTED".equals(status) ? pausedAt : null;
        OffsetDateTime stopped = "SUPPLEMENT_REQUESTED".equals(status) || "AWAITING_PAYMENT".equals(status)
                ? pausedAt : null;
        return new Fact(p.number("id"), text(p, "code"), text(p, "procedureCode"), text(p, "procedureName"),
                text(p, "agencyCode"), text(p, "provinceCode"), text(p, "districtCode"), text(p, "communeCode"),
                text(p, "level"), channel, status, receivedAt, due, originalDue, endAt, endKind, returnedAt, null,
                (int) p.number("supplementCount"), waiting, stopped, (int) p.number("apologyCount"), lateFlag,
                electronicResult, electronicInputs && electronicResult,
                account && personalId(idNumber), account, feeBearing,
                feeBearing && paid && "ONLINE".equals(channel), text(p, "rating"));
    }

    /** The fact with its outcome (EARLY / ON_TIME / LATE once ended and counted) under the settings. */
    public static Fact withOutcome(Fact f, Index766Settings s, ZoneId zone) {
        String outcome = f.counted() && f.endAt() != null
                ? outcome(f.endAt(), due(f, s), f.lateFlag(), zone) : null;
        return new Fact(f.id(), f.code(), f.procedureCode(), f.procedureName(), f.agencyCode(), f.provinceCode(),
                f.districtCode(), f.communeCode(), f.level(), f.channel(), f.status(), f.receivedAt(), f.dueAt(),
                f.originalDueAt(), f.endAt(), f.endKind(), f.returnedAt(), outcome, f.supplementCount(),
                f.waitingSupplementSince(), s.paymentStopsClock() || f.waitingSupplementSince() != null
                        ? f.clockStoppedAt() : null, f.apologyCount(), f.lateFlag(), f.electronicResult(),
                f.digitised(), f.populationData(), f.applicantAccount(), f.feeBearing(), f.paidOnline(), f.rating());
    }

    /** The due moment the rule compares with. */
    public static OffsetDateTime due(Fact f, Index766Settings s) {
        return s.originalDue() && f.originalDueAt() != null ? f.originalDueAt() : f.dueAt();
    }

    /** Early / on time / late of an ended dossier (DOMAIN §2.6; calendar dates in Vietnam time). */
    public static String outcome(OffsetDateTime end, OffsetDateTime due, boolean lateFlag, ZoneId zone) {
        if (lateFlag || due == null) {
            return "LATE";
        }
        if (end.atZoneSameInstant(zone).toLocalDate().isBefore(due.atZoneSameInstant(zone).toLocalDate())) {
            return "EARLY";
        }
        return end.isAfter(due) ? "LATE" : "ON_TIME";
    }

    /**
     * An open dossier is within time at {@code t} (the end of the period, or now): not flagged late, and the
     * moment it is judged at (t, or when the clock stopped for the applicant if earlier) is not after the due moment.
     */
    public static boolean openOnTime(Fact f, OffsetDateTime t, Index766Settings s) {
        OffsetDateTime due = due(f, s);
        if (f.lateFlag() || due == null) {
            return false;
        }
        OffsetDateTime at = f.clockStoppedAt() != null && f.clockStoppedAt().isBefore(t) ? f.clockStoppedAt() : t;
        return !at.isAfter(due);
    }

    /** A 12-digit personal id (CCCD). */
    private static boolean personalId(String s) {
        if (s == null || s.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String text(Snapshot p, String field) {
        return p.text(field);
    }

    private static OffsetDateTime time(Snapshot p, String field) {
        String v = p.text(field);
        return v == null ? null : OffsetDateTime.parse(v);
    }

    /** The fields of a snapshot, whatever holds it (an event's JSON, or the map the dossier module streams). */
    private interface Snapshot {

        /** The value as text; null when missing or null. */
        String text(String field);

        /** The value as a number; 0 when missing, null or not a number. */
        long number(String field);

        /** True only for a boolean true. */
        boolean bool(String field);

        boolean present(String field);
    }

    private record JsonSnapshot(JsonNode p) implements Snapshot {

        @Override
        public String text(String field) {
            JsonNode v = p.get(field);
            return v == null || v.isNull() ? null : v.asString();
        }

        @Override
        public long number(String field) {
            JsonNode v = p.get(field);
            return v != null && v.isNumber() ? v.asLong() : 0;
        }

        @Override
        public boolean bool(String field) {
            return p.path(field).asBoolean(false);
        }

        @Override
        public boolean present(String field) {
            return p.hasNonNull(field);
        }
    }

    private record MapSnapshot(Map<String, Object> p) implements Snapshot {

        @Override
        public String text(String field) {
            Object v = p.get(field);
            return v == null ? null : v.toString();
        }

        @Override
        public long number(String field) {
            return p.get(field) instanceof Number n ? n.longValue() : 0;
        }

        @Override
        public boolean bool(String field) {
            return Boolean.TRUE.equals(p.get(field));
        }

        @Override
        public boolean present(String field) {
            return p.get(field) != null;
        }
    }
}
