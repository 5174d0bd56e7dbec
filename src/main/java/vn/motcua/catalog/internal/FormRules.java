package vn.motcua.catalog.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import vn.motcua.platform.FieldProblem;

/**
 * The cross-field rules of an eForm ({@code "x-rules"} at the root of its schema, docs/FORMS.md), checked after the
 * schema: what one field alone cannot say. Each rule names fields by dotted path ({@code "father.birthDate"}); a
 * path through a list ({@code "periods[].toDate"}) is checked row by row against fields of the same row. A rule
 * says nothing while a field it compares is empty or not a date (the schema words those), and its problem is on
 * the field it names first, worded with both fields' titles (and their block's, so two "Ngày, tháng, năm sinh"
 * are told apart).
 *
 * <table>
 *   <caption>rules</caption>
 *   <tr><th>rule</th><th>keys</th><th>says</th></tr>
 *   <tr><td>after</td><td>field, other</td><td>the date {@code field} is later than {@code other}</td></tr>
 *   <tr><td>onOrAfter</td><td>field, other</td><td>the date {@code field} is not before {@code other}</td></tr>
 *   <tr><td>notFuture</td><td>field</td><td>the date {@code field} is not after today</td></tr>
 *   <tr><td>yearsBefore</td><td>field, other, years</td><td>{@code field} is at least {@code years} years before
 *       {@code other} (a parent's birth before the child's)</td></tr>
 *   <tr><td>requiredWith</td><td>field, other</td><td>{@code field} has a value when {@code other} has one</td></tr>
 *   <tr><td>distinct</td><td>fields</td><td>no two of the values are the same (one person, one identification
 *       number)</td></tr>
 * </table>
 */
final class FormRules {

    static final List<String> KINDS = List.of("after", "onOrAfter", "notFuture", "yearsBefore", "requiredWith",
            "distinct");

    private FormRules() {
    }

    /**
     * The problems of a form under its schema's rules, keyed by the page's field name ({@code form.a.b},
     * {@code form.list[0].c}).
     *
     * @param message (message key, arguments) → the text in the visitor's language
     */
    static List<FieldProblem> check(JsonNode schema, JsonNode form, LocalDate today, Locale locale,
                                    BiFunction<String, Object[], String> message) {
        List<FieldProblem> out = new ArrayList<>();
        for (JsonNode rule : schema.path("x-rules")) {
            String kind = rule.path("rule").asString("");
            if (kind.equals("distinct")) {
                distinct(schema, form, rule, locale, message, out);
                continue;
            }
            String field = rule.path("field").asString("");
            String other = rule.path("other").asString(null);
            for (Map.Entry<String, String> row : rows(form, field, other)) {
                String f = row.getKey();
                String o = row.getValue();
                JsonNode fv = at(form, f);
                JsonNode ov = o == null ? null : at(form, o);
                String fTitle = title(schema, f, locale);
                String oTitle = o == null ? null : lowerFirst(title(schema, o, locale));
                String text = switch (kind) {
                    case "after" -> compare(fv, ov, (a, b) -> a.isAfter(b)) ? null
                            : message.apply("validation.rule.after", new Object[] {fTitle, oTitle});
                    case "onOrAfter" -> compare(fv, ov, (a, b) -> !a.isBefore(b)) ? null
                            : message.apply("validation.rule.onOrAfter", new Object[] {fTitle, oTitle});
                    case "notFuture" -> {
                        LocalDate d = date(fv);
                        yield d == null || !d.isAfter(today) ? null
                                : message.apply("validation.rule.notFuture", new Object[] {fTitle});
                    }
                    case "yearsBefore" -> {
                        int years = rule.path("years").asInt(0);
                        yield compare(fv, ov, (a, b) -> !a.plusYears(years).isAfter(b)) ? null
                                : message.apply("validation.rule.yearsBefore", new Object[] {fTitle, oTitle, years});
                    }
                    case "requiredWith" -> present(ov) && !present(fv)
                            ? message.apply("validation.rule.requiredWith", new Object[] {fTitle, oTitle}) : null;
                    default -> null;
                };
                if (text != null) {
                    out.add(FieldProblem.localized(pageName(f), text));
                }
            }
        }
        return out;
    }

