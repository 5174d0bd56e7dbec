package vn.motcua.payment.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import vn.motcua.payment.PaymentCategory;
import vn.motcua.payment.internal.PaymentCategories;
import vn.motcua.payment.internal.PaymentRecord;

/** The JSON of a payment attempt, one shape for the API and the pages. */
final class PaymentViews {

    private PaymentViews() {
    }

    static Map<String, Object> of(PaymentRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("paymentId", r.id().toString());
        m.put("reference", r.reference());
        m.put("dossierCode", r.dossierCode());
        m.put("amount", r.amount());
        m.put("status", r.status().name());
        m.put("channel", r.gateway());
        m.put("method", r.method());
        m.put("redirectUrl", r.status() == vn.motcua.payment.PaymentStatus.INITIATED ? r.redirectUrl() : null);
        m.put("items", items(r.items()));
        m.put("createdAt", r.createdAt());
        m.put("expiresAt", r.expiresAt());
        m.put("paidAt", r.paidAt());
        m.put("gatewayTransactionNo", r.gatewayTxnNo());
        m.put("failureReason", r.failureReason());
        m.put("version", r.version());
        m.put("receiptUrl", r.status().paid() ? "/api/v1/payments/" + r.id() + "/receipt.pdf" : null);
        m.put("receipts", r.status().paid() ? categories(r).stream().map(c -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("category", c.name());
            x.put("url", "/api/v1/payments/" + r.id() + "/receipt.pdf?category=" + c.name());
            return x;
        }).toList() : List.of());
        return m;
    }

    /** The categories of a payment's lines: one receipt each (phí, lệ phí, other obligations, in that order). */
    static List<PaymentCategory> categories(PaymentRecord r) {
        java.util.EnumSet<PaymentCategory> out = java.util.EnumSet.noneOf(PaymentCategory.class);
        for (JsonNode i : r.items()) {
            if (i.path("amount").asLong(0) > 0) {
                out.add(PaymentCategories.stored(i.path("category").asString(null), i.path("kind").asString(null)));
            }
        }
        return List.copyOf(out);
    }

    static List<Map<String, Object>> items(JsonNode items) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode i : items) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", i.path("name").asString(null));
            m.put("kind", i.path("kind").asString(null));
            m.put("category", PaymentCategories.stored(i.path("category").asString(null),
                    i.path("kind").asString(null)).name());
            m.put("quantity", i.path("quantity").asInt(1));
            m.put("unitAmount", i.hasNonNull("unitAmount") ? i.get("unitAmount").asLong() : null);
            m.put("amount", i.path("amount").asLong(0));
            out.add(m);
        }
        return out;
    }
}
