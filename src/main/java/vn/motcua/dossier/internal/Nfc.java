package vn.motcua.dossier.internal;

import java.text.Normalizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Vietnamese text may arrive decomposed (a base letter plus combining marks); everything is stored composed
 * (NFC) so that patterns, search and comparisons see one spelling.
 */
final class Nfc {

    private Nfc() {
    }

    static JsonNode normalize(JsonNode node, JsonMapper json) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            return json.getNodeFactory().stringNode(Normalizer.normalize(node.asString(), Normalizer.Form.NFC));
        }
        if (node.isObject()) {
            ObjectNode out = json.createObjectNode();
            node.properties().forEach(e -> out.set(e.getKey(), normalize(e.getValue(), json)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = json.createArrayNode();
            node.forEach(v -> out.add(normalize(v, json)));
            return out;
        }
        return node;
    }
}