    private static void distinct(JsonNode schema, JsonNode form, JsonNode rule, Locale locale,
                                 BiFunction<String, Object[], String> message, List<FieldProblem> out) {
        List<String> seen = new ArrayList<>();
        for (JsonNode f : rule.path("fields")) {
            String path = f.asString("");
            JsonNode v = at(form, path);
            if (!present(v) || !v.isValueNode()) {
                // a list or a block where a number belongs is the schema's to word (Jazzer found the throw)
                continue;
            }
            String value = v.asString().strip().toUpperCase(Locale.ROOT);
            for (String earlier : seen) {
                if (at(form, earlier).asString().strip().toUpperCase(Locale.ROOT).equals(value)) {
                    out.add(FieldProblem.localized(pageName(path), message.apply("validation.rule.distinct",
                            new Object[] {title(schema, path, locale), lowerFirst(title(schema, earlier, locale))})));
                    break;
                }
            }
            seen.add(path);
        }
    }

    /** The concrete (field, other) pairs of a rule: one, or one per row of the list both paths go through. */
    private static List<Map.Entry<String, String>> rows(JsonNode form, String field, String other) {
        int list = field.indexOf("[]");
        if (list < 0) {
            return List.of(new java.util.AbstractMap.SimpleEntry<>(field, other));
        }
        String prefix = field.substring(0, list);
        JsonNode rows = at(form, prefix);
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (int i = 0; rows != null && rows.isArray() && i < rows.size(); i++) {
            String index = prefix + "[" + i + "]";
            out.add(new java.util.AbstractMap.SimpleEntry<>(field.replace(prefix + "[]", index),
                    other == null ? null : other.replace(prefix + "[]", index)));
        }
        return out;
    }

    /** The value at {@code a.b}, {@code a[0].b}; null when absent. */
    static JsonNode at(JsonNode form, String path) {
        JsonNode node = form;
        for (String part : path.split("\\.")) {
            if (node == null) {
                return null;
            }
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                node = node.get(part.substring(0, bracket));
                int index = Integer.parseInt(part.substring(bracket + 1, part.indexOf(']')));
                node = node == null || !node.isArray() ? null : node.get(index);
            } else {
                node = node.get(part);
            }
        }
        return node == null || node.isNull() ? null : node;
    }

    private static boolean present(JsonNode v) {
        return v != null && !(v.isString() && v.asString().isBlank());
    }

    /** True unless both are dates and the test fails: an empty or malformed date is the schema's to word. */
    private static boolean compare(JsonNode a, JsonNode b, java.util.function.BiPredicate<LocalDate, LocalDate> ok) {
        LocalDate x = date(a);
        LocalDate y = date(b);
        return x == null || y == null || ok.test(x, y);
    }

    private static LocalDate date(JsonNode v) {
        if (v == null || !v.isString()) {
            return null;
        }
        try {
            return LocalDate.parse(v.asString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "Ngày, tháng, năm sinh (Thông tin người mẹ)": the field's title, with its block's when it is in one. */
    static String title(JsonNode schema, String path, Locale locale) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("\\.")) {
            int bracket = p.indexOf('[');
            parts.add(bracket >= 0 ? p.substring(0, bracket) : p);
            if (bracket >= 0) {
                parts.add("0");
            }
        }
        String own = FormValidator.title(FormValidator.schemaAt(schema, parts), locale, parts);
        if (parts.size() > 1) {
            List<String> parent = new ArrayList<>(parts.subList(0, parts.size() - 1));
            if (parent.getLast().equals("0")) {
                parent.removeLast();
            }
            JsonNode block = FormValidator.schemaAt(schema, parent);
            if (block != null && block.hasNonNull("title")) {
                return own + " (" + FormValidator.title(block, locale, parent) + ")";
            }
        }
        return own;
    }

    /** "Ngày cấp" → "ngày cấp", as the second field reads inside a sentence. */
    private static String lowerFirst(String s) {
        return s == null || s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    /** {@code a.b[0].c} → {@code form.a.b[0].c}, the name of the page's input. */
    private static String pageName(String path) {
        return "form." + path;
    }
}
