package vn.motcua.payment.receipt;

/** The XML writing shared by the e-receipt data and the tax authority's daily summary. */
final class ReceiptXml {

    private ReceiptXml() {
    }

    /** {@code <name>value</name>} on its own line, nothing when the value is empty. */
    static void el(StringBuilder x, String indent, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        x.append(indent).append('<').append(name).append('>').append(esc(value)).append("</").append(name)
                .append(">\n");
    }

    /** Text escaped for XML 1.0 content and attributes; characters XML 1.0 does not allow are dropped. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    // characters XML 1.0 does not allow are dropped
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000) {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.toString();
    }
}
