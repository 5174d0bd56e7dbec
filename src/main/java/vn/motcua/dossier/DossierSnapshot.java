package vn.motcua.dossier;

import java.time.OffsetDateTime;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import vn.motcua.platform.Channel;

/**
 * The state of a dossier as other modules see it: carried by every {@link DossierChanged} event and streamed by
 * {@link DossierSnapshots}. The JSON field names are those of the outbox payload (unchanged since the first
 * release, so old outbox rows still decode).
 *
 * @param status         the status (null only in a malformed event)
 * @param level          PROVINCE, DISTRICT or COMMUNE (the receiving agency's)
 * @param outcome        EARLY / ON_TIME / LATE once finished after acceptance
 * @param feeAmount      the fee in đồng as the catalogue computed it (or as an officer set it when asking for payment)
 * @param supplementStage RECEPTION or PROCESSING while a supplement is pending
 * @param resultFiles    result documents attached: an electronic result was issued when &gt; 0
 * @param version        the dossier's version after the change (0 in events written before it was recorded)
 */
public record DossierSnapshot(long id, String code, DossierStatus status, String procedureCode, String procedureName,
                              String agencyCode, String provinceCode, String districtCode, String communeCode,
                              String level, Channel channel, OffsetDateTime submittedAt, OffsetDateTime receivedAt,
                              OffsetDateTime dueAt, OffsetDateTime originalDueAt, OffsetDateTime pausedAt,
                              OffsetDateTime finishedAt, OffsetDateTime returnedAt, Outcome outcome,
                              int supplementCount, int apologyCount, boolean lateFlag, boolean digitised,
                              Long feeAmount, OffsetDateTime paidAt, String rating, Long assigneeId,
                              String currentStepRole, String currentStepAgency, Long applicantAccountId,
                              String applicantName, String applicantEmail, String applicantPhone,
                              String applicantIdNumber, String supplementStage, int resultFiles, int version) {

    /** Writes the fields into a payload map (the outbox's JSON). */
    void write(Map<String, Object> p) {
        p.put("id", id);
        p.put("code", code);
        p.put("status", status == null ? null : status.name());
        p.put("procedureCode", procedureCode);
        p.put("procedureName", procedureName);
        p.put("agencyCode", agencyCode);
        p.put("provinceCode", provinceCode);
        p.put("districtCode", districtCode);
        p.put("communeCode", communeCode);
        p.put("level", level);
        p.put("channel", channel == null ? null : channel.name());
        p.put("submittedAt", Json.time(submittedAt));
        p.put("receivedAt", Json.time(receivedAt));
        p.put("dueAt", Json.time(dueAt));
        p.put("originalDueAt", Json.time(originalDueAt));
        p.put("pausedAt", Json.time(pausedAt));
        p.put("finishedAt", Json.time(finishedAt));
        p.put("returnedAt", Json.time(returnedAt));
        p.put("outcome", outcome == null ? null : outcome.name());
        p.put("supplementCount", supplementCount);
        p.put("apologyCount", apologyCount);
        p.put("lateFlag", lateFlag);
        p.put("digitised", digitised);
        p.put("feeAmount", feeAmount);
        p.put("paidAt", Json.time(paidAt));
        p.put("rating", rating);
        p.put("assigneeId", assigneeId);
        p.put("currentStepRole", currentStepRole);
        p.put("currentStepAgency", currentStepAgency);
        p.put("applicantAccountId", applicantAccountId);
        p.put("applicantName", applicantName);
        p.put("applicantEmail", applicantEmail);
        p.put("applicantPhone", applicantPhone);
        p.put("applicantIdNumber", applicantIdNumber);
        p.put("supplementStage", supplementStage);
        p.put("resultFiles", resultFiles);
        p.put("version", version);
    }

    /** Reads the fields from a payload; {@code status} falls back to {@code toStatus} (both are written). */
    static DossierSnapshot read(JsonNode p) {
        String status = Json.text(p, "status");
        if (status == null) {
            status = Json.text(p, "toStatus");
        }
        String channel = Json.text(p, "channel");
        String outcome = Json.text(p, "outcome");
        return new DossierSnapshot(Json.number(p, "id", 0L), Json.text(p, "code"),
                Json.constant(DossierStatus.class, status),
                Json.text(p, "procedureCode"), Json.text(p, "procedureName"), Json.text(p, "agencyCode"),
                Json.text(p, "provinceCode"), Json.text(p, "districtCode"), Json.text(p, "communeCode"),
                Json.text(p, "level"), Json.constant(Channel.class, channel), Json.time(p, "submittedAt"),
                Json.time(p, "receivedAt"), Json.time(p, "dueAt"), Json.time(p, "originalDueAt"),
                Json.time(p, "pausedAt"), Json.time(p, "finishedAt"), Json.time(p, "returnedAt"),
                Json.constant(Outcome.class, outcome), (int) Json.number(p, "supplementCount", 0L),
                (int) Json.number(p, "apologyCount", 0L), Json.bool(p, "lateFlag"), Json.bool(p, "digitised"),
                Json.number(p, "feeAmount"), Json.time(p, "paidAt"), Json.text(p, "rating"),
                Json.number(p, "assigneeId"), Json.text(p, "currentStepRole"), Json.text(p, "currentStepAgency"),
                Json.number(p, "applicantAccountId"), Json.text(p, "applicantName"), Json.text(p, "applicantEmail"),
                Json.text(p, "applicantPhone"), Json.text(p, "applicantIdNumber"), Json.text(p, "supplementStage"),
                (int) Json.number(p, "resultFiles", 0L), (int) Json.number(p, "version", 0L));
    }

    /**
     * Small readers of the payload JSON, tolerant of missing, null and unreadable fields (read as null): an odd value
     * in one field never makes a whole event unreadable.
     */
    static final class Json {

        private Json() {
        }

        static String time(OffsetDateTime t) {
            return t == null ? null : t.toString();
        }

        static String text(JsonNode p, String field) {
            JsonNode v = p.get(field);
            return v == null || v.isNull() || v.isMissingNode() || v.isContainer() ? null : v.asString();
        }

        static OffsetDateTime time(JsonNode p, String field) {
            String s = text(p, field);
            try {
                return s == null || s.isBlank() ? null : OffsetDateTime.parse(s.strip());
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }

        static <E extends Enum<E>> E constant(Class<E> type, String name) {
            if (name == null || name.isBlank()) {
                return null;
            }
            try {
                return Enum.valueOf(type, name.strip());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        static Long number(JsonNode p, String field) {
            JsonNode v = p.get(field);
            if (v == null || v.isNull() || v.isMissingNode()) {
                return null;
            }
            if (v.isNumber()) {
                return v.canConvertToLong() ? v.asLong() : null;
            }
            String s = v.asString().strip();
            return s.matches("-?\\d{1,18}") ? Long.parseLong(s) : null;
        }

        static long number(JsonNode p, String field, long otherwise) {
            Long n = number(p, field);
            return n == null ? otherwise : n;
        }

        static boolean bool(JsonNode p, String field) {
            JsonNode v = p.get(field);
            return v != null && v.asBoolean(false);
        }
    }
}
