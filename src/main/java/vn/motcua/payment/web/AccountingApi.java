package vn.motcua.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.payment.internal.DailyReconciliation;
import vn.motcua.payment.internal.PaymentLedger;
import vn.motcua.payment.internal.PaymentRecord;
import vn.motcua.payment.internal.PaymentService;
import vn.motcua.platform.Actor;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;

/** The accountant's API: the daily reconciliation reports of the gateways (docs/PAYMENTS.md "Reconciliation"). */
@RestController
@Tag(name = "Payments")
class AccountingApi {

    private final DailyReconciliation daily;
    private final PaymentLedger ledgers;
    private final PaymentService payments;
    private final MessageSource messages;

    AccountingApi(DailyReconciliation daily, PaymentLedger ledgers, PaymentService payments, MessageSource messages) {
        this.daily = daily;
        this.ledgers = ledgers;
        this.payments = payments;
        this.messages = messages;
    }

    /**
     * A refund: why (required), the version seen (optimistic locking), and whether the money already went back
     * outside the gateway (a bank transfer: {@code manual: true}).
     */
    record Refund(String reason, Integer version, Boolean manual) {
    }

    @GetMapping("/api/v1/accounting/payments")
    @Operation(summary = "The payment attempts of a period (from, to: yyyy-MM-dd, at most 92 days) by agency and "
            + "channel, with totals by day, agency and channel and the grand total (paid, refunded, success rate)")
    @ApiResponse(responseCode = "200", description = "The attempts and their totals",
            content = @Content(schema = @Schema(implementation = AccountingSchemas.Ledger.class)))
    Map<String, Object> ledger(Actor actor, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to,
                               @RequestParam(required = false) String agency,
                               @RequestParam(required = false) String channel) {
        PaymentLedger.Ledger l = ledgers.ledger(ledgers.filter(actor, from, to, agency, channel));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", l.filter().from().toString());
        m.put("to", l.filter().to().toString());
        m.put("agency", l.filter().agencyCode());
        m.put("channel", l.filter().channel());
        m.put("items", l.payments().stream().map(r -> {
            Map<String, Object> v = PaymentViews.of(r);
            v.put("agencyCode", r.agencyCode());
            v.put("payerName", r.payerName());
            v.put("refundReason", r.refundReason());
            return v;
        }).toList());
        m.put("groups", l.groups().stream().map(AccountingApi::totals).toList());
        m.put("total", totals(l.total()));
        return m;
    }

    @GetMapping("/api/v1/accounting/payments.xlsx")
    @Operation(summary = "The same period as an Excel workbook: every attempt, and the totals by day, agency and channel")
    ResponseEntity<byte[]> excel(Actor actor, @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String agency,
                                 @RequestParam(required = false) String channel, Locale locale) {
        PaymentLedger.Ledger l = ledgers.ledger(ledgers.filter(actor, from, to, agency, channel));
        return xlsx(LedgerExcel.write(ledgers, l, messages, locale), l);
    }

