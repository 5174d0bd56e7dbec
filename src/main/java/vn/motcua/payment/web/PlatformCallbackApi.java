package vn.motcua.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.payment.internal.CallbackAnswer;
import vn.motcua.payment.internal.PaymentService;
import vn.motcua.payment.platform.PlatformGateway;
import vn.motcua.platform.limits.LimitKind;
import vn.motcua.platform.limits.RateLimits;

/**
 * The national payment platform's confirmation (platform → province, server to server): its MaXacThuc checked first
 * in constant time, then the reference, the amount and the state changed once, exactly like VNPay's IPN; answered with
 * the platform's reply {MaLoi, MoTaLoi, MaDoiTac, MaThamChieu, ThoiGianGD, MaXacThuc}. Rate-limited per reference
 * (replays) through {@link LimitKind#PAYMENT}.
 */
@RestController
@Tag(name = "Payments")
class PlatformCallbackApi {

    private final PaymentService payments;
    private final PlatformGateway platform;
    private final RateLimits limits;

    PlatformCallbackApi(PaymentService payments, PlatformGateway platform, RateLimits limits) {
        this.payments = payments;
        this.platform = platform;
        this.limits = limits;
    }

    @PostMapping("/api/v1/payments/platform/callback")
    @Operation(summary = "National payment platform (v1.0.6) confirmation: MaXacThuc (SHA-256) checked first; answers "
            + "MaLoi 00 when the payment is taken (or already was), 99 otherwise (forged, unknown reference, wrong "
            + "amount); 429 when one reference is sent too often")
    GatewayAnswers.PlatformReply callback(@RequestBody(required = false) Map<String, Object> body,
                                 HttpServletRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body != null) {
            body.forEach((k, v) -> params.put(k, v == null || v instanceof Map || v instanceof Iterable ? null
                    : v.toString()));
        }
        String reference = params.get("MaThamChieu");
        limits.check(LimitKind.PAYMENT, "platform-callback:" + (reference == null || reference.isBlank()
                ? request.getRemoteAddr() : reference.strip()));
        CallbackAnswer a = payments.callback(PlatformGateway.NAME, "CALLBACK", params, request.getRemoteAddr());
        boolean taken = a == CallbackAnswer.CONFIRMED || a == CallbackAnswer.ALREADY_CONFIRMED;
        return GatewayAnswers.PlatformReply.of(platform.reply(taken, taken ? null : a.message(), params));
    }
}
