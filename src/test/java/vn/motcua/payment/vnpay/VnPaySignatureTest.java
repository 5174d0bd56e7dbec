package vn.motcua.payment.vnpay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Known answers of the VNPay 2.1.0 hash, worked out by hand from the rules of DOMAIN-2.md §1b: the canonical text below
 * was written out by hand (sorted names, values form-encoded, empty ones and the hash itself left out), and the digests
 * were computed apart from this code with {@code printf '%s' TEXT | openssl dgst -sha512 -hmac MOTCUADEMOSECRET2026}.
 */
class VnPaySignatureTest {

    static final String SECRET = "MOTCUADEMOSECRET2026";

    /** The request as a merchant builds it, in no particular order, with an empty value and a stale hash. */
    static Map<String, String> request() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("vnp_Version", "2.1.0");
        p.put("vnp_TxnRef", "MC261204150000123456");
        p.put("vnp_Command", "pay");
        p.put("vnp_TmnCode", "MOTCUA01");
        p.put("vnp_Amount", "800000");
        p.put("vnp_CurrCode", "VND");
        p.put("vnp_OrderInfo", "Thanh toan ho so 000 00 30 H12");
        p.put("vnp_OrderType", "other");
        p.put("vnp_Locale", "vn");
        p.put("vnp_ReturnUrl", "https://dichvucong.example.vn/thanh-toan/ket-qua");
        p.put("vnp_IpAddr", "127.0.0.1");
        p.put("vnp_CreateDate", "20261204150000");
        p.put("vnp_ExpireDate", "20261204151500");
        p.put("vnp_BankCode", "");
        p.put("vnp_SecureHashType", "HmacSHA512");
        p.put("vnp_SecureHash", "0000");
        p.put("other", "not a vnp_ parameter");
        return p;
    }

    static final String CANONICAL = "vnp_Amount=800000&vnp_Command=pay&vnp_CreateDate=20261204150000&vnp_CurrCode=VND"
            + "&vnp_ExpireDate=20261204151500&vnp_IpAddr=127.0.0.1&vnp_Locale=vn"
            + "&vnp_OrderInfo=Thanh+toan+ho+so+000+00+30+H12&vnp_OrderType=other"
            + "&vnp_ReturnUrl=https%3A%2F%2Fdichvucong.example.vn%2Fthanh-toan%2Fket-qua&vnp_TmnCode=MOTCUA01"
            + "&vnp_TxnRef=MC261204150000123456&vnp_Version=2.1.0";

    static final String HASH = "7c29aa778534f3c6c7883f1981b800bc6224425574b6b3c07169d31ee4c8466dccca45d508ba96dd8172"
            + "0540e6462d67b6895796f836a36f2f7067e77443e981";

    @Test
    void theSignedTextIsTheSortedFormEncodedParametersWithoutEmptyOnesAndWithoutTheHash() {
        assertThat(VnPaySignature.canonical(request())).isEqualTo(CANONICAL);
    }

    @Test
    void theHashIsTheLowercaseHexHmacSha512OfThatText() {
        assertThat(VnPaySignature.sign(request(), SECRET)).isEqualTo(HASH);
    }

    @Test
    void aCallbackIsValidOnlyWithItsOwnHashWhateverTheCaseOfTheHex() {
        Map<String, String> p = request();
        p.put("vnp_SecureHash", HASH.toUpperCase());
        assertThat(VnPaySignature.valid(p, SECRET)).isTrue();
        p.put("vnp_Amount", "800100");
        assertThat(VnPaySignature.valid(p, SECRET)).as("a changed amount").isFalse();
        p.put("vnp_Amount", "800000");
        assertThat(VnPaySignature.valid(p, "ANOTHERSECRET")).as("another secret").isFalse();
        p.remove("vnp_SecureHash");
        assertThat(VnPaySignature.valid(p, SECRET)).as("no hash").isFalse();
    }

    @Test
    void theMerchantApiSignsItsFieldsJoinedWithBars() {
        assertThat(VnPaySignature.signFields(SECRET, "req1", "2.1.0", "querydr", "MOTCUA01", "MC261204150000123456",
                "20261204150000", "20261204160000", "127.0.0.1", "Truy van"))
                .isEqualTo("02e7d3c4a11b3134a6d85ed2e1657bd896f22ba74af841343ff67286232e4111ae3fad3f128529bfb250048535"
                        + "e32360bc513150ccb3274f93b2f3e965dcce36");
    }

    @Test
    void orderInfoHasNoDiacriticsNorSpecialCharacters() {
        assertThat(VnPayGateway.orderInfo("Thanh toán phí, lệ phí hồ sơ 000.00.30.H12-261204-0001"))
                .isEqualTo("Thanh toan phi le phi ho so 000 00 30 h12 261204 0001");
    }

    @Test
    void amountsAreCountedInHundredthsAndMustBeWholeDong() {
        assertThat(VnPayGateway.dong("800000")).isEqualTo(8000L);
        assertThat(VnPayGateway.dong("800050")).isNull();
        assertThat(VnPayGateway.dong("-800000")).isNull();
        assertThat(VnPayGateway.dong(null)).isNull();
    }
}
