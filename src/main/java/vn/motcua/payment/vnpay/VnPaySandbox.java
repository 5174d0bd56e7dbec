package vn.motcua.payment.vnpay;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.NonNull;
import org.jspecify.annotations.Nullable;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The built-in VNPay sandbox of the embedded default: a small payment page that checks the merchant's signed request
 * exactly as VNPay 2.1.0 does, lets the citizen pay or cancel (with a made-up bank), calls the merchant's IPN
 * server-to-server with signed parameters like the real one, sends the browser back to {@code vnp_ReturnUrl}, and
 * answers {@code querydr} and {@code refund} on its merchant API. On only with {@code motcua.payment.sandbox.enabled}
 * (the demo profile); its transactions live in {@code payment_sandbox_txn}, apart from the merchant's.
 */
@Controller
@ConditionalOnProperty(name = "motcua.payment.sandbox.enabled", havingValue = "true")
class VnPaySandbox implements PastVnPayTransactions {

    static final String PAGE = "/sandbox/vnpay/paymentv2/vpcpay.html";
    static final String API = "/api/v1/sandbox/vnpay/merchant_webapi/api/transaction";
    private static final Log log = LogFactory.getLog(VnPaySandbox.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final VnPayProperties merchant;
    private final SandboxProperties properties;
    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final Environment environment;
    private final Clock clock;
    /** VNPay's times are GMT+7: the calendar's zone. */
    private final java.time.ZoneId zone;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    VnPaySandbox(VnPayProperties merchant, SandboxProperties properties, JdbcClient jdbc,
                 org.springframework.jdbc.core.JdbcTemplate batch, Environment environment, Clock clock,
                 java.time.ZoneId zone) {
        this.batch = batch;
        this.zone = zone;
        this.merchant = merchant;
        this.properties = properties;
        this.jdbc = jdbc;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public void remember(java.util.List<vn.motcua.payment.internal.PaymentRecord> attempts) {
        java.util.List<Object[]> rows = new java.util.ArrayList<>();
        for (var r : attempts) {
            if (!"VNPAY".equals(r.gateway()) || r.gatewayTxnNo() == null) {
                continue; // expired without reaching VNPay's page: VNPay does not know it
            }
            boolean paid = r.paidAt() != null;
            rows.add(new Object[] {r.reference(), merchant.tmnCode(), r.amount() * 100,
                    VnPayGateway.orderInfo("Thanh toan phi le phi ho so " + r.dossierCode()),
                    VnPayGateway.time(r.createdAt(), zone), r.gatewayTxnNo(), paid ? "00" : r.responseCode(),
                    paid ? "00" : "02", r.bankCode(), VnPayGateway.time(paid ? r.paidAt() : r.settledAt(), zone),
                    r.refundedAt() != null ? r.amount() * 100 : 0, "/thanh-toan/ket-qua",
                    VnPayGateway.time(r.expiresAt(), zone), r.createdAt()});
        }
        for (int from = 0; from < rows.size(); from += 2000) {
            batch.batchUpdate("""
                    insert into payment_sandbox_txn (txn_ref, tmn_code, amount, order_info, create_date, transaction_no,
                        response_code, transaction_status, bank_code, pay_date, refunded_amount, return_url,
                        expire_date, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows.subList(from, Math.min(rows.size(), from + 2000)));
        }
    }

    /** The payment page: the request checked as VNPay checks it, then the choice to pay or cancel. */
    @GetMapping(PAGE)
    String page(@RequestParam Map<String, String> p, Model model) {
        String problem = check(p);
        if (problem != null) {
            model.addAttribute("problem", problem);
            return "payment/sandbox";
        }
        String txnRef = p.get("vnp_TxnRef");
        Optional<Map<String, Object>> existing = txn(txnRef);
        if (existing.isPresent() && existing.get().get("response_code") != null) {
            model.addAttribute("problem", "Giao dịch " + txnRef + " đã được xử lý (mã " + existing.get().get("response_code") + ").");
            return "payment/sandbox";
        }
        if (existing.isEmpty()) {
            jdbc.sql("""
                    insert into payment_sandbox_txn (txn_ref, tmn_code, amount, order_info, create_date, transaction_no,
                        return_url, expire_date)
                    values (:ref, :tmn, :amount, :info, :created, :no, :ret, :exp) on conflict do nothing""")
                    .param("ref", txnRef).param("tmn", p.get("vnp_TmnCode"))
                    .param("amount", Long.parseLong(p.get("vnp_Amount"))).param("info", p.get("vnp_OrderInfo"))
                    .param("created", p.get("vnp_CreateDate"))
                    .param("no", Long.toString(14_000_000 + RANDOM.nextInt(80_000_000)))
                    .param("ret", p.get("vnp_ReturnUrl")).param("exp", p.get("vnp_ExpireDate")).update();
        }
        model.addAttribute("txnRef", txnRef);
        model.addAttribute("amount", Long.parseLong(p.get("vnp_Amount")) / 100);
        model.addAttribute("orderInfo", p.get("vnp_OrderInfo"));
        model.addAttribute("merchant", p.get("vnp_TmnCode"));
        return "payment/sandbox";
    }

    /**
     * The customer decides. {@code notify}: {@code now} (IPN before the browser returns, the default), {@code after}
     * (the browser returns first, the IPN two seconds later) or {@code never} (a lost IPN, for reconciliation).
     */
    @PostMapping("/sandbox/vnpay/pay")
    String pay(@RequestParam String txnRef, @RequestParam(defaultValue = "NCB") String bank,
               @RequestParam(defaultValue = "pay") String decision, @RequestParam(defaultValue = "now") String notify) {
        Map<String, Object> t = txn(txnRef).orElse(null);
        if (t == null || t.get("response_code") != null) {
            return "redirect:" + PAGE + "?vnp_TxnRef=" + txnRef;
        }
        boolean paid = "pay".equals(decision) && !expired(t);
        String response = paid ? "00" : "pay".equals(decision) ? "11" : "24";
        String status = paid ? "00" : "02";
        String payDate = VnPayGateway.time(OffsetDateTime.now(clock), zone);
        String safeBank = bank.matches("[A-Z0-9]{2,20}") ? bank : "NCB";
        jdbc.sql("""
                update payment_sandbox_txn set response_code = :r, transaction_status = :s, bank_code = :b,
                    pay_date = :d where txn_ref = :ref and response_code is null""")
                .param("r", response).param("s", status).param("b", safeBank).param("d", payDate).param("ref", txnRef)
                .update();
        Map<String, String> result = new LinkedHashMap<>();
        result.put("vnp_Amount", t.get("amount").toString());
        result.put("vnp_BankCode", safeBank);
        result.put("vnp_BankTranNo", paid ? "VNP" + t.get("transaction_no") : "");
        result.put("vnp_CardType", "ATM");
        result.put("vnp_OrderInfo", (String) t.get("order_info"));
        result.put("vnp_PayDate", payDate);
        result.put("vnp_ResponseCode", response);
        result.put("vnp_TmnCode", (String) t.get("tmn_code"));
        result.put("vnp_TransactionNo", (String) t.get("transaction_no"));
        result.put("vnp_TransactionStatus", status);
        result.put("vnp_TxnRef", txnRef);
        String query = VnPaySignature.canonical(result) + "&vnp_SecureHash="
                + VnPaySignature.sign(result, merchant.hashSecret());
        switch (notify) {
            case "never" -> log.info("sandbox: IPN of " + txnRef + " deliberately not sent");
            case "after" -> Thread.ofVirtual().start(() -> {
                sleep(2000);
                ipn(query);
            });
            default -> ipn(query);
        }
        return "redirect:" + t.get("return_url") + "?" + query;
    }

    /**
     * What the merchant API answers, for the OpenAPI description (the answer is built as a map, in VNPay's field
     * names): the fields of the transaction only when it was found, and always the request's identifiers.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "VnPaySandboxAnswer", description = "VNPay 2.1.0 merchant API "
            + "answer (querydr, refund): vnp_ResponseCode 00 success, 02 merchant not valid, 03 invalid request or "
            + "amount, 91 transaction not found, 95 not successful at VNPAY, 97 invalid checksum; the transaction's "
            + "fields are absent when it was not found")
    record SandboxAnswer(@JsonProperty("vnp_ResponseId") String responseId,
                         @JsonProperty("vnp_Command") @NonNull String command,
                         @JsonProperty("vnp_TmnCode") String tmnCode,
                         @JsonProperty("vnp_TxnRef") String txnRef,
                         @JsonProperty("vnp_ResponseCode") @NonNull @io.swagger.v3.oas.annotations.media.Schema(
                                 allowableValues = {"00", "02", "03", "91", "95", "97"}) String responseCode,
                         @JsonProperty("vnp_Message") @NonNull String message,
                         @JsonProperty("vnp_Amount") @Nullable String amount,
                         @JsonProperty("vnp_BankCode") @Nullable String bankCode,
                         @JsonProperty("vnp_PayDate") @Nullable String payDate,
                         @JsonProperty("vnp_TransactionNo") @Nullable String transactionNo,
                         @JsonProperty("vnp_TransactionType") @Nullable String transactionType,
                         @JsonProperty("vnp_TransactionStatus") @Nullable String transactionStatus,
                         @JsonProperty("vnp_OrderInfo") @Nullable String orderInfo,
                         @JsonProperty("vnp_SecureHash") @NonNull String secureHash) {
    }

    /** The merchant API: {@code querydr} and {@code refund}, signed both ways. */
    @PostMapping(API)
    @ResponseBody
    @io.swagger.v3.oas.annotations.Operation(summary = "Built-in VNPay sandbox (demo profile only): the merchant API, "
            + "querydr and refund as VNPay 2.1.0 answers them")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The answer, signed",
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(
                    implementation = SandboxAnswer.class)))
    @io.swagger.v3.oas.annotations.tags.Tag(name = "Payments")
    Map<String, String> api(@RequestBody Map<String, Object> body) {
        Map<String, String> b = new LinkedHashMap<>();
        body.forEach((k, v) -> b.put(k, v == null ? null : v.toString()));
        String command = b.getOrDefault("vnp_Command", "");
        String secret = merchant.hashSecret();
        String expected = switch (command) {
            case "querydr" -> VnPaySignature.signFields(secret, b.get("vnp_RequestId"), b.get("vnp_Version"),
                    command, b.get("vnp_TmnCode"), b.get("vnp_TxnRef"), b.get("vnp_TransactionDate"),
                    b.get("vnp_CreateDate"), b.get("vnp_IpAddr"), b.get("vnp_OrderInfo"));
            case "refund" -> VnPaySignature.signFields(secret, b.get("vnp_RequestId"), b.get("vnp_Version"), command,
                    b.get("vnp_TmnCode"), b.get("vnp_TransactionType"), b.get("vnp_TxnRef"), b.get("vnp_Amount"),
                    b.get("vnp_TransactionNo"), b.get("vnp_TransactionDate"), b.get("vnp_CreateBy"),
                    b.get("vnp_CreateDate"), b.get("vnp_IpAddr"), b.get("vnp_OrderInfo"));
            default -> null;
        };
        Map<String, String> r = new LinkedHashMap<>();
        r.put("vnp_ResponseId", b.get("vnp_RequestId"));
        r.put("vnp_Command", command);
        r.put("vnp_TmnCode", b.get("vnp_TmnCode"));
        r.put("vnp_TxnRef", b.get("vnp_TxnRef"));
        if (expected == null) {
            return answer(r, "03", "Invalid request format", null, command);
        }
        if (b.get("vnp_SecureHash") == null || !VnPaySignature.sameHex(b.get("vnp_SecureHash"), expected)) {
            return answer(r, "97", "Invalid checksum", null, command);
        }
        if (!merchant.tmnCode().equals(b.get("vnp_TmnCode"))) {
            return answer(r, "02", "Merchant is not valid", null, command);
        }
        Optional<Map<String, Object>> found = txn(b.get("vnp_TxnRef"));
        if (found.isEmpty()) {
            return answer(r, "91", "Transaction not found", null, command);
        }
        Map<String, Object> t = found.get();
        if ("refund".equals(command)) {
            if (!"00".equals(t.get("transaction_status"))) {
                return answer(r, "95", "Transaction is not successful at VNPAY", t, command);
            }
            long amount = Long.parseLong(b.getOrDefault("vnp_Amount", "0"));
            long left = ((Number) t.get("amount")).longValue() - ((Number) t.get("refunded_amount")).longValue();
            if (amount <= 0 || amount > left) {
                return answer(r, "03", "Invalid amount", t, command);
            }
            jdbc.sql("update payment_sandbox_txn set refunded_amount = refunded_amount + :a where txn_ref = :ref")
                    .param("a", amount).param("ref", t.get("txn_ref")).update();
            r.put("vnp_Amount", Long.toString(amount));
            r.put("vnp_TransactionType", b.get("vnp_TransactionType"));
            return answer(r, "00", "Refund success", t, command);
        }
        return answer(r, "00", "QueryDR Success", t, command);
    }

    private Map<String, String> answer(Map<String, String> r, String code, String message, Map<String, Object> t,
                                       String command) {
        r.put("vnp_ResponseCode", code);
        r.put("vnp_Message", message);
        if (t != null) {
            r.putIfAbsent("vnp_Amount", t.get("amount").toString());
            r.put("vnp_BankCode", (String) t.get("bank_code"));
            r.put("vnp_PayDate", (String) t.get("pay_date"));
            r.put("vnp_TransactionNo", (String) t.get("transaction_no"));
            r.putIfAbsent("vnp_TransactionType", "01");
            r.put("vnp_TransactionStatus", (String) t.get("transaction_status"));
            r.put("vnp_OrderInfo", (String) t.get("order_info"));
        }
        String secret = merchant.hashSecret();
        String hash = "querydr".equals(command)
                ? VnPaySignature.signFields(secret, r.get("vnp_ResponseId"), r.get("vnp_Command"), code, message,
                        r.get("vnp_TmnCode"), r.get("vnp_TxnRef"), r.get("vnp_Amount"), r.get("vnp_BankCode"),
                        r.get("vnp_PayDate"), r.get("vnp_TransactionNo"), r.get("vnp_TransactionType"),
                        r.get("vnp_TransactionStatus"), r.get("vnp_OrderInfo"), r.get("vnp_PromotionCode"),
                        r.get("vnp_PromotionAmount"))
                : VnPaySignature.signFields(secret, r.get("vnp_ResponseId"), r.get("vnp_Command"), code, message,
                        r.get("vnp_TmnCode"), r.get("vnp_TxnRef"), r.get("vnp_Amount"), r.get("vnp_BankCode"),
                        r.get("vnp_PayDate"), r.get("vnp_TransactionNo"), r.get("vnp_TransactionType"),
                        r.get("vnp_TransactionStatus"), r.get("vnp_OrderInfo"));
        r.put("vnp_SecureHash", hash);
        return r;
    }

    /** What VNPay refuses before showing its page; null when the request is good. */
    private String check(Map<String, String> p) {
        if (!merchant.configured() || !merchant.tmnCode().equals(p.get("vnp_TmnCode"))) {
            return "Mã website (vnp_TmnCode) không hợp lệ.";
        }
        if (!VnPaySignature.valid(p, merchant.hashSecret())) {
            return "Sai chữ ký (vnp_SecureHash).";
        }
        if (!"2.1.0".equals(p.get("vnp_Version")) || !"pay".equals(p.get("vnp_Command"))
                || !"VND".equals(p.get("vnp_CurrCode")) || p.get("vnp_TxnRef") == null
                || p.get("vnp_ReturnUrl") == null || p.get("vnp_Amount") == null
                || !p.get("vnp_Amount").matches("\\d{1,15}")) {
            return "Yêu cầu thanh toán không đúng định dạng.";
        }
        String exp = p.get("vnp_ExpireDate");
        if (exp != null && VnPayGateway.parseTime(exp, zone) != null
                && VnPayGateway.parseTime(exp, zone).isBefore(OffsetDateTime.now(clock))) {
            return "Giao dịch đã quá thời gian chờ thanh toán.";
        }
        return null;
    }

    private boolean expired(Map<String, Object> t) {
        OffsetDateTime exp = VnPayGateway.parseTime((String) t.get("expire_date"), zone);
        return exp != null && exp.isBefore(OffsetDateTime.now(clock));
    }

    private Optional<Map<String, Object>> txn(String txnRef) {
        return jdbc.sql("select * from payment_sandbox_txn where txn_ref = :ref").param("ref", txnRef)
                .query().listOfRows().stream().findFirst();
    }

    private void ipn(String query) {
        String url = properties.ipnUrl() != null && !properties.ipnUrl().isBlank() ? properties.ipnUrl()
                : "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080")
                        + "/api/v1/payments/vnpay/ipn";
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "?" + query))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            log.info("sandbox: IPN answered " + r.statusCode() + " " + r.body());
        } catch (java.io.IOException e) {
            log.warn("sandbox: IPN not delivered: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
