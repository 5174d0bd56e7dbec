package vn.motcua.dossier;

import java.time.OffsetDateTime;

/**
 * A payment confirmed by the payment module (a gateway's verified callback or query, or cash recorded at the counter):
 * the dossier takes it through the rule book ({@code CONFIRM_PAYMENT} by the payment platform).
 *
 * @param reference the merchant reference of the transaction
 * @param amount    in đồng
 * @param method    how it was paid: {@code ONLINE} through a gateway, or {@code CASH} at the counter
 * @param gateway   the gateway (VNPAY, PAYMENT_PLATFORM, SANDBOX) or CASH
 * @param paidAt    when the gateway says it was paid
 */
public record PaymentReceived(String reference, long amount, Method method, String gateway, OffsetDateTime paidAt) {

    /**
     * How the dossier's history tells it (the note of its CONFIRM_PAYMENT line): "Đã nộp 8.000 đồng tiền mặt tại quầy,
     * biên lai …" or "Đã thanh toán trực tuyến 8.000 đồng qua VNPAY, mã giao dịch …".
     */
    public String note() {
        String figures = String.format(java.util.Locale.ROOT, "%,d", amount).replace(',', '.');
        return method == Method.CASH
                ? "Đã nộp " + figures + " đồng tiền mặt tại quầy, biên lai " + reference
                : "Đã thanh toán trực tuyến " + figures + " đồng qua " + gateway + ", mã giao dịch " + reference;
    }

    /** How a fee was paid. */
    public enum Method {
        ONLINE,
        CASH
    }
}