    @PostMapping("/api/v1/accounting/payments/{paymentId}/refund")
    @Operation(summary = "Record a refund with its reason: the money goes back (cash at the counter, or the gateway's "
            + "refund) and the attempt becomes REFUNDED; 400 naming reason or version; 409 stale version or not paid; "
            + "503 the gateway could not be reached (the request stays recorded)")
    @ApiResponse(responseCode = "200", description = "The refund recorded",
            content = @Content(schema = @Schema(implementation = AccountingSchemas.RefundedPayment.class)))
    @ApiResponse(responseCode = "503", description = "The gateway could not be reached: the refund request stays "
            + "recorded (REFUND_REQUESTED); asking again retries")
    Map<String, Object> refund(Actor actor, @PathVariable String paymentId, @RequestBody(required = false) Refund body) {
        UUID id;
        try {
            id = UUID.fromString(paymentId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("payment.notFound", paymentId);
        }
        PaymentRecord r = payments.refund(actor, id, body == null ? null : body.version(),
                body == null ? null : body.reason(), body != null && Boolean.TRUE.equals(body.manual()));
        Map<String, Object> v = PaymentViews.of(r);
        v.put("refundReason", r.refundReason());
        return v;
    }

    static ResponseEntity<byte[]> xlsx(byte[] content, PaymentLedger.Ledger l) {
        String name = "thanh-toan-" + l.filter().from() + "-" + l.filter().to() + ".xlsx";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header("Content-Disposition", ContentDisposition.attachment().filename(name).build().toString())
                .header("Cache-Control", "private, no-store").body(content);
    }

    static Map<String, Object> totals(PaymentLedger.Totals t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", t.day() == null ? null : t.day().toString());
        m.put("agencyCode", t.agencyCode());
        m.put("channel", t.channel());
        m.put("attempts", t.attempts());
        m.put("paid", t.paid());
        m.put("paidAmount", t.paidAmount());
        m.put("refunded", t.refunded());
        m.put("refundedAmount", t.refundedAmount());
        m.put("successRate", t.successRate());
        return m;
    }

    /** The day to reconcile, {@code yyyy-MM-dd} in the calendar's time zone. */
    record ReconcileDay(String date) {
    }

    @GetMapping("/api/v1/accounting/reconciliations")
    @Operation(summary = "The kept daily reconciliation reports of a day (every gateway): totals here and at the "
            + "gateway, each mismatch; an agency's accountant sees its agency's mismatches")
    @ApiResponse(responseCode = "200", description = "The reports of the day",
            content = @Content(schema = @Schema(implementation = AccountingSchemas.Reconciliations.class)))
    Map<String, Object> reports(Actor actor, @RequestParam(required = false) String date) {
        accountant(actor);
        LocalDate day = day(date);
        List<Map<String, Object>> items = daily.recent(400).stream().filter(r -> r.day().equals(day))
                .map(r -> view(r, actor, ledgers)).toList();
        return Map.of("date", day.toString(), "items", items);
    }

    @PostMapping("/api/v1/accounting/reconciliations")
    @Operation(summary = "Reconcile a day now (the scheduled task does it each night for the day before): every "
            + "online attempt of the day asked at its gateway and compared to the đồng; replaces the day's report")
    @ApiResponse(responseCode = "200", description = "The new reports of the day",
            content = @Content(schema = @Schema(implementation = AccountingSchemas.Reconciliations.class)))
    Map<String, Object> run(Actor actor, @RequestBody(required = false) ReconcileDay body) {
        accountant(actor);
        LocalDate day = day(body == null ? null : body.date());
        return Map.of("date", day.toString(), "items", daily.run(day).stream().map(r -> view(r, actor, ledgers)).toList());
    }

    static void accountant(Actor actor) {
        if (!actor.has(Role.ACCOUNTANT) && !actor.isAdmin()) {
            throw ProblemException.forbidden("payment.accounting.only");
        }
    }

    static LocalDate day(String date) {
        if (date == null || date.isBlank()) {
            throw ProblemException.invalid("date", "payment.accounting.date.required");
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("date", "payment.accounting.date.invalid", date);
        }
    }

    private static Map<String, Object> view(DailyReconciliation.Report r, Actor actor, PaymentLedger ledgers) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", r.day().toString());
        m.put("gateway", r.gateway());
        m.put("runAt", r.runAt());
        m.put("checked", r.checked());
        m.put("matched", r.matched());
        m.put("mismatched", r.mismatched());
        m.put("ourPaidTotal", r.ourPaidTotal());
        m.put("gatewayPaidTotal", r.gatewayPaidTotal());
        m.put("difference", r.difference());
        m.put("mismatches", r.mismatches().stream()
                .filter(x -> ledgers.reads(actor, x.agencyCode()))
                .map(x -> {
                    Map<String, Object> i = new LinkedHashMap<>();
                    i.put("paymentId", x.paymentId().toString());
                    i.put("reference", x.reference());
                    i.put("dossierCode", x.dossierCode());
                    i.put("agencyCode", x.agencyCode());
                    i.put("kind", x.kind());
                    i.put("ourStatus", x.ourStatus());
                    i.put("ourAmount", x.ourAmount());
                    i.put("gatewayOutcome", x.gatewayOutcome());
                    i.put("gatewayAmount", x.gatewayAmount());
                    i.put("gatewayTransactionNo", x.gatewayTxnNo());
                    i.put("note", x.note());
                    return i;
                }).toList());
        return m;
    }
}
