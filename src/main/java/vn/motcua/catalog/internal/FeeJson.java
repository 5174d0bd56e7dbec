package vn.motcua.catalog.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FeeBasis;
import vn.motcua.catalog.FeeOptions;
import vn.motcua.catalog.FeeTier;
import vn.motcua.catalog.FeeWhen;
import vn.motcua.platform.Channel;

/**
 * The stored shape of a fee schedule: the rows in {@code procedure.fees} (a JSON array) and the options in
 * {@code procedure.fee_options} (docs/FEES.md). Rows written before the schedule was structured read as flat rows
 * that always apply.
 */
final class FeeJson {

    private FeeJson() {
    }

    static List<Fee> rows(JsonNode array) {
        List<Fee> out = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return out;
        }
        for (JsonNode f : array) {
            List<FeeTier> tiers = new ArrayList<>();
            for (JsonNode t : f.path("tiers")) {
                tiers.add(new FeeTier(t.path("from").asInt(1), t.hasNonNull("to") ? t.get("to").asInt() : null,
                        t.path("amount").asLong(0), text(t, "label")));
            }
            JsonNode w = f.path("when");
            FeeWhen when = new FeeWhen(channels(w.path("channels")), bool(w, "exempt"), bool(w, "onTime"),
                    strings(w.path("variants")));
            String basis = text(f, "basis");
            out.add(new Fee(text(f, "name"), f.hasNonNull("amount") ? f.get("amount").asLong() : null,
                    text(f, "condition"), text(f, "unit"), text(f, "kind"),
                    basis == null ? FeeBasis.PER_DOSSIER : FeeBasis.valueOf(basis), tiers,
                    f.hasNonNull("capPerCopy") ? f.get("capPerCopy").asLong() : null, when));
        }
        return out;
    }

    static FeeOptions options(JsonNode o) {
        if (o == null || !o.isObject() || o.isEmpty()) {
            return FeeOptions.NONE;
        }
        JsonNode f = o.get("form");
        FeeOptions.FormInputs form = f == null || !f.isObject() ? null
                : new FeeOptions.FormInputs(text(f, "documents"), text(f, "pages"), text(f, "copiesPerDocument"),
                        text(f, "copies"), text(f, "persons"), text(f, "eventDate"));
        List<FeeOptions.Variant> variants = new ArrayList<>();
        for (JsonNode v : o.path("variants")) {
            variants.add(new FeeOptions.Variant(text(v, "id"), text(v, "label")));
        }
        return new FeeOptions(form, o.hasNonNull("registrationDays") ? o.get("registrationDays").asInt() : null,
                o.path("copiesDefault").asInt(1), variants);
    }

    private static Set<Channel> channels(JsonNode array) {
        Set<Channel> out = EnumSet.noneOf(Channel.class);
        array.forEach(c -> out.add(Channel.valueOf(c.asString())));
        return out;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(c -> out.add(c.asString()));
        return out;
    }

    private static Boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asBoolean();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
