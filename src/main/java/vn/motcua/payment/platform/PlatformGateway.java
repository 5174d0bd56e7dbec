package vn.motcua.payment.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.payment.spi.CallbackData;
import vn.motcua.payment.spi.GatewayResult;
import vn.motcua.payment.spi.GatewayResult.Outcome;
import vn.motcua.payment.spi.GatewayUnavailableException;
import vn.motcua.payment.spi.PaymentGateway;
import vn.motcua.payment.spi.PaymentOrder;

/**
 * The national payment platform of the National Public Service Portal, contract v1.0.6 (DOMAIN-2.md §1a.1):
 * {@code INIT} (the payment URL), the platform's confirmation callback, {@code QUERY}; every message carries
 * {@code MaXacThuc} = lowercase hex SHA-256 of its fields' values joined with "|" followed by "|" and the shared secret.
 * The callback's field order is configuration (UNCONFIRMED). The INIT answer is read in both forms seen: an envelope
 * {@code {error_code: "0", message: "<json>"}} or the fields directly with {@code MaLoi: "00"}. Refunds are outside the
 * platform's contract: refused here, the accountant refunds by hand.
 */
@Component
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformGateway implements PaymentGateway {

    public static final String NAME = "PAYMENT_PLATFORM";
    private static final Log log = LogFactory.getLog(PlatformGateway.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final PlatformProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final HttpClient http;

    /** @param zone the province's time zone (the calendar's), in which ThoiGianGD is written */
    public PlatformGateway(PlatformProperties properties, JsonMapper json, Clock clock, ZoneId zone) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
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
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("LoaiBanTin", "INIT");
        m.put("PhienBan", properties.version());
        m.put("MaDoiTac", properties.partnerCode());
        m.put("MaThamChieu", order.reference());
        m.put("SoTien", Long.toString(order.amount()));
        m.put("LoaiHinhThanhToan", "PAY");
        m.put("MaKenhThanhToan", "1");
        m.put("MaThietBi", "1");
        m.put("NgonNgu", "vi-VN");
        m.put("MaTienTe", "VND");
        m.put("MaNganHang", "PAYMENT");
        m.put("ThongTinGiaoDich", order.orderInfo());
        m.put("ThoiGianGD", time(order.createdAt()));
        m.put("Ip", order.clientIp() == null ? "127.0.0.1" : order.clientIp());
        m.put("MaXacThuc", checksum(properties.secret(), m.get("LoaiBanTin"), m.get("PhienBan"), m.get("MaDoiTac"),
                m.get("MaThamChieu"), m.get("SoTien"), m.get("LoaiHinhThanhToan"), m.get("MaKenhThanhToan"),
                m.get("MaThietBi"), m.get("NgonNgu"), m.get("MaTienTe"), m.get("MaNganHang"),
                m.get("ThongTinGiaoDich"), m.get("ThoiGianGD"), m.get("Ip")));
        m.put("ThongTinBienLai", receipt(order));
        JsonNode answer = answer(post(m));
        String url = text(answer, "UrlThanhToan");
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new GatewayUnavailableException("platform INIT " + order.reference() + " gave no payment URL: "
                    + text(answer, "MaLoi") + " " + text(answer, "MoTaLoi"));
        }
        return new Redirect(url);
    }

    /** ThongTinBienLai: a TTHC fee (MaDichVu 2), the procedure, the agency, the payer. */
    private static Map<String, Object> receipt(PaymentOrder order) {
        PaymentOrder.Payer p = order.payer();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("MaDichVu", "2");
        if (p != null) {
            r.put("MaTTHC", p.procedureCode());
            r.put("TenTTHC", p.procedureName());
            r.put("MaDonVi", p.agencyCode());
            r.put("TenDonVi", p.agencyName());
            r.put("MaHoSo", p.dossierCode());
            r.put("HoTenNguoiNop", p.name());
            r.put("SoCMNDNguoiNop", p.idNumber());
            r.put("DiaChiNguoiNop", p.address());
        }
        r.put("NoiDungThanhToan", order.orderInfo());
        r.put("DSKhoanNop", List.of(Map.of("NoiDung", order.orderInfo(), "SoTien", Long.toString(order.amount()))));
        return r;
    }

    @Override
    public CallbackData verify(Map<String, String> params) {
        String given = params.get("MaXacThuc");
        if (given == null || !enabled()) {
            return CallbackData.forged();
        }
        List<Object> values = new ArrayList<>();
        for (String f : properties.callbackFields()) {
            values.add(params.get(f));
        }
        String expected = checksum(properties.secret(), values.toArray());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return CallbackData.forged();
        }
        if (!properties.partnerCode().equals(params.get("MaDoiTac"))) {
            log.warn("platform callback for another partner code " + params.get("MaDoiTac"));
            return CallbackData.forged();
        }
        String code = params.get("MaLoi");
        Outcome outcome = "00".equals(code) ? Outcome.PAID : Outcome.FAILED;
        return new CallbackData(true, params.get("MaDoiTac"), params.get("MaThamChieu"), dong(params.get("SoTien")),
                outcome, params.get("MaGiaoDich"), params.get("MaNganHang"), code, parseTime(params.get("ThoiGianGD")));
    }

    @Override
    public GatewayResult query(PaymentOrder order) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("LoaiBanTin", "QUERY");
        m.put("PhienBan", properties.version());
        m.put("MaDoiTac", properties.partnerCode());
        m.put("MaThamChieu", order.reference());
        m.put("ThoiGianGD", time(OffsetDateTime.now(clock)));
        m.put("MaXacThuc", checksum(properties.secret(), m.get("LoaiBanTin"), m.get("PhienBan"), m.get("MaDoiTac"),
                m.get("MaThamChieu"), m.get("ThoiGianGD")));
        JsonNode a = answer(post(m));
        String state = text(a, "TrangThaiGD");
        Outcome outcome = switch (state == null ? "" : state.strip()) {
            case "1" -> Outcome.PAID;
            case "3" -> Outcome.PENDING;
            case "4" -> Outcome.FAILED;
            default -> {
                if (state == null && !"00".equals(text(a, "MaLoi"))) {
                    yield Outcome.NOT_FOUND;
                }
                throw new GatewayUnavailableException("platform QUERY " + order.reference() + ": state " + state);
            }
        };
        return new GatewayResult(outcome, dong(text(a, "SoTien")), text(a, "MaGiaoDich"), text(a, "MaNganHang"),
                state, text(a, "MoTaLoi"), parseTime(text(a, "ThoiGianGD")));
    }

    /** Refunds are not part of the platform's contract v1.0.6: refused, the accountant refunds by bank transfer. */
    @Override
    public GatewayResult refund(PaymentOrder order, long amount, String requestedBy) {
        return new GatewayResult(Outcome.REFUSED, amount, order.gatewayTxnNo(), null, "NOT_SUPPORTED",
                "Nền tảng thanh toán không có chức năng hoàn tiền", null);
    }

    /**
     * The province's answer to a callback: {@code 00} "Thành công" when the payment was taken (or already was),
     * {@code 99} "Các lỗi khác" otherwise (as the implementation evidence answers), signed over the configured fields.
     */
    public Map<String, String> reply(boolean taken, String detail, Map<String, String> callback) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("MaLoi", taken ? "00" : "99");
        r.put("MoTaLoi", taken ? "Thành công" : "Các lỗi khác" + (detail == null ? "" : ": " + detail));
        r.put("MaDoiTac", properties.partnerCode());
        r.put("MaThamChieu", callback.get("MaThamChieu"));
        r.put("ThoiGianGD", time(OffsetDateTime.now(clock)));
        List<Object> values = new ArrayList<>();
        for (String f : properties.replyFields()) {
            values.add(r.get(f));
        }
        r.put("MaXacThuc", properties.secret() == null ? "" : checksum(properties.secret(), values.toArray()));
        return r;
    }

    /** MaXacThuc: lowercase hex SHA-256 of the values joined with "|", then "|" and the secret (UTF-8). */
    public static String checksum(String secret, Object... values) {
        StringBuilder s = new StringBuilder();
        for (Object v : values) {
            s.append(v == null ? "" : v.toString()).append('|');
        }
        s.append(secret);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer's fields: inside the envelope's message when there is one ({@code error_code} "0"). */
    JsonNode answer(JsonNode r) {
        if (r.has("error_code")) {
            String code = text(r, "error_code");
            if (!"0".equals(code)) {
                throw new GatewayUnavailableException("platform answered error_code " + code + " " + text(r, "message"));
            }
            JsonNode message = r.get("message");
            if (message != null && message.isString()) {
                try {
                    return json.readTree(message.asString());
                } catch (tools.jackson.core.JacksonException e) {
                    throw new GatewayUnavailableException("platform envelope with an unreadable message", e);
                }
            }
            return message == null ? json.createObjectNode() : message;
        }
        return r;
    }

    private JsonNode post(Map<String, Object> body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(properties.url())).timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            if (properties.accessToken() != null && !properties.accessToken().isBlank()) {
                b.header("Authorization", "Bearer " + properties.accessToken().strip());
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new GatewayUnavailableException("platform answered HTTP " + r.statusCode());
            }
            return json.readTree(r.body());
        } catch (IOException | IllegalArgumentException | tools.jackson.core.JacksonException e) {
            throw new GatewayUnavailableException("platform unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailableException("interrupted", e);
        }
    }

    String time(OffsetDateTime t) {
        return t.atZoneSameInstant(zone).format(TIME);
    }

    OffsetDateTime parseTime(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.strip(), TIME).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** SoTien in đồng (no ×100); null when missing or not a whole number. */
    static Long dong(String amount) {
        return amount != null && amount.strip().matches("\\d{1,15}") ? Long.parseLong(amount.strip()) : null;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
