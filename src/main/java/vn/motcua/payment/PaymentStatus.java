package vn.motcua.payment;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The state machine of one payment attempt: INITIATED → SUCCEEDED | FAILED | EXPIRED; SUCCEEDED → REFUND_REQUESTED →
 * REFUNDED. Nothing else: a settled attempt is never settled again (a replayed callback finds it settled).
 */
public enum PaymentStatus {
    /** khởi tạo: the citizen was sent to the gateway */
    INITIATED,
    /** thành công */
    SUCCEEDED,
    /** thất bại: cancelled, refused by the bank, the gateway unreachable when starting */
    FAILED,
    /** hết hạn: never paid, and the gateway confirms it after the cutoff */
    EXPIRED,
    /** đề nghị hoàn tiền */
    REFUND_REQUESTED,
    /** đã hoàn tiền */
    REFUNDED;

    private static final Map<PaymentStatus, Set<PaymentStatus>> NEXT = Map.of(
            INITIATED, EnumSet.of(SUCCEEDED, FAILED, EXPIRED),
            SUCCEEDED, EnumSet.of(REFUND_REQUESTED),
            FAILED, EnumSet.noneOf(PaymentStatus.class),
            EXPIRED, EnumSet.noneOf(PaymentStatus.class),
            REFUND_REQUESTED, EnumSet.of(REFUNDED),
            REFUNDED, EnumSet.noneOf(PaymentStatus.class));

    /** Whether the machine allows this turn. */
    public boolean canBecome(PaymentStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Money was received (and not returned). */
    public boolean paid() {
        return this == SUCCEEDED || this == REFUND_REQUESTED;
    }
}
