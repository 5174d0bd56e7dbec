package vn.motcua.test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Fills an eForm in a browser page from a procedure's example, whatever the widgets. */
public final class BrowserForms {

    private BrowserForms() {
    }

    /** Fills every input named after the example's fields ({@code form.child.fullName}, {@code form.members[0].x}). */
    public static void fillExample(Page page, JsonNode example) {
        Map<String, String> form = new LinkedHashMap<>();
        flatten("form", example, form);
        form.forEach((name, value) -> fill(page, name, value));
    }

    /** Fills one input of the eForm by name, whatever its widget. */
    public static void fill(Page page, String name, String value) {
        Locator field = page.locator("[name=\"" + name + "\"]");
        if (field.count() == 0) {
            return;
        }
        String type = (String) field.first().evaluate("e => e.tagName + ':' + (e.type || '')");
        switch (type) {
            case "INPUT:radio" -> page.locator("[name=\"" + name + "\"][value=\"" + value + "\"]").check();
            case "INPUT:checkbox" -> {
                if ("true".equals(value)) {
                    field.check();
                }
            }
            case "SELECT:select-one" -> field.selectOption(value);
            default -> field.fill(value);
        }
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            n.properties().forEach(e -> flatten(prefix + "." + e.getKey(), e.getValue(), out));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                flatten(prefix + "[" + i + "]", n.get(i), out);
            }
        } else if (!n.isNull()) {
            out.put(prefix, n.isBoolean() ? String.valueOf(n.asBoolean()) : n.asString());
        }
    }
}
