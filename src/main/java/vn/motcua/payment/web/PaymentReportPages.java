package vn.motcua.payment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.payment.internal.PaymentReports;
import vn.motcua.platform.Actor;
import vn.motcua.platform.ProblemException;

/**
 * The payment report page ({@code /ke-toan/bao-cao-thu}) for accountants, an agency's leaders and the administrator:
 * the same report as {@code GET /api/v1/accounting/payment-report}, a filter form and the Excel download.
 */
@Controller
class PaymentReportPages {

    private final PaymentReports reports;
    private final MessageSource messages;

    PaymentReportPages(PaymentReports reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    @GetMapping("/ke-toan/bao-cao-thu")
    String page(Actor actor, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String by, @RequestParam(required = false) String agency,
                @RequestParam(required = false) String channel, Model model, HttpServletResponse response) {
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("by", by == null || by.isBlank() ? "DAY" : by.strip().toUpperCase(Locale.ROOT));
        model.addAttribute("agency", agency == null ? "" : agency);
        model.addAttribute("channel", channel == null ? "" : channel);
        model.addAttribute("admin", actor.isAdmin());
        PaymentReports.Filter f;
        try {
            f = reports.filter(actor, from, to, by, agency, channel);
        } catch (ProblemException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            model.addAttribute("errors", e.errors());
            model.addAttribute("report", null);
            response.setStatus(400);
            return "payment/report";
        }
        PaymentReports.Report r = reports.report(f);
        model.addAttribute("from", r.from());
        model.addAttribute("to", r.to());
        model.addAttribute("by", r.by().name());
        model.addAttribute("report", r);
        model.addAttribute("excelUrl", UriComponentsBuilder.fromPath("/ke-toan/bao-cao-thu.xlsx")
                .queryParam("from", r.from()).queryParam("to", r.to()).queryParam("by", r.by().name())
                .queryParamIfPresent("agency", Optional.ofNullable(actor.isAdmin() ? r.agency() : null))
                .queryParamIfPresent("channel", Optional.ofNullable(r.channel()))
                .build().encode().toUriString());
        return "payment/report";
    }

    @GetMapping("/ke-toan/bao-cao-thu.xlsx")
    ResponseEntity<byte[]> excel(Actor actor, @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to, @RequestParam(required = false) String by,
                                 @RequestParam(required = false) String agency,
                                 @RequestParam(required = false) String channel, Locale locale) {
        PaymentReports.Report r = reports.report(reports.filter(actor, from, to, by, agency, channel));
        return PaymentReportApi.xlsx(PaymentReportExcel.write(r, messages, locale), r);
    }
}
