package vn.motcua.payment.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.payment.internal.CallbackAnswer;
import vn.motcua.payment.internal.PaymentService;
import vn.motcua.payment.vnpay.VnPayGateway;

/**
 * Where the gateway sends the browser back ({@code vnp_ReturnUrl}). The signed result is taken exactly like an IPN
 * (signature, reference, amount, state changed once), so whichever comes first settles the attempt and the other
 * finds it settled; the page then shows the attempt as it stands.
 */
@Controller
class PaymentResultPage {

    private final PaymentService payments;

    PaymentResultPage(PaymentService payments) {
        this.payments = payments;
    }

    @GetMapping("/thanh-toan/ket-qua")
    String result(@RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
        String reference = params.get("vnp_TxnRef");
        boolean valid = true;
        if (params.containsKey("vnp_SecureHash")) {
            CallbackAnswer a = payments.callback(VnPayGateway.NAME, "RETURN", params, request.getRemoteAddr());
            valid = a != CallbackAnswer.INVALID_SIGNATURE;
        } else if (params.containsKey("ref")) {
            reference = params.get("ref");
        }
        model.addAttribute("valid", valid);
        if (valid && reference != null) {
            payments.byReference(reference).ifPresent(p -> model.addAttribute("p", PaymentViews.of(p)));
        }
        return "payment/result";
    }
}
