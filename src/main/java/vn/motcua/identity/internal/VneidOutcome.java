package vn.motcua.identity.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a VNeID log-in did not log the person in, as the log-in page says it ({@code /dang-nhap?vneid=<code>}, message
 * {@code vneid.outcome.<code>} in messages/vneid*.properties).
 */
public enum VneidOutcome {
    /** The person refused to share their data at VNeID ({@code error=access_denied}). */
    DENIED("tu-choi"),
    /** The answer's state is unknown to this browser session: replayed, forged, or the session expired. */
    STATE("phien-khong-hop-le"),
    /** The provider is down, unreachable or answered an error. */
    UNAVAILABLE("khong-ket-noi"),
    /** The provider gave no 12-digit identification number or no name. */
    MISSING_CLAIMS("thieu-thong-tin"),
    /** An enterprise or organisation VNeID account: MotCua links VNeID to citizens only. */
    NOT_CITIZEN("khong-phai-cong-dan"),
    /** The account linked to the number is disabled (or a demo account outside the demo). */
    DISABLED("tai-khoan-bi-khoa"),
    /** The merge confirmation was abandoned or timed out. */
    ABANDONED("da-huy"),
    /** Anything else the provider refused. */
    FAILED("loi");

    final String code;

    VneidOutcome(String code) {
        this.code = code;
    }

    public String messageKey() {
        return "vneid.outcome." + code;
    }

    public static Optional<VneidOutcome> of(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
    }
}
