package vn.motcua.payment.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.FeeQuote;
import vn.motcua.dossier.PayableDossier;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.payment.internal.PaymentRecord;
import vn.motcua.payment.internal.PaymentService;
import vn.motcua.payment.receipt.EReceipts;
import vn.motcua.payment.vnpay.SandboxProperties;
import vn.motcua.platform.Actor;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;

/**
 * The citizen's payment page of a dossier ("Yêu cầu thanh toán"): what is owed, phí and lệ phí apart, as the catalogue
 * quoted it; the online channels to choose from and the counter's cash instructions; the attempts so far with their
 * receipts. Paying sends the browser to the gateway; it comes back to {@code /thanh-toan/ket-qua}.
 */
@Controller
class PaymentPages {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final PaymentService payments;
    private final EReceipts receipts;
    private final Organization organization;
    private final WorkingCalendar calendar;
    private final SandboxProperties sandbox;

    PaymentPages(PaymentService payments, EReceipts receipts, Organization organization, WorkingCalendar calendar,
                 SandboxProperties sandbox) {
        this.payments = payments;
        this.receipts = receipts;
        this.organization = organization;
        this.calendar = calendar;
        this.sandbox = sandbox;
    }

    @GetMapping("/ho-so/{code}/thanh-toan")
    String page(Actor actor, @PathVariable String code, Model model) {
        PayableDossier d = payments.dossier(actor, code);
        List<PaymentRecord> attempts = payments.list(actor, code);
        long due = payments.due(d);
        model.addAttribute("d", d);
        model.addAttribute("phi", lines(d.feeItems(), true));
        model.addAttribute("lePhi", lines(d.feeItems(), false));
        model.addAttribute("due", due);
        model.addAttribute("paid", d.feeAmount() - due);
        model.addAttribute("agencyName", organization.agencyAsRecorded(d.agencyCode()).map(Agency::name)
                .map(n -> n.strip().lines().reduce((a, b) -> b).orElse(n).strip()).orElse(d.agencyCode()));
        boolean applicant = d.applicantAccountId() != null && d.applicantAccountId() == actor.accountId();
        model.addAttribute("canPay", applicant && d.open() && due > 0 && d.feeComplete());
        model.addAttribute("amountNotSet", d.open() && !d.feeComplete());
        model.addAttribute("channels", payments.onlineChannels());
        model.addAttribute("sandbox", sandbox.enabled());
        List<Map<String, Object>> list = new ArrayList<>();
        for (PaymentRecord r : attempts.reversed()) {
            Map<String, Object> m = PaymentViews.of(r);
            m.put("createdLocal", local(r.createdAt()));
            boolean receipted = r.status().paid() || r.status().name().equals("REFUNDED");
            m.put("receiptPages", receipted ? PaymentViews.categories(r).stream().map(c -> Map.of("category", c.name(),
                    "url", "/ho-so/" + r.dossierCode() + "/thanh-toan/" + r.id() + "/bien-lai.pdf?category=" + c.name()))
                    .toList() : List.of());
            list.add(m);
        }
        model.addAttribute("attempts", list);
        return "payment/pay";
    }

    @PostMapping("/ho-so/{code}/thanh-toan")
    String pay(Actor actor, @PathVariable String code, @RequestParam(required = false) String channel,
               HttpServletRequest request, RedirectAttributes redirect) {
        try {
            var started = payments.start(actor, code, channel, request.getRemoteAddr(), PaymentApi.base(request));
            return "redirect:" + started.payment().redirectUrl();
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("paymentErrors", e.errors().isEmpty()
                    ? List.of(FieldProblem.of("channel", e.detailKey(), e.args())) : e.errors());
            return "redirect:/ho-so/" + code + "/thanh-toan";
        }
    }

    @GetMapping("/ho-so/{code}/thanh-toan/{paymentId}/bien-lai.pdf")
    ResponseEntity<byte[]> receipt(Actor actor, @PathVariable String code, @PathVariable String paymentId,
                                   @RequestParam(required = false) String category) {
        var c = PaymentApi.category(category);
        PaymentRecord r = PaymentApi.visible(payments, actor, paymentId);
        if (!r.dossierCode().equals(code)) {
            throw ProblemException.notFound("payment.notFound", paymentId);
        }
        return PaymentApi.pdf(receipts.pdf(r, c), PaymentApi.receiptName(r, c, "pdf"));
    }

    private static List<FeeQuote.Item> lines(List<FeeQuote.Item> items, boolean phi) {
        return items.stream().filter(i -> "phi".equals(i.kind()) == phi).toList();
    }

    private String local(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(calendar.zone()).format(MOMENT);
    }
}
