package vn.motcua.signing;

/**
 * Renders the one-stop's official documents as PDF (Vietnamese, embedded font, QR code to the tracking or
 * verification page). Every method returns a complete PDF file; the documents are not signed here.
 * Thread-safe.
 */
public interface OfficialDocuments {

    /** Form 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
    byte[] receipt(ReceiptData d);

    /** Form 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ; {@code items} are what to supplement. */
    byte[] supplementRequest(NoticeData d);

    /** Form 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ (refused at reception). */
    byte[] receptionRefusal(NoticeData d);

    /** Form 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
    byte[] apology(ApologyData d);

    /** Phiếu từ chối giải quyết hồ sơ: refusal after appraisal, signed by the competent person. */
    byte[] rejection(NoticeData d);

    /** A result document generated from the procedure's template. */
    byte[] result(ResultData d);

    /**
     * An electronic receipt for fees and charges (biên lai điện tử), its XML data embedded as {@code bien-lai.xml}.
     * The place for the collecting organisation's signature is under "ĐƠN VỊ THU" ({@link #E_RECEIPT_SIGNER}).
     */
    byte[] eReceipt(EReceiptData d);

    /** The title of the signature block of an e-receipt, the anchor of the agency's signature. */
    String E_RECEIPT_SIGNER = "ĐƠN VỊ THU TIỀN";

    /** A blank declaration to print and fill in by hand (mẫu đơn, tờ khai), from the procedure's eForm. */
    byte[] formTemplate(FormTemplateData d);
}
