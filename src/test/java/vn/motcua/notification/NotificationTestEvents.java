package vn.motcua.notification;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** {@code dossier.changed} payloads as DossierEvents builds them, and polling, for the notification tests. */
public final class NotificationTestEvents {

    public static final String AGENCY = "70.689.25195.MC";
    public static final String DUE = "2031-05-06T10:00:00+07:00";

    private NotificationTestEvents() {
    }

    /** A dossier code no other test uses. */
    public static String newCode() {
        return "TEST-NOTIF-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    public static Map<String, Object> payload(String code, String action, String email, String phone, String reason) {
        return payload(code, action, null, null, email, phone, null, reason);
    }

    public static Map<String, Object> payload(String code, String action, String from, String to, String email,
                                              String phone, Long accountId, String reason) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", 1L);
        p.put("code", code);
        p.put("action", action);
        p.put("fromStatus", from);
        p.put("toStatus", to);
        p.put("at", "2031-04-22T09:15:00+07:00");
        p.put("actorId", 0L);
        p.put("actorName", "Cán bộ tiếp nhận Phường Tân Phú");
        p.put("reason", reason);
        p.put("procedureCode", "1.000894");
        p.put("procedureName", "Đăng ký kết hôn");
        p.put("agencyCode", AGENCY);
        p.put("channel", "ONLINE");
        p.put("receivedAt", "2031-04-22T09:15:00+07:00");
        p.put("dueAt", DUE);
        p.put("originalDueAt", null);
        p.put("feeAmount", null);
        p.put("applicantAccountId", accountId);
        p.put("applicantName", "Nguyễn Văn An");
        p.put("applicantEmail", email);
        p.put("applicantPhone", phone);
        p.put("applicantIdNumber", "070090001234");
        return p;
    }

    /** Polls until the value satisfies the condition, for up to 15 seconds. */
    public static <T> T await(String what, Supplier<T> value, Predicate<T> ok) {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            T v = value.get();
            if (ok.test(v)) {
                return v;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("Waited 15 s for " + what + "; last value: " + v);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
