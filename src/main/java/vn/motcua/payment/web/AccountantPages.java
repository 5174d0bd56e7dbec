package vn.motcua.payment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.payment.internal.DailyReconciliation;
import vn.motcua.payment.internal.PaymentLedger;
import vn.motcua.payment.internal.PaymentRecord;
import vn.motcua.payment.internal.PaymentService;
import vn.motcua.platform.Actor;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;

/**
 * The accountant's pages ({@code /ke-toan}): the payments of a period by day, agency and channel with totals, the Excel
 * export, refunds with their reason, and the day's reconciliation report.
 */
@Controller
class AccountantPages {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PaymentLedger ledgers;
    private final PaymentService payments;
    private final DailyReconciliation daily;
    private final Organization organization;
    private final MessageSource messages;

    AccountantPages(PaymentLedger ledgers, PaymentService payments, DailyReconciliation daily,
                    Organization organization, MessageSource messages) {
        this.ledgers = ledgers;
        this.payments = payments;
        this.daily = daily;
        this.organization = organization;
        this.messages = messages;
    }

    @GetMapping({"/ke-toan", "/ke-toan/"})
    String home() {
        return "redirect:/ke-toan/thanh-toan";
    }

    @GetMapping("/ke-toan/thanh-toan")
    String page(Actor actor, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String agency, @RequestParam(required = false) String channel,
                Model model, HttpServletResponse response) {
        String today = ledgers.local(payments.now()).toLocalDate().toString();
        String f = from == null || from.isBlank() ? today : from;
        String t = to == null || to.isBlank() ? f : to;
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("agency", agency == null ? "" : agency);
        model.addAttribute("channel", channel == null ? "" : channel);
        model.addAttribute("admin", actor.isAdmin());
        model.addAttribute("agencyName", actor.agencyCode() == null ? null
                : organization.agency(actor.agencyCode()).map(Agency::name).map(AccountantPages::lastLine)
                        .orElse(actor.agencyCode()));
        PaymentLedger.Ledger l;
        try {
            l = ledgers.ledger(ledgers.filter(actor, f, t, agency, channel));
        } catch (ProblemException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            model.addAttribute("errors", e.errors());
            model.addAttribute("ledger", null);
            response.setStatus(400);
            return "payment/accounting";
        }
        model.addAttribute("ledger", l);
        model.addAttribute("groups", l.groups().stream().map(g -> {
            Map<String, Object> m = AccountingApi.totals(g);
            m.put("dateLocal", g.day().format(DAY));
            m.put("agencyName", name(g.agencyCode()));
            return m;
        }).toList());
        model.addAttribute("total", AccountingApi.totals(l.total()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PaymentRecord r : l.payments()) {
            Map<String, Object> m = PaymentViews.of(r);
            m.put("createdLocal", ledgers.local(r.createdAt()).format(MOMENT));
            m.put("agencyName", name(r.agencyCode()));
            m.put("payerName", r.payerName());
            m.put("refundReason", r.refundReason());
            m.put("refundable", r.status().name().equals("SUCCEEDED") || r.status().name().equals("REFUND_REQUESTED"));
            rows.add(m);
        }
        model.addAttribute("rows", rows);
        model.addAttribute("excelUrl", UriComponentsBuilder.fromPath("/ke-toan/thanh-toan.xlsx")
                .queryParam("from", l.filter().from()).queryParam("to", l.filter().to())
                .queryParamIfPresent("agency", java.util.Optional.ofNullable(l.filter().agencyCode()))
                .queryParamIfPresent("channel", java.util.Optional.ofNullable(l.filter().channel()))
                .build().encode().toUriString());
        LocalDate day = l.filter().to();
        model.addAttribute("reportDay", day.format(DAY));
        model.addAttribute("reports", daily.recent(400).stream().filter(r -> r.day().equals(day)).map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("gateway", r.gateway());
            m.put("checked", r.checked());
            m.put("matched", r.matched());
            m.put("ourPaidTotal", r.ourPaidTotal());
            m.put("gatewayPaidTotal", r.gatewayPaidTotal());
            m.put("difference", r.difference());
            m.put("mismatches", r.mismatches().stream().filter(x -> ledgers.reads(actor, x.agencyCode())).toList());
            return m;
        }).toList());
        return "payment/accounting";
    }

    @GetMapping("/ke-toan/thanh-toan.xlsx")
    ResponseEntity<byte[]> excel(Actor actor, @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String agency,
                                 @RequestParam(required = false) String channel, Locale locale) {
        PaymentLedger.Ledger l = ledgers.ledger(ledgers.filter(actor, from, to, agency, channel));
        return AccountingApi.xlsx(LedgerExcel.write(ledgers, l, messages, locale), l);
    }

    @PostMapping("/ke-toan/thanh-toan/{paymentId}/hoan-tien")
    String refund(Actor actor, @PathVariable UUID paymentId, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) Integer version, @RequestParam(required = false) String back,
                  @RequestParam(required = false) String manual, RedirectAttributes redirect) {
        try {
            PaymentRecord r = payments.refund(actor, paymentId, version, reason, "true".equals(manual));
            redirect.addFlashAttribute("refunded", r.reference());
            redirect.addFlashAttribute("refundStatus", r.status().name());
        } catch (ProblemException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("errors", e.errors().isEmpty()
                    ? List.of(FieldProblem.of("reason-" + paymentId, e.detailKey(), e.args())) : e.errors());
        }
        return "redirect:" + (back != null && back.startsWith("/ke-toan/") ? back : "/ke-toan/thanh-toan");
    }

    /** The agency of a past payment as it was (a closed predecessor's own name, issue 11), not its successor. */
    private String name(String agencyCode) {
        return organization.agencyAsRecorded(agencyCode).map(Agency::name).map(AccountantPages::lastLine)
                .orElse(agencyCode);
    }

    private static String lastLine(String n) {
        return n.strip().lines().reduce((a, b) -> b).orElse(n).strip();
    }
}
