package vn.motcua.platform.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad requests, derived from the API description: request {@code i} of seed {@code s} is always the same request
 * (its own {@link SplittableRandom}), so a failure is replayed with the seed and the index. Every request that
 * could write (not GET) carries at least one defect that must make the server refuse it: a malformed or
 * mistyped body, a control character, a missing required field, a value out of any range, a garbage path
 * parameter or credential. Reads get bad and plausible values alike.
 */
final class FuzzGenerator {

    enum Principal { ANONYMOUS, CITIZEN, OFFICER, ADMIN }

    /** One request: the target is already %-encoded for {@code raw == false}; raw ones go through a socket. */
    record FuzzRequest(int index, String method, String target, Map<String, String> headers, byte[] body,
                       Principal principal, String what, boolean raw) {

        String describe() {
            String b = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            String t = target.length() > 300 ? target.substring(0, 300) + "…(" + target.length() + ")" : target;
            return "#" + index + " " + principal + " " + method + " " + t + " [" + what + "] " + headers
                    + (b.isEmpty() ? "" : " body(" + body.length + "): " + b.replaceAll("\\p{Cntrl}", "?"));
        }
    }

    /** A page route of the application (from the handler mappings): its method, pattern and parameters. */
    record PageRoute(String method, String pattern, Map<String, Class<?>> params) {
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String[] INJECTIONS = {
        "' or '1'='1", "'; drop table dossier; --", "\" or 1=1 --", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
        "{{7*7}}", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "%2e%2e%2f", "$(id)", "`id`",
        "[[${T(java.lang.Runtime).getRuntime().exec('id')}]]", "*{7*7}", "__${7*7}__::.x", "\\u0000", "%s%s%s%n",
        "1;select pg_sleep(0)", "admin'--", "\u202Egnp.exe", "ﷺ﷽", "Z̷̢͔̈a̵l̶g̷o̶", "😀👨‍👩‍👧‍👦", "\uFEFF", "ℌ𝔢𝔩𝔩𝔬",
        "ệ".repeat(40), "null", "undefined", "NaN", "Infinity", "-0", "0x1F", "1e308", "-1", "true", "[]", "{}",
        "2026-02-30", "9999-99-99", "+84 912 345 678", "0912345678", "079123456789", " ", "", "\t", "\r\n\r\n",
    };
    static final String[] CONTROLS = {"\u0000", "\u0001", "\u001b", "\u007f", "\u0085", "\u009f", "\u0008", "\u000b"};

    private final long seed;
    private final ApiModel model;
    private final List<PageRoute> pages;
    private final Map<String, List<String>> pools;

    FuzzGenerator(long seed, ApiModel model, List<PageRoute> pages, Map<String, List<String>> pools) {
        this.seed = seed;
        this.model = model;
        this.pages = pages;
        this.pools = pools;
    }

