package vn.motcua.signing.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes for the tracking and verification links. */
final class QrCodes {

    // level M survives a smudged print; the 4-module quiet zone is part of the matrix
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, 4);
    // only for text beyond ASCII: the UTF-8 hint adds an ECI header some phone readers mishandle
    private static final Map<EncodeHintType, Object> UTF8_HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, 4,
            EncodeHintType.CHARACTER_SET, "UTF-8");

    private QrCodes() {
    }

    /** The smallest matrix for {@code text}: one bit per module, quiet zone included. */
    static BitMatrix encode(String text) {
        try {
            boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(text);
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, ascii ? HINTS : UTF8_HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as a QR code: " + text, e);
        }
    }
}
