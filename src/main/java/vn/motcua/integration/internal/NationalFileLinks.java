package vn.motcua.integration.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The download links of a dossier's files given to the national portal (TaiLieuNop.DuongDanTaiTepTin,
 * DanhSachGiayToKetQua.DuongDanTepTinKetQua): {@code /api/v1/public/national-files/{code}/{fileId}?sig=…}, signed with
 * HMAC-SHA256 over the dossier code and the file id, so a link opens that file of that dossier and nothing else.
 */
@Component
public class NationalFileLinks {

    private final String baseUrl;
    private final byte[] secret;

    NationalFileLinks(NationalPortalProperties properties,
                      @Value("${motcua.public-base-url:http://localhost:8080}") String baseUrl) {
        String s = properties.fileLinkSecret();
        if (properties.enabled() && (s == null || s.length() < 16)) {
            throw new IllegalStateException(
                    "motcua.national-portal.file-link-secret (16 characters or more) is required with a portal base URL");
        }
        this.secret = (s == null || s.isBlank() ? "not-for-production-links" : s).getBytes(StandardCharsets.UTF_8);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String link(String dossierCode, UUID fileId) {
        return baseUrl + "/api/v1/public/national-files/" + dossierCode + "/" + fileId + "?sig=" + sign(dossierCode, fileId);
    }

    public boolean valid(String dossierCode, UUID fileId, String signature) {
        return signature != null && MessageDigest.isEqual(sign(dossierCode, fileId).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    private String sign(String dossierCode, UUID fileId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] out = mac.doFinal((dossierCode + "/" + fileId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(out, 0, 20);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
