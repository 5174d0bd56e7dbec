package vn.motcua.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.payment.internal.PaymentReports;
import vn.motcua.platform.Actor;

/** The payment reports (docs/REPORTS.md "Payments"): per unit and day / month / year, JSON and Excel. */
@RestController
@Tag(name = "Payments")
class PaymentReportApi {

    private final PaymentReports reports;
    private final MessageSource messages;

    PaymentReportApi(PaymentReports reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    @GetMapping("/api/v1/accounting/payment-report")
    @Operation(summary = "Payments per collecting agency and per day, month or year: attempts, success rates per "
            + "channel, the amounts collected for phí, for lệ phí and for other financial obligations, refunds; the "
            + "rows add up to the total to the đồng. An agency's accountant or leader sees their agency, the province "
            + "administrator any or all")
    @ApiResponse(responseCode = "200", description = "The report",
            content = @Content(schema = @Schema(implementation = PaymentReports.Report.class)))
    @ApiResponse(responseCode = "400", description = "A bad from / to (yyyy-MM-dd, in order, at most 366 days by day, "
            + "10 years by month or year), by, agency (another agency than the caller's, or unknown) or channel: "
            + "every bad field named with a Vietnamese message, nothing read")
    @ApiResponse(responseCode = "403", description = "Not an accountant, a leader of an agency or the administrator")
    PaymentReports.Report report(Actor actor,
                                 @Parameter(description = "first day, yyyy-MM-dd (default: the first of the month "
                                         + "by day, of the year by month or year)")
                                 @RequestParam(required = false) String from,
                                 @Parameter(description = "last day, yyyy-MM-dd (default today)")
                                 @RequestParam(required = false) String to,
                                 @Parameter(description = "DAY (default), MONTH or YEAR")
                                 @RequestParam(required = false) String by,
                                 @Parameter(description = "an agency code (the administrator only; default all)")
                                 @RequestParam(required = false) String agency,
                                 @Parameter(description = "VNPAY, PAYMENT_PLATFORM or CASH (default all)")
                                 @RequestParam(required = false) String channel) {
        return reports.report(reports.filter(actor, from, to, by, agency, channel));
    }

    @GetMapping("/api/v1/accounting/payment-report.xlsx")
    @Operation(summary = "The same report as an Excel workbook (Vietnamese headers; English with Accept-Language: en)")
    @ApiResponse(responseCode = "200", description = "The workbook: sheet 1 the rows and the total, sheet 2 the "
            + "success rates per channel; amounts in đồng")
    @ApiResponse(responseCode = "400", description = "A bad from, to, by, agency or channel, named")
    @ApiResponse(responseCode = "403", description = "Not an accountant, a leader of an agency or the administrator")
    ResponseEntity<byte[]> excel(Actor actor, @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to, @RequestParam(required = false) String by,
                                 @RequestParam(required = false) String agency,
                                 @RequestParam(required = false) String channel, Locale locale) {
        PaymentReports.Report r = reports.report(reports.filter(actor, from, to, by, agency, channel));
        return xlsx(PaymentReportExcel.write(r, messages, locale), r);
    }

    static ResponseEntity<byte[]> xlsx(byte[] content, PaymentReports.Report r) {
        String name = "bao-cao-thu-" + r.from() + "-" + r.to() + ".xlsx";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header("Content-Disposition", ContentDisposition.attachment().filename(name).build().toString())
                .header("Cache-Control", "private, no-store").body(content);
    }
}
