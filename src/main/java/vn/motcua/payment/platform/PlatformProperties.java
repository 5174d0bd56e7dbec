package vn.motcua.payment.platform;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The national payment platform of the National Public Service Portal (contract v1.0.6, DOMAIN-2.md §1a.1) under
 * {@code motcua.payment.platform.*}. Off until the URL, the partner code and the shared secret are set (from the
 * environment: {@code MOTCUA_PAYMENT_PLATFORM_SECRET}, never in a file).
 *
 * @param url            where INIT, QUERY and GET_BILL are POSTed (JSON)
 * @param partnerCode    MaDoiTac assigned to the province
 * @param secret         the shared secret appended to every MaXacThuc
 * @param accessToken    an optional bearer token sent with each request (as one provincial system does)
 * @param version        PhienBan (1.0.6)
 * @param callbackFields the fields whose values, joined by "|" then "|secret", make the callback's MaXacThuc; their
 *                       order is UNCONFIRMED (two systems disagree), so it is configuration — the default is the Thanh
 *                       Hóa system's (ThoiGianGD before ThongTinGiaoDich)
 * @param replyFields    the fields of the province's reply's MaXacThuc (UNCONFIRMED, configurable)
 * @param timeout        of each request
 */
@ConfigurationProperties(prefix = "motcua.payment.platform")
public record PlatformProperties(String url, String partnerCode, String secret, String accessToken, String version,
                                 List<String> callbackFields, List<String> replyFields, Duration timeout) {

    public static final List<String> DEFAULT_CALLBACK_FIELDS = List.of("LoaiBanTin", "MaLoi", "MaDoiTac",
            "MaThamChieu", "SoTien", "MaTienTe", "MaGiaoDich", "MaNganHang", "ThoiGianGD", "ThongTinGiaoDich");
    public static final List<String> DEFAULT_REPLY_FIELDS = List.of("MaLoi", "MoTaLoi", "MaDoiTac", "MaThamChieu",
            "ThoiGianGD");

    public PlatformProperties {
        version = version == null || version.isBlank() ? "1.0.6" : version.strip();
        callbackFields = callbackFields == null || callbackFields.isEmpty() ? DEFAULT_CALLBACK_FIELDS
                : List.copyOf(callbackFields);
        replyFields = replyFields == null || replyFields.isEmpty() ? DEFAULT_REPLY_FIELDS : List.copyOf(replyFields);
        timeout = timeout == null ? Duration.ofSeconds(15) : timeout;
    }

    /** Configured: URL, partner code and secret all set. */
    public boolean configured() {
        return present(url) && present(partnerCode) && present(secret);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