    FuzzRequest request(int index) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L);
        int kind = r.nextInt(100);
        if (kind < 72) {
            return operation(index, r);
        } else if (kind < 84) {
            return page(index, r);
        } else if (kind < 92) {
            return randomPath(index, r);
        }
        return raw(index, r);
    }

    // ---------------------------------------------------------------- operations of the description

    private FuzzRequest operation(int index, SplittableRandom r) {
        ApiModel.Operation op = model.operations.get(r.nextInt(model.operations.size()));
        Principal who = Principal.values()[r.nextInt(Principal.values().length)];
        List<String> what = new ArrayList<>();
        boolean defect = false;
        String method = op.method();
        if (r.nextInt(100) < 3) {
            String swapped = pick(r, "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE");
            // a method no operation of this path has must be refused (405); one another operation has would be
            // that operation without its own defects (DELETE on the log-in's path revokes the caller's token)
            if (model.operations.stream().noneMatch(o -> o.path().equals(op.path()) && o.method().equals(swapped))) {
                method = swapped;
                what.add("method " + method);
                defect = !method.equals("HEAD") && !method.equals("GET") && !method.equals("OPTIONS");
            }
        }
        // path
        StringBuilder path = new StringBuilder();
        for (String segment : op.path().substring(1).split("/")) {
            path.append('/');
            int open = segment.indexOf('{');
            if (open < 0) {
                path.append(segment);
                continue;
            }
            String name = segment.substring(open + 1, segment.indexOf('}'));
            String suffix = segment.substring(segment.indexOf('}') + 1);
            ApiModel.Param p = op.params().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            String value;
            if (r.nextInt(100) < 35 || op.writes() && r.nextInt(100) < 30) {
                value = badText(r, 2000);
                what.add("path " + name);
                defect = true;
            } else {
                value = plausible(r, name, p == null ? F.objectNode() : p.schema(), op.path());
            }
            path.append(encode(segment.substring(0, open))).append(encode(value)).append(suffix);
        }
        // query
        List<String> query = new ArrayList<>();
        for (ApiModel.Param p : op.in("query")) {
            int c = r.nextInt(100);
            if (c < 30 && !p.required()) {
                continue;
            }
            String value;
            if (c < 60) {
                value = plausible(r, p.name(), p.schema(), op.path());
            } else {
                value = badFor(r, p.schema());
                what.add("query " + p.name());
            }
            query.add(encode(p.name()) + "=" + encode(value));
            if (r.nextInt(100) < 5) {
                query.add(encode(p.name()) + "=" + encode(badText(r, 100)));
                what.add("repeated " + p.name());
            }
        }
        if (r.nextInt(100) < 10) {
            query.add(encode(badText(r, 50)) + "=" + encode(badText(r, 200)));
            what.add("unknown query");
        }
        // headers
        Map<String, String> headers = new LinkedHashMap<>();
        for (ApiModel.Param p : op.in("header")) {
            if (r.nextBoolean()) {
                headers.put(p.name(), headerValue(r));
                what.add("header " + p.name());
            }
        }
        if (r.nextInt(100) < 8) {
            headers.put("Authorization", pick(r, "Bearer " + randomToken(r), "Bearer", "Basic YWRtaW46ZGVtbw==",
                    "Bearer " + "a".repeat(5000), "bearer " + UUID.randomUUID(), "Token x", "Bearer ."));
            what.add("bad credentials");
            defect = true;
        }
        if (r.nextInt(100) < 8) {
            headers.put("Accept-Language", pick(r, "xx", "vi;q=abc", "*", "en-US,en;q=0.9,vi;q=-1",
                    "a".repeat(3000), "zh-Hant-TW-u-ca-chinese", "vi-VN-x-" + "a".repeat(8)));
        }
        if (r.nextInt(100) < 5) {
            headers.put("Accept", pick(r, "application/xml", "text/html", "image/png", "*/*;q=x", "text/csv",
                    "application/json;charset=ebcdic", "application/pdf"));
        }
        // body
        byte[] body = null;
        if (!op.bodies().isEmpty() || r.nextInt(100) < 5) {
            boolean mustBreak = op.writes() && !defect;
            Body b = body(r, op, r.nextInt(100) < 85, mustBreak);
            body = b.bytes();
            if (b.contentType() != null) {
                headers.put("Content-Type", b.contentType());
            }
            what.add(b.what());
            defect |= b.defect() && !op.bodies().isEmpty(); // a body the operation does not read breaks nothing
        }
        if (op.writes() && !defect && !method.equals("GET")) {
            // a write with nothing wrong yet (no body, no path parameter broken): anonymous or a forged token
            if (r.nextBoolean()) {
                who = Principal.ANONYMOUS;
                what.add("anonymous");
            } else {
                headers.put("Authorization", "Bearer " + randomToken(r));
                what.add("forged token");
            }
        }
        String target = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        return new FuzzRequest(index, method, target, headers, body, who, String.join(", ", what), false);
    }

    private record Body(byte[] bytes, String contentType, String what, boolean defect) {
    }

    /**
     * The body of an operation: plausible, or mutated when {@code broken}; with {@code mustBreak} only by a defect
     * the server must refuse (broken JSON syntax, a top-level value of the wrong kind, a field of the wrong type or
     * with a control character, a media type it does not take), never by one it may accept (a missing field the
     * description calls required, a long text, an extreme number: those are tried on other requests).
     */
    private Body body(SplittableRandom r, ApiModel.Operation op, boolean broken, boolean mustBreak) {
        String type = op.bodies().isEmpty() ? "application/json" : List.copyOf(op.bodies().keySet())
                .get(r.nextInt(op.bodies().size()));
        JsonNode schema = op.bodies().isEmpty() ? F.objectNode() : model.resolve(op.bodies().get(type));
        if (type.startsWith("multipart/")) {
            return multipart(r, schema, broken || mustBreak, mustBreak);
        }
        if (type.startsWith("text/")) {
            if (mustBreak) {
                return new Body(csv(r, true).getBytes(StandardCharsets.UTF_8), "application/xml", "content type xml",
                        true);
            }
            return new Body(csv(r, broken).getBytes(StandardCharsets.UTF_8), type + "; charset=UTF-8", "text body",
                    false);
        }
        JsonNode plausible = value(r, schema, "body", 0);
        if (!broken && !mustBreak) {
            return new Body(JSON.writeValueAsBytes(plausible), "application/json", "plausible body", false);
        }
        int c = r.nextInt(100);
        if (c < 45 && plausible.isObject() && !plausible.isEmpty()) {
            String what = mustBreak ? mistypeField(r, (ObjectNode) plausible, schema)
                    : mutateField(r, (ObjectNode) plausible, schema);
            return new Body(JSON.writeValueAsBytes(plausible), "application/json", what, mustBreak);
        }
        if (c < 55 && plausible.isObject() && !mustBreak) {
            // required fields missing
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(n -> required.add(n.asString()));
            if (!required.isEmpty()) {
                String gone = required.get(r.nextInt(required.size()));
                ((ObjectNode) plausible).remove(gone);
                if (r.nextBoolean()) {
                    required.forEach(((ObjectNode) plausible)::remove);
                    gone = "all required";
                }
                return new Body(JSON.writeValueAsBytes(plausible), "application/json", "missing " + gone, false);
            }
        }
        if (c < 75) {
            return new Body(malformedJson(r, JSON.writeValueAsString(plausible), mustBreak), "application/json",
                    "malformed json", true);
        }
        if (c < 85) {
            JsonNode top = mustBreak
                    ? pickNode(r, F.arrayNode().add(1), F.stringNode("x"), F.numberNode(1), F.booleanNode(true),
                            F.arrayNode(), deep(r, 100 + r.nextInt(3000)))
                    : pickNode(r, F.arrayNode().add(1), F.stringNode("x"), F.numberNode(1), F.nullNode(),
                            F.booleanNode(true), F.arrayNode(), F.objectNode(), deep(r, 100 + r.nextInt(3000)));
            return new Body(JSON.writeValueAsBytes(top), "application/json", "wrong top-level " + top.getNodeType(),
                    !top.isObject() && !top.isNull());
        }
        String ct = pick(r, "text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data", "multipart/form-data; boundary=zz", "application/json; charset=nonexistent",
                "application/json; charset=UTF-16", "application/octet-stream", "", "application/*", "a/b/c",
                "application/json; boundary=\"", "text/csv");
        byte[] bytes = r.nextBoolean() ? JSON.writeValueAsBytes(plausible) : randomBytes(r, r.nextInt(2000));
        return new Body(bytes, ct.isEmpty() ? null : ct, "content type '" + ct + "'", true);
    }

    /** A field (of the schema, or of a free-form document) given a value of the wrong type or a control character. */
    private String mistypeField(SplittableRandom r, ObjectNode root, JsonNode schema) {
        List<Object[]> slots = new ArrayList<>();
        collect(root, schema, "", slots, 0);
        Object[] slot = slots.get(r.nextInt(slots.size()));
        JsonNode s = model.resolve((JsonNode) slot[3]);
        String type = s.path("type").asString("");
        JsonNode bad = switch (type) {
            case "integer", "number" -> F.stringNode(pick(r, "x", "NaN", withControl(r, "1"), "1,5"));
            case "boolean" -> pickNode(r, F.stringNode("maybe"), F.numberNode(2), F.stringNode("true"));
            case "array" -> pickNode(r, F.stringNode("x"), F.numberNode(1), F.objectNode().put("a", 1));
            case "object" -> s.has("properties") ? pickNode(r, F.stringNode("x"), F.numberNode(1), F.arrayNode().add(1))
                    : F.objectNode().put("a", withControl(r, "b"));
            default -> r.nextBoolean() ? F.stringNode(withControl(r, plausibleText(r)))
                    : s.has("enum") ? F.stringNode("KHONG_CO") : F.stringNode(withControl(r, "x"));
        };
        if (slot[0] instanceof ObjectNode o) {
            o.set((String) slot[1], bad);
        } else if (slot[0] instanceof ArrayNode a) {
            a.set(Integer.parseInt((String) slot[1]), bad);
        }
        return "field " + slot[2] + " (" + (type.isEmpty() ? "free" : type) + ") = " + describe(bad);
    }

    private String mutateField(SplittableRandom r, ObjectNode root, JsonNode schema) {
        // pick a random container and key
        List<Object[]> slots = new ArrayList<>();
        collect(root, schema, "", slots, 0);
        Object[] slot = slots.get(r.nextInt(slots.size()));
        JsonNode container = (JsonNode) slot[0];
        String key = (String) slot[1];
        JsonNode fieldSchema = (JsonNode) slot[3];
        JsonNode bad = badNode(r, fieldSchema);
        if (container instanceof ObjectNode o) {
            o.set(key, bad);
        } else if (container instanceof ArrayNode a) {
            a.set(Integer.parseInt(key), bad);
        }
        if (r.nextInt(100) < 10) {
            root.put(badText(r, 40), "x");
        }
        return "field " + slot[2] + " = " + describe(bad);
    }

    private void collect(JsonNode node, JsonNode schema, String path, List<Object[]> out, int depth) {
        if (depth > 6) {
            return;
        }
        JsonNode s = model.resolve(schema);
        if (node instanceof ObjectNode o) {
            for (var e : List.copyOf(o.properties())) {
                JsonNode child = s.path("properties").path(e.getKey());
                if (child.isMissingNode()) {
                    child = s.path("additionalProperties").isObject() ? s.path("additionalProperties") : F.objectNode();
                }
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                out.add(new Object[] {o, e.getKey(), p, child});
                collect(e.getValue(), child, p, out, depth + 1);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(new Object[] {a, String.valueOf(i), path + "[" + i + "]", s.path("items")});
                collect(a.get(i), s.path("items"), path + "[" + i + "]", out, depth + 1);
            }
        }
    }

    /** A value the field cannot take: wrong type, control character, out of range, huge or deeply nested. */
    private JsonNode badNode(SplittableRandom r, JsonNode schema) {
        JsonNode s = model.resolve(schema);
        String type = s.path("type").asString("");
        int c = r.nextInt(100);
        if (type.equals("string") || type.isEmpty()) {
            if (c < 30) {
                return F.stringNode(withControl(r, plausibleText(r)));
            } else if (c < 45) {
                return F.stringNode(huge(r));
            } else if (c < 55 && s.has("enum")) {
                return F.stringNode(pick(r, "khong-co", "", "pending", "DELETE", "ACCEPTED ", "Ⅰ"));
            } else if (c < 70) {
                return pickNode(r, F.numberNode(r.nextLong()), F.booleanNode(r.nextBoolean()), F.numberNode(1e308),
                        F.arrayNode().add("a"), F.objectNode().put("a", 1));
            }
        }
        if (type.equals("integer") || type.equals("number")) {
            if (c < 60) {
                return pickNode(r, F.numberNode(1e308), F.numberNode(-1e308), F.numberNode(new java.math.BigInteger(
                        "9223372036854775808")), F.numberNode(new java.math.BigInteger("-99999999999999999999999999")),
                        F.numberNode(-1), F.numberNode(0.5), F.numberNode(2147483648L), F.numberNode(Long.MIN_VALUE),
                        F.numberNode(new java.math.BigDecimal("1e-400")));
            } else if (c < 85) {
                return F.stringNode(pick(r, "x", "1e308", "", "NaN", "-", "1,5", "١٢٣", withControl(r, "12")));
            }
        }
        if (type.equals("boolean") && c < 70) {
            return pickNode(r, F.stringNode("maybe"), F.numberNode(2), F.stringNode(withControl(r, "true")));
        }
        if (type.equals("array") && c < 50) {
            ArrayNode big = F.arrayNode();
            int n = r.nextInt(100) < 20 ? 20_000 : 3;
            for (int i = 0; i < n; i++) {
                big.add(r.nextBoolean() ? F.stringNode(withControl(r, "a"))
                        : F.objectNode().put("x", n > 3 ? "x" : huge(r)));
            }
            return r.nextBoolean() ? big : F.stringNode("[]");
        }
        if (type.equals("object") && c < 50) {
            return pickNode(r, F.stringNode("{}"), F.arrayNode().add(F.objectNode()), deep(r, 50 + r.nextInt(2000)),
                    F.objectNode().put(withControl(r, "key"), "v"), F.numberNode(1));
        }
        return pickNode(r, deep(r, 30 + r.nextInt(1000)), F.stringNode(withControl(r, huge(r))),
                F.arrayNode().add(F.nullNode()), F.objectNode().put("\u0000", "\u0000"));
    }

    private JsonNode value(SplittableRandom r, JsonNode schema, String name, int depth) {
        JsonNode s = model.resolve(schema);
        String type = s.path("type").asString("");
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(r.nextInt(s.get("enum").size()));
        }
        if (depth > 5) {
            return F.stringNode("x");
        }
        switch (type) {
            case "object" -> {
                ObjectNode o = F.objectNode();
                List<String> required = new ArrayList<>();
                s.path("required").forEach(n -> required.add(n.asString()));
                s.path("properties").properties().forEach(e -> {
                    if (required.contains(e.getKey()) || r.nextInt(100) < 70) {
                        o.set(e.getKey(), value(r, e.getValue(), e.getKey(), depth + 1));
                    }
                });
                if (s.path("additionalProperties").asBoolean(false) || s.path("additionalProperties").isObject()) {
                    for (int i = r.nextInt(4); i > 0; i--) {
                        o.put(pick(r, "hoTen", "ngaySinh", "soGiayTo", "noiSinh", "ghiChu", "soTien", "lyDo", "a"),
                                r.nextBoolean() ? plausibleText(r) : String.valueOf(r.nextInt(1000)));
                    }
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = F.arrayNode();
                for (int i = r.nextInt(3); i > 0; i--) {
                    a.add(value(r, s.path("items"), name, depth + 1));
                }
                return a;
            }
            case "integer", "number" -> {
                long min = s.path("minimum").asLong(0);
                long max = s.path("maximum").asLong(Math.max(min + 1, 20));
                return F.numberNode(min + r.nextLong(Math.max(1, Math.min(max - min + 1, 1_000_000))));
            }
            case "boolean" -> {
                return F.booleanNode(r.nextBoolean());
            }
            default -> {
                return F.stringNode(plausible(r, name, s, ""));
            }
        }
    }

    /** A value that might be accepted: from the demo data pools by the parameter's name, else by its format. */
    private String plausible(SplittableRandom r, String name, JsonNode schema, String path) {
        JsonNode s = model.resolve(schema);
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(r.nextInt(s.get("enum").size())).asString();
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        String pool = null;
        if (lower.contains("procedure")) {
            pool = "procedure";
        } else if (lower.contains("agency")) {
            pool = "agency";
        } else if (lower.equals("unit") || lower.contains("unitcode") || lower.equals("parent") || lower.equals("within")) {
            pool = "unit";
        } else if (lower.equals("code")) {
            pool = path.contains("/tracking/") ? null : path.contains("feedback") ? "feedback"
                    : path.contains("certification") ? "certification" : path.contains("procedures") ? "procedure"
                    : path.contains("agencies") ? "agency" : path.contains("units") ? "unit" : "dossier";
        } else if (lower.equals("username")) {
            pool = "username";
        } else if (lower.contains("fileid") || lower.equals("id") && path.contains("files")) {
            pool = "file";
        }
        if (pool != null && pools.containsKey(pool) && !pools.get(pool).isEmpty() && r.nextInt(100) < 80) {
            List<String> p = pools.get(pool);
            return p.get(r.nextInt(p.size()));
        }
        String type = s.path("type").asString("string");
        String format = s.path("format").asString("");
        if (type.equals("integer") || type.equals("number")) {
            return String.valueOf(r.nextInt(100) < 80 ? r.nextInt(30) : r.nextInt());
        }
        if (type.equals("boolean")) {
            return String.valueOf(r.nextBoolean());
        }
        return switch (format) {
            case "date" -> "2026-" + pad(1 + r.nextInt(12)) + "-" + pad(1 + r.nextInt(28));
            case "date-time" -> "2026-11-" + pad(1 + r.nextInt(28)) + "T08:30:00+07:00";
            case "uuid" -> UUID.randomUUID().toString();
            case "email" -> "fuzz" + r.nextInt(1000) + "@example.vn";
            default -> switch (lower) {
                case "phone" -> "09" + (10_000_000 + r.nextInt(89_999_999));
                case "idnumber" -> "0791" + (10_000_000 + r.nextInt(89_999_999));
                case "period" -> pick(r, "2026", "2026-Q3", "2026-11", "2025", "Q1-2026");
                case "year" -> String.valueOf(2020 + r.nextInt(10));
                case "from", "to", "date", "receivedat", "at" -> "2026-" + pad(1 + r.nextInt(12)) + "-01";
                default -> plausibleText(r);
            };
        };
    }

    private static String pad(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    private static String plausibleText(SplittableRandom r) {
        return pick(r, "Nguyễn Văn An", "khai sinh", "Tân Phú", "abc", "1", "Hồ sơ", "x".repeat(1 + r.nextInt(30)),
                "Trần Thị Bích Ngọc", "đăng ký kết hôn", "123 Lê Lợi", "HS-2026");
    }

    /** A bad value for a parameter of the given schema (as text). */
    private String badFor(SplittableRandom r, JsonNode schema) {
        String type = model.resolve(schema).path("type").asString("string");
        if ((type.equals("integer") || type.equals("number") || type.equals("boolean")) && r.nextInt(100) < 60) {
            return pick(r, "x", "1e308", "-1", "99999999999999999999", "", "1.5", "0x10", "NaN", "true", "-0",
                    "2147483648", "١", "1 ", withControl(r, "1"));
        }
        return badText(r, 3000);
    }

    private static String badText(SplittableRandom r, int maxHuge) {
        int c = r.nextInt(100);
        if (c < 30) {
            return withControl(r, plausibleText(r));
        } else if (c < 40) {
            return "x".repeat(1 + r.nextInt(maxHuge));
        } else if (c < 90) {
            return INJECTIONS[r.nextInt(INJECTIONS.length)];
        }
        return "\uD800" + "a"; // a lone surrogate (sent as its UTF-8 replacement bytes)
    }

    private static String withControl(SplittableRandom r, String s) {
        int at = s.isEmpty() ? 0 : r.nextInt(s.length() + 1);
        return s.substring(0, at) + CONTROLS[r.nextInt(CONTROLS.length)] + s.substring(at);
    }

    private static String huge(SplittableRandom r) {
        int n = r.nextInt(100) < 70 ? 2_001 + r.nextInt(20_000) : 100_000 + r.nextInt(300_000);
        return (r.nextBoolean() ? "ệ" : "a").repeat(n);
    }

    private static JsonNode deep(SplittableRandom r, int depth) {
        JsonNode n = F.stringNode("x");
        for (int i = 0; i < Math.min(depth, 450); i++) {
            n = r.nextBoolean() ? F.arrayNode().add(n) : F.objectNode().set("a", n);
        }
        return n;
    }

    private static byte[] text(JsonNode node, SplittableRandom r) {
        return JSON.writeValueAsBytes(node);
    }

    private static byte[] malformedJson(SplittableRandom r, String valid, boolean definite) {
        int c = r.nextInt(definite ? 11 : 12);
        String s = switch (c) {
            case 0 -> valid.substring(0, r.nextInt(Math.max(1, valid.length())));
            case 1 -> valid + "}";
            case 2 -> valid.replaceFirst(":", "");
            case 3 -> "{\"a\":1,}";
            case 4 -> "{'a':'b'}";
            case 5 -> "{\"a\": NaN, \"b\": Infinity}";
            case 6 -> "{/* comment */ \"a\": 1}";
            case 7 -> "{\"a\": " + "9".repeat(2000 + r.nextInt(5000)) + "}";
            case 8 -> "{\"" + "k".repeat(60_000) + "\": 1}";
            case 9 -> "[".repeat(10_000);
            case 10 -> valid.contains(":\"") ? valid.replaceFirst(":\"", ":\"\\\\ud800") : "{\"a\":\"\\ud800\"";
            default -> "\uFEFF" + valid;
        };
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (r.nextInt(10) == 0) {
            // invalid UTF-8 in the middle
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = r.nextInt(bytes.length + 1);
            out.write(bytes, 0, at);
            out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
            out.write(bytes, at, bytes.length - at);
            return out.toByteArray();
        }
        return bytes;
    }

    private Body multipart(SplittableRandom r, JsonNode schema, boolean broken, boolean mustBreak) {
        String boundary = "fuzz" + Long.toHexString(r.nextLong());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String partName = "file";
        String fileName = "giay-to.pdf";
        String type = "application/pdf";
        byte[] content = "%PDF-1.4\n%fuzz\n".getBytes(StandardCharsets.UTF_8);
        String what = "multipart";
        int c = mustBreak ? pick(r, 0, 4, 5, 6) : broken ? r.nextInt(8) : -1;
        switch (c) {
            case 0 -> { partName = pick(r, "files", "", "x", "document"); what = "multipart part name"; }
            case 1 -> { fileName = pick(r, "../../etc/passwd", "a\u0000.pdf", "a\u001b.pdf", "x".repeat(5000) + ".pdf",
                    "\u202Efdp.exe"); content = randomBytes(r, 10); what = "multipart file name"; }
            case 2 -> { type = pick(r, "application/x-msdownload", "text/html", "", "a/b", "image/svg+xml");
                    content = "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8); what = "multipart type"; }
            case 3 -> { content = new byte[0]; type = "application/x-empty"; what = "multipart empty file"; }
            case 4 -> { return new Body(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=" + boundary,
                    "multipart truncated", true); }
            case 5 -> { return new Body(randomBytes(r, 500), "multipart/form-data; boundary=" + boundary,
                    "multipart garbage", true); }
            case 6 -> { return new Body(new byte[0], "multipart/form-data", "multipart without boundary", true); }
            case 7 -> { content = randomBytes(r, 3000); type = "image/png"; what = "multipart fake png"; }
            default -> { }
        }
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Body(out.toByteArray(), "multipart/form-data; boundary=" + boundary, what, c == 0);
    }

    private static String csv(SplittableRandom r, boolean broken) {
        StringBuilder b = new StringBuilder("username,displayName,email,roles,agency\n");
        for (int i = r.nextInt(5); i > 0; i--) {
            b.append(broken ? withControl(r, "fuzz" + r.nextInt(100)) : "fuzz" + r.nextInt(100)).append(',')
                    .append(pick(r, "\"unterminated", "Nguyễn", "=cmd|' /C calc'!A0", "x".repeat(3000)))
                    .append(',').append(pick(r, "a@b", "", "@")).append(',')
                    .append(pick(r, "GOD", "OFFICER", "", ";;")).append(',').append("nowhere\n");
        }
        return b.toString();
    }

    private static String headerValue(SplittableRandom r) {
        return pick(r, "\"abc\"", "W/\"1\"", "*", "-1", "\"99999999999999999999\"", "x".repeat(5000), "",
                "\"1\", \"2\"", UUID.randomUUID().toString(), "ệ", "\"\"");
    }

    private static String randomToken(SplittableRandom r) {
        byte[] b = new byte[32];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return HexFormat.of().formatHex(b);
    }

    // ---------------------------------------------------------------- pages

    private FuzzRequest page(int index, SplittableRandom r) {
        PageRoute route = pages.get(r.nextInt(pages.size()));
        Principal who = Principal.values()[r.nextInt(Principal.values().length)];
        String path = route.pattern().replaceAll("\\{[^}]+}", "") .isEmpty() ? "/" : route.pattern();
        StringBuilder p = new StringBuilder();
        for (String segment : path.substring(1).split("/", -1)) {
            p.append('/');
            if (segment.startsWith("{")) {
                p.append(encode(r.nextBoolean() ? badText(r, 500) : plausibleFromPools(r)));
            } else {
                p.append(segment.replaceAll("\\{[^}]+}", encode(badText(r, 100))));
            }
        }
        List<String> query = new ArrayList<>();
        route.params().forEach((name, type) -> {
            int c = r.nextInt(100);
            if (c < 25) {
                return;
            }
            String value = c < 55 ? (Number.class.isAssignableFrom(box(type)) ? String.valueOf(r.nextInt(20))
                    : plausibleFromPools(r)) : (box(type) != String.class ? pick(r, "x", "", "1e308", "-1",
                    "99999999999999999999", withControl(r, "1")) : badText(r, 3000));
            query.add(encode(name) + "=" + encode(value));
        });
        // pages' forms (POST) reach their handlers only with the session's CSRF token: without it they must be
        // a 403 whatever the body; with GET they must refuse or render
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = null;
        String method = route.method();
        if (!method.equals("GET")) {
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            body = String.join("&", query).getBytes(StandardCharsets.UTF_8);
            query.clear();
        }
        String target = p + (query.isEmpty() ? "" : "?" + String.join("&", query));
        return new FuzzRequest(index, method, target, headers, body, who, "page " + route.pattern(), false);
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return type == boolean.class ? Boolean.class : type == int.class ? Integer.class : type == long.class
                ? Long.class : type == double.class ? Double.class : Number.class;
    }

    private String plausibleFromPools(SplittableRandom r) {
        List<String> names = List.copyOf(pools.keySet());
        List<String> pool = pools.get(names.get(r.nextInt(names.size())));
        return pool.isEmpty() ? "x" : pool.get(r.nextInt(pool.size()));
    }

    // ---------------------------------------------------------------- random paths and raw requests

    private FuzzRequest randomPath(int index, SplittableRandom r) {
        Principal who = Principal.values()[r.nextInt(Principal.values().length)];
        StringBuilder p = new StringBuilder(pick(r, "/api/v1", "/api", "/api/v2", "", "/actuator", "/v3/api-docs",
                "/quan-tri", "/can-bo", "/ho-so", "/static", "/webjars", "/swagger-ui"));
        for (int i = r.nextInt(5); i >= 0; i--) {
            ApiModel.Operation op = model.operations.get(r.nextInt(model.operations.size()));
            String[] segments = op.path().split("/");
            String s = r.nextInt(100) < 60 ? segments[r.nextInt(segments.length)] : badText(r, 300);
            p.append('/').append(s.startsWith("{") ? encode(plausibleFromPools(r)) : encode(s));
        }
        if (r.nextBoolean()) {
            p.append('?').append(encode(badText(r, 20))).append('=').append(encode(badText(r, 500)));
        }
        String method = pick(r, "GET", "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = null;
        if (!method.equals("GET") && !method.equals("HEAD") && r.nextBoolean()) {
            headers.put("Content-Type", "application/json");
            body = malformedJson(r, "{\"a\":\"b\"}", false);
        }
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")) {
            who = Principal.ANONYMOUS; // nothing may change: a random write goes without credentials
        }
        return new FuzzRequest(index, method, p.toString(), headers, body, who, "random path", false);
    }

    private FuzzRequest raw(int index, SplittableRandom r) {
        ApiModel.Operation op = model.operations.get(r.nextInt(model.operations.size()));
        String path = op.path().replaceAll("\\{[^}]+}", "x");
        int c = r.nextInt(10);
        String target;
        Map<String, String> headers = new LinkedHashMap<>();
        String what;
        switch (c) {
            case 0 -> { target = path + "?q=%zz&page=%"; what = "broken %-escape"; }
            case 1 -> { target = path + "/%C3%28%FF"; what = "invalid UTF-8 in the path"; }
            case 2 -> { target = path + "?q=" + "%E1%BB%87".repeat(3000); what = "long query"; }
            case 3 -> { target = path.replace("/v1/", "/v1/../../") ; what = "dot segments"; }
            case 4 -> { target = path + ";jsessionid=abc;x=%00"; what = "path parameters"; }
            case 5 -> { target = path; headers.put("Accept-Language", "vi\u0001"); what = "control in header"; }
            case 6 -> { target = path; headers.put("X-Forwarded-For", pick(r, "not-an-ip", "1.2.3.4, , ,",
                    "999.999.999.999", "::ffff:", "a".repeat(2000))); what = "forwarded garbage"; }
            case 7 -> { target = path + "?page=" + "9".repeat(400) + "&size=-9"; what = "huge numbers"; }
            case 8 -> { target = path; headers.put("Cookie", "SESSION=" + "%00".repeat(10) + "; XSRF-TOKEN=\u0007");
                    what = "cookie garbage"; }
            default -> { target = path + "?" + "a=1&".repeat(3000); what = "many parameters"; }
        }
        String method = op.writes() ? op.method() : "GET";
        byte[] body = null;
        if (op.writes()) {
            headers.put("Content-Type", "application/json");
            body = malformedJson(r, "{\"x\":1}", true);
        }
        return new FuzzRequest(index, method, target, headers, body, Principal.ANONYMOUS, "raw " + what, true);
    }

    // ---------------------------------------------------------------- helpers

    /** %-encodes every byte that is not unreserved (RFC 3986), so any text is a valid URI component. */
    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }

    private static byte[] randomBytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom r, T... options) {
        return options[r.nextInt(options.length)];
    }

    private static JsonNode pickNode(SplittableRandom r, JsonNode... options) {
        return options[r.nextInt(options.length)];
    }

    private static String describe(JsonNode bad) {
        String s = bad.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…(" + s.length() + ")" : s;
    }
}
