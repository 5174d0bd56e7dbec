package vn.motcua.payment.vnpay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.payment.spi.CallbackData;
import vn.motcua.payment.spi.GatewayResult;
import vn.motcua.payment.spi.GatewayResult.Outcome;
import vn.motcua.payment.spi.GatewayUnavailableException;
import vn.motcua.payment.spi.PaymentGateway;
import vn.motcua.payment.spi.PaymentOrder;
import vn.motcua.platform.text.TextNormalizer;

/**
 * The VNPay 2.1.0 adapter: {@code pay} redirect, IPN/return verification, {@code querydr}, {@code refund}
 * (DOMAIN-2.md §1b). Amounts go to VNPay ×100; times are GMT+7 {@code yyyyMMddHHmmss}.
 */
@Component
public class VnPayGateway implements PaymentGateway {

    public static final String NAME = "VNPAY";
    static final String VERSION = "2.1.0";
    private final java.time.Clock clock;
    /** VNPay counts its times in GMT+7: Vietnam time, the calendar's zone. */
    private final ZoneId zone;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Log log = LogFactory.getLog(VnPayGateway.class);

    private final VnPayProperties properties;
    private final JsonMapper json;
    private final HttpClient http;

    private final org.springframework.core.env.Environment environment;

    public VnPayGateway(VnPayProperties properties, JsonMapper json, org.springframework.core.env.Environment environment,
                        java.time.Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        this.properties = properties;
        this.json = json;
        this.environment = environment;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return properties.configured();
    }

