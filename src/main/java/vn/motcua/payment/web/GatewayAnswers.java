package vn.motcua.payment.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import org.jspecify.annotations.NonNull;
import vn.motcua.payment.internal.CallbackAnswer;

/**
 * What the province answers the payment gateways' server-to-server calls, in their protocols' own field names
 * (VNPay 2.1.0's IPN, the national payment platform v1.0.6), typed for the OpenAPI description: integrators
 * testing against these endpoints generate clients from it like from the rest (issue 16).
 */
final class GatewayAnswers {

    private GatewayAnswers() {
    }

    /** VNPay's IPN reply: always HTTP 200, the outcome in {@code RspCode}. */
    @Schema(name = "VnPayIpnAnswer", description = "VNPay 2.1.0 IPN reply: RspCode 00 confirmed, 01 order not found, "
            + "02 already confirmed, 04 invalid amount, 97 invalid signature, 99 other")
    record VnPayIpn(@NonNull @JsonProperty("RspCode") @Schema(allowableValues = {"00", "01", "02", "04", "97", "99"})
                    String rspCode,
                    @NonNull @JsonProperty("Message") @Schema(allowableValues = {"Confirm Success", "Order not found",
                            "Order already confirmed", "Invalid amount", "Invalid signature", "Unknown error"})
                    String message) {

        static VnPayIpn of(CallbackAnswer a) {
            return new VnPayIpn(a.code(), a.message());
        }
    }

    /** The national payment platform's reply to its confirmation, signed with MaXacThuc. */
    @Schema(name = "PlatformCallbackAnswer", description = "The national payment platform's reply (v1.0.6): MaLoi 00 "
            + "when the payment is taken (or already was), 99 otherwise; MaXacThuc signs the reply fields")
    record PlatformReply(@NonNull @JsonProperty("MaLoi") @Schema(allowableValues = {"00", "99"}) String maLoi,
                         @NonNull @JsonProperty("MoTaLoi") @Schema(description = "Thành công, or Các lỗi khác: "
                                 + "the reason") String moTaLoi,
                         @JsonProperty("MaDoiTac") @Schema(description = "the province's partner code") String maDoiTac,
                         @JsonProperty("MaThamChieu") @Schema(description = "the reference of the confirmation "
                                 + "(null when it had none)") String maThamChieu,
                         @NonNull @JsonProperty("ThoiGianGD") @Schema(description = "yyyyMMddHHmmss")
                         String thoiGianGd,
                         @NonNull @JsonProperty("MaXacThuc") @Schema(description = "SHA-256, lowercase hex (empty "
                                 + "when no secret is configured)") String maXacThuc) {

        static PlatformReply of(Map<String, String> reply) {
            return new PlatformReply(reply.get("MaLoi"), reply.get("MoTaLoi"), reply.get("MaDoiTac"),
                    reply.get("MaThamChieu"), reply.get("ThoiGianGD"), reply.get("MaXacThuc"));
        }
    }
}
