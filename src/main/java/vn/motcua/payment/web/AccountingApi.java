package vn.motcua.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.payment.internal.DailyReconciliation;
import vn.motcua.platform.Actor;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.Role;

/** The accountant's API: the daily reconciliation reports of the gateways (docs/PAYMENTS.md "Reconciliation"). */
@RestController
@Tag(name = "Payments")
class AccountingApi {

    private final DailyReconciliation daily;

    AccountingApi(DailyReconciliation daily) {
        this.daily = daily;
    }

    /** The day to reconcile, {@code yyyy-MM-dd} in the calendar's time zone. */
    record ReconcileDay(String date) {
    }

    @GetMapping("/api/v1/accounting/reconciliations")
    @Operation(summary = "The kept daily reconciliation reports of a day (every gateway): totals here and at the "
            + "gateway, each mismatch; an agency's accountant sees its agency's mismatches")
    Map<String, Object> reports(Actor actor, @RequestParam(required = false) String date) {
        accountant(actor);
        LocalDate day = day(date);
        List<Map<String, Object>> items = daily.recent(400).stream().filter(r -> r.day().equals(day))
                .map(r -> view(r, actor)).toList();
        return Map.of("date", day.toString(), "items", items);
    }

    @PostMapping("/api/v1/accounting/reconciliations")
    @Operation(summary = "Reconcile a day now (the scheduled task does it each night for the day before): every "
            + "online attempt of the day asked at its gateway and compared to the đồng; replaces the day's report")
    Map<String, Object> run(Actor actor, @RequestBody(required = false) ReconcileDay body) {
        accountant(actor);
        LocalDate day = day(body == null ? null : body.date());
        return Map.of("date", day.toString(), "items", daily.run(day).stream().map(r -> view(r, actor)).toList());
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

    private static Map<String, Object> view(DailyReconciliation.Report r, Actor actor) {
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
                .filter(x -> actor.isAdmin() || actor.agencyCode() == null || actor.agencyCode().equals(x.agencyCode()))
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
