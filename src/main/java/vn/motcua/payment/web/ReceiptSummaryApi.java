package vn.motcua.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.organization.Organization;
import vn.motcua.payment.receipt.ReceiptSummaries;
import vn.motcua.platform.Actor;
import vn.motcua.platform.ProblemException;

/** The day's summary of e-receipt data for the tax authority (docs/PAYMENTS.md "Tax authority"). */
@RestController
@Tag(name = "Payments")
class ReceiptSummaryApi {

    private final ReceiptSummaries summaries;
    private final Organization organization;

    ReceiptSummaryApi(ReceiptSummaries summaries, Organization organization) {
        this.summaries = summaries;
        this.organization = organization;
    }

    @GetMapping("/api/v1/accounting/receipt-summary.xml")
    @Operation(summary = "The summary of an agency's e-receipt data of a day for the tax authority (Decree 254/2026 "
            + "Art. 29.3.b; format UNCONFIRMED): the one kept by the daily task when it ran, else made now from the "
            + "receipts issued that day. An agency's accountant: their agency; the administrator names one")
    @ApiResponse(responseCode = "200", description = "The XML (SLuong receipts, TgTien their total in đồng)")
    @ApiResponse(responseCode = "400", description = "date missing or not yyyy-MM-dd, agency missing (administrator), "
            + "another agency than the accountant's, or unknown: named")
    ResponseEntity<String> summary(Actor actor,
                                   @Parameter(description = "the day, yyyy-MM-dd") @RequestParam(required = false)
                                   String date,
                                   @Parameter(description = "the agency (the administrator; an accountant's own by "
                                           + "default)") @RequestParam(required = false) String agency) {
        AccountingApi.accountant(actor);
        LocalDate day = AccountingApi.day(date);
        String a = agency == null || agency.isBlank() ? null : agency.strip();
        if (!actor.isAdmin()) {
            // their own agency, or one it succeeded (archive custody: a past day's receipts of a predecessor)
            if (a != null && !organization.readableBy(actor.agencyCode()).contains(a)) {
                throw ProblemException.invalid("agency", "payment.accounting.agency.other");
            }
            a = a == null ? actor.agencyCode() : a;
        }
        if (a == null) {
            throw ProblemException.invalid("agency", "payment.summary.agency.required");
        }
        if (organization.agency(a).isEmpty()) {
            throw ProblemException.invalid("agency", "payment.report.agency.unknown", a);
        }
        String code = a;
        ReceiptSummaries.Summary s = summaries.kept(code, day).orElseGet(() -> summaries.build(code, day));
        return ResponseEntity.ok().contentType(new MediaType("application", "xml", StandardCharsets.UTF_8))
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("tong-hop-bien-lai-" + code + "-" + day + ".xml").build().toString())
                .header("Cache-Control", "private, no-store").body(s.xml());
    }
}
