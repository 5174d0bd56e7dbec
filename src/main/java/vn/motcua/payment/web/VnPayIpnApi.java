package vn.motcua.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.payment.internal.CallbackAnswer;
import vn.motcua.payment.internal.PaymentService;
import vn.motcua.payment.vnpay.VnPayGateway;

/** VNPay's server-to-server notification (IPN), authoritative: always HTTP 200 with {@code {RspCode, Message}}. */
@RestController
@Tag(name = "Payments")
class VnPayIpnApi {

    private final PaymentService payments;

    VnPayIpnApi(PaymentService payments) {
        this.payments = payments;
    }

    @GetMapping("/api/v1/payments/vnpay/ipn")
    @Operation(summary = "VNPay 2.1.0 IPN: signature checked first; answers 00 confirmed, 01 order not found, 02 already "
            + "confirmed, 04 invalid amount, 97 invalid signature, 99 other")
    GatewayAnswers.VnPayIpn ipn(@RequestParam Map<String, String> params, HttpServletRequest request) {
        CallbackAnswer a = payments.callback(VnPayGateway.NAME, "IPN", params, request.getRemoteAddr());
        return GatewayAnswers.VnPayIpn.of(a);
    }
}