    @Override
    public Redirect initiate(PaymentOrder order) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("vnp_Version", VERSION);
        p.put("vnp_Command", "pay");
        p.put("vnp_TmnCode", properties.tmnCode());
        p.put("vnp_Amount", Long.toString(Math.multiplyExact(order.amount(), 100L)));
        p.put("vnp_CurrCode", "VND");
        p.put("vnp_TxnRef", order.reference());
        p.put("vnp_OrderInfo", orderInfo(order.orderInfo()));
        p.put("vnp_OrderType", properties.orderType());
        p.put("vnp_Locale", properties.locale());
        p.put("vnp_ReturnUrl", order.returnUrl());
        p.put("vnp_IpAddr", order.clientIp() == null ? properties.serverIp() : order.clientIp());
        p.put("vnp_CreateDate", time(order.createdAt(), zone));
        p.put("vnp_ExpireDate", time(order.expiresAt(), zone));
        String query = VnPaySignature.canonical(p);
        String hash = VnPaySignature.hmacSha512(properties.hashSecret(), query);
        return new Redirect(properties.payUrl() + "?" + query + "&vnp_SecureHash=" + hash);
    }

    @Override
    public CallbackData verify(Map<String, String> params) {
        if (!enabled() || !VnPaySignature.valid(params, properties.hashSecret())) {
            return CallbackData.forged();
        }
        String response = params.get("vnp_ResponseCode");
        String status = params.get("vnp_TransactionStatus");
        Outcome outcome = "00".equals(response) && "00".equals(status) ? Outcome.PAID
                : "01".equals(status) && response == null ? Outcome.PENDING : Outcome.FAILED;
        return new CallbackData(true, params.get("vnp_TmnCode"), params.get("vnp_TxnRef"),
                dong(params.get("vnp_Amount")), outcome, params.get("vnp_TransactionNo"), params.get("vnp_BankCode"),
                response, parseTime(params.get("vnp_PayDate"), zone));
    }

    @Override
    public GatewayResult query(PaymentOrder order) {
        String requestId = requestId();
        String now = time(OffsetDateTime.now(clock), zone);
        String info = orderInfo("Truy van " + order.reference());
        String txnDate = time(order.createdAt(), zone);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vnp_RequestId", requestId);
        body.put("vnp_Version", VERSION);
        body.put("vnp_Command", "querydr");
        body.put("vnp_TmnCode", properties.tmnCode());
        body.put("vnp_TxnRef", order.reference());
        body.put("vnp_OrderInfo", info);
        body.put("vnp_TransactionDate", txnDate);
        body.put("vnp_CreateDate", now);
        body.put("vnp_IpAddr", properties.serverIp());
        body.put("vnp_SecureHash", VnPaySignature.signFields(properties.hashSecret(), requestId, VERSION, "querydr",
                properties.tmnCode(), order.reference(), txnDate, now, properties.serverIp(), info));
        JsonNode r = post(body);
        String code = text(r, "vnp_ResponseCode");
        if ("91".equals(code)) {
            return new GatewayResult(Outcome.NOT_FOUND, null, null, null, code, text(r, "vnp_Message"), null);
        }
        if (!"00".equals(code)) {
            throw new GatewayUnavailableException("VNPay querydr " + order.reference() + " answered " + code + " "
                    + text(r, "vnp_Message"));
        }
        String expected = VnPaySignature.signFields(properties.hashSecret(), text(r, "vnp_ResponseId"),
                text(r, "vnp_Command"), code, text(r, "vnp_Message"), text(r, "vnp_TmnCode"), text(r, "vnp_TxnRef"),
                text(r, "vnp_Amount"), text(r, "vnp_BankCode"), text(r, "vnp_PayDate"), text(r, "vnp_TransactionNo"),
                text(r, "vnp_TransactionType"), text(r, "vnp_TransactionStatus"), text(r, "vnp_OrderInfo"),
                text(r, "vnp_PromotionCode"), text(r, "vnp_PromotionAmount"));
        if (text(r, "vnp_SecureHash") == null || !VnPaySignature.sameHex(text(r, "vnp_SecureHash"), expected)) {
            log.warn("VNPay querydr answer for " + order.reference() + " with an invalid signature: ignored");
            throw new GatewayUnavailableException("VNPay querydr answer with an invalid signature");
        }
        String status = text(r, "vnp_TransactionStatus");
        Outcome outcome = switch (status == null ? "" : status) {
            case "00" -> Outcome.PAID;
            case "01" -> Outcome.PENDING;
            case "05", "06" -> Outcome.REFUND_PENDING;
            default -> Outcome.FAILED;
        };
        return new GatewayResult(outcome, dong(text(r, "vnp_Amount")), text(r, "vnp_TransactionNo"),
                text(r, "vnp_BankCode"), status, text(r, "vnp_Message"), parseTime(text(r, "vnp_PayDate"), zone));
    }

    @Override
    public GatewayResult refund(PaymentOrder order, long amount, String requestedBy) {
        String requestId = requestId();
        String now = time(OffsetDateTime.now(clock), zone);
        String type = amount == order.amount() ? "02" : "03";
        String vnpAmount = Long.toString(Math.multiplyExact(amount, 100L));
        String txnNo = order.gatewayTxnNo() == null ? "0" : order.gatewayTxnNo();
        String txnDate = time(order.createdAt(), zone);
        String info = orderInfo("Hoan tien " + order.reference());
        String by = orderInfo(requestedBy);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vnp_RequestId", requestId);
        body.put("vnp_Version", VERSION);
        body.put("vnp_Command", "refund");
        body.put("vnp_TmnCode", properties.tmnCode());
        body.put("vnp_TransactionType", type);
        body.put("vnp_TxnRef", order.reference());
        body.put("vnp_Amount", vnpAmount);
        body.put("vnp_OrderInfo", info);
        body.put("vnp_TransactionNo", txnNo);
        body.put("vnp_TransactionDate", txnDate);
        body.put("vnp_CreateBy", by);
        body.put("vnp_CreateDate", now);
        body.put("vnp_IpAddr", properties.serverIp());
        body.put("vnp_SecureHash", VnPaySignature.signFields(properties.hashSecret(), requestId, VERSION, "refund",
                properties.tmnCode(), type, order.reference(), vnpAmount, txnNo, txnDate, by, now,
                properties.serverIp(), info));
        JsonNode r = post(body);
        String code = text(r, "vnp_ResponseCode");
        Outcome outcome = switch (code == null ? "" : code) {
            case "00" -> Outcome.REFUNDED;
            case "94" -> Outcome.REFUND_PENDING;
            case "91", "95" -> Outcome.REFUSED;
            default -> throw new GatewayUnavailableException("VNPay refund " + order.reference() + " answered " + code
                    + " " + text(r, "vnp_Message"));
        };
        return new GatewayResult(outcome, amount, text(r, "vnp_TransactionNo"), text(r, "vnp_BankCode"), code,
                text(r, "vnp_Message"), null);
    }

    private JsonNode post(Map<String, Object> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl())).timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new GatewayUnavailableException("VNPay merchant API answered HTTP " + r.statusCode());
            }
            return json.readTree(r.body());
        } catch (IOException | IllegalArgumentException | tools.jackson.core.JacksonException e) {
            throw new GatewayUnavailableException("VNPay merchant API unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailableException("interrupted", e);
        }
    }

    /** The merchant API; a path without a host is this application (the built-in sandbox), on its local port. */
    private String apiUrl() {
        String url = properties.apiUrl();
        return url.startsWith("/") ? "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080") + url
                : url;
    }

    /** vnp_OrderInfo: Vietnamese without diacritics, letters, digits and spaces only. */
    static String orderInfo(String text) {
        String folded = TextNormalizer.fold(text);
        String s = folded.isEmpty() ? "Thanh toan" : Character.toUpperCase(folded.charAt(0)) + folded.substring(1);
        return s.length() > 255 ? s.substring(0, 255) : s;
    }

    /** A VNPay time, {@code yyyyMMddHHmmss} in GMT+7 ({@code zone}: the calendar's). */
    static String time(OffsetDateTime t, ZoneId zone) {
        return t.atZoneSameInstant(zone).format(TIME);
    }

    static OffsetDateTime parseTime(String s, ZoneId zone) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.strip(), TIME).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** VNPay's amount (×100) in đồng; null when missing, malformed or not whole đồng. */
    static Long dong(String vnpAmount) {
        if (vnpAmount == null || !vnpAmount.strip().matches("\\d{1,15}")) {
            return null;
        }
        long v = Long.parseLong(vnpAmount.strip());
        return v % 100 == 0 ? v / 100 : null;
    }

    private static String requestId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
