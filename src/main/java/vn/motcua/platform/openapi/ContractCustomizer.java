package vn.motcua.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.tags.Tag;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.MatrixVariable;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.motcua.platform.Actor;

/**
 * Completes every operation of the description from what the application knows, so that endpoints conform
 * without annotations (docs/API-CONVENTIONS.md):
 * <ul>
 * <li>parameters the server fills in itself (any parameter a custom argument resolver supplies, such as the
 * acting {@link Actor}) are removed;</li>
 * <li>operations that an anonymous caller may not call, according to the security filter chains, or that need
 * an {@link Actor}, get the bearer requirement and 401/403;</li>
 * <li>the problem+json errors each operation can give: 400 (parameters or a body), 404 (path variables), 406
 * (writes, and reads answering JSON: an {@code Accept} without JSON), 409 (If-Match, Idempotency-Key or a {@code version} in the body), 415
 * (a body: a wrong {@code Content-Type} or a charset other than UTF-8), 429 (public operations, rate-limited); a
 * code declared without content with {@code @ApiResponse} gets the {@code Problem} body too;</li>
 * <li>binary downloads ({@code byte[]}, {@code Resource}, paths ending in .pdf/.xlsx/.csv) as
 * {@code format: binary} of their media type (on a path ending so, no {@code format} parameter: the path says it);
 * a declared 201 takes the body springdoc put on 200;</li>
 * <li>unique, stable camelCase operation ids: the controller's name and the method's ({@code DossierApi.submit} →
 * {@code dossierSubmit}), refined by the path's file extension, then the HTTP method, where they collide; readable
 * tags.</li>
 * </ul>
 */
class ContractCustomizer implements OperationCustomizer, OpenApiCustomizer {

    private static final String HANDLER = "x-motcua-handler";
    private static final String PROBLEM_REF = "#/components/schemas/" + OpenApiConfig.PROBLEM;
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");
    private static final Map<String, String> FILE_TYPES = Map.of(
            "pdf", "application/pdf",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "csv", "text/csv",
            "xml", "application/xml",
            "zip", "application/zip");
    private static final Map<String, String> ERRORS = Map.of(
            "400", "Bad input: `errors` names each field; nothing was changed",
            "401", "No bearer token, or an expired one",
            "403", "The caller may not do this",
            "404", "Not found (or not visible to the caller)",
            "406", "Not acceptable: `Accept` takes no JSON (application/json or application/problem+json); a "
                    + "write is refused so before anything is done",
            "409", "Conflict: the version sent (If-Match or `version`) is stale, the action is not allowed in the "
                    + "current state, or the Idempotency-Key was used for another request",
            "415", "Unsupported media type: `Content-Type` is not one this operation reads, is malformed, or declares "
                    + "a charset other than UTF-8 for JSON (RFC 8259 §8.1)",
            "429", "Too many requests: wait and retry");

    private final ObjectProvider<WebInvocationPrivilegeEvaluator> access;
    private final ObjectProvider<RequestMappingHandlerAdapter> adapter;
    private final Map<String, HandlerMethod> handlers = new ConcurrentHashMap<>();

    ContractCustomizer(ObjectProvider<WebInvocationPrivilegeEvaluator> access,
                       ObjectProvider<RequestMappingHandlerAdapter> adapter) {
        this.access = access;
        this.adapter = adapter;
    }

    // ---------------------------------------------------------------- per handler method (no path known yet)

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        String key = handler.getBeanType().getName() + "#" + handler.getMethod().toGenericString();
        handlers.put(key, handler);
        operation.addExtension(HANDLER, key);
        List<String> serverSide = serverSideParameters(handler);
        if (operation.getParameters() != null) {
            operation.getParameters().removeIf(p -> p.getIn() != null && !"path".equals(p.getIn())
                    && !"header".equals(p.getIn()) && serverSide.contains(p.getName()));
            if (operation.getParameters().isEmpty()) {
                operation.setParameters(null);
            }
        }
        return operation;
    }

    /** Names of the parameters that no client sends: those resolved by a custom argument resolver. */
    private List<String> serverSideParameters(HandlerMethod handler) {
        RequestMappingHandlerAdapter a = adapter.getIfAvailable();
        List<HandlerMethodArgumentResolver> custom = a == null || a.getCustomArgumentResolvers() == null
                ? List.of() : a.getCustomArgumentResolvers();
        List<String> names = new ArrayList<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            if (bound(p)) {
                continue;
            }
            p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            if (p.getParameterType() == Actor.class || custom.stream().anyMatch(r -> r.supportsParameter(p))) {
                names.add(p.getParameterName());
            }
        }
        return names;
    }

    private static boolean bound(MethodParameter p) {
        return p.hasParameterAnnotation(RequestParam.class) || p.hasParameterAnnotation(PathVariable.class)
                || p.hasParameterAnnotation(RequestHeader.class) || p.hasParameterAnnotation(RequestBody.class)
                || p.hasParameterAnnotation(RequestPart.class) || p.hasParameterAnnotation(ModelAttribute.class)
                || p.hasParameterAnnotation(CookieValue.class) || p.hasParameterAnnotation(MatrixVariable.class);
    }

    private static boolean needsActor(HandlerMethod handler) {
        for (MethodParameter p : handler.getMethodParameters()) {
            if (p.getParameterType() == Actor.class && !p.isOptional()
                    && !p.hasParameterAnnotation(org.springframework.lang.Nullable.class)
                    && !p.hasParameterAnnotation(org.jspecify.annotations.Nullable.class)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- the whole document

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        if (api.getComponents() == null) {
            api.setComponents(new io.swagger.v3.oas.models.Components());
        }
        if (api.getComponents().getSchemas() == null
                || !api.getComponents().getSchemas().containsKey(OpenApiConfig.PROBLEM)) {
            api.getComponents().addSchemas(OpenApiConfig.FIELD_ERROR, OpenApiConfig.fieldError());
            api.getComponents().addSchemas(OpenApiConfig.PROBLEM, OpenApiConfig.problem());
        }
        List<Op> ops = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            Object key = op.getExtensions() == null ? null : op.getExtensions().remove(HANDLER);
            if (op.getExtensions() != null && op.getExtensions().isEmpty()) {
                op.setExtensions(null);
            }
            ops.add(new Op(path, method, op, key == null ? null : handlers.get(key.toString())));
        }));
        for (Op o : ops) {
            binary(o);
            created(o);
            boolean secured = secured(o);
            // public operations say so (security: []), the others need the bearer token
            o.op.setSecurity(secured ? List.of(new SecurityRequirement().addList(OpenApiConfig.BEARER))
                    : new ArrayList<>());
            examples(o);
            errors(api, o, secured);
            if (o.op.getDescription() == null || o.op.getDescription().isBlank()) {
                String access = secured ? "Needs a bearer token (POST /api/v1/auth/token)."
                        : "Public: no token needed; rate-limited.";
                o.op.setDescription(o.op.getSummary() == null ? access : o.op.getSummary() + ". " + access);
            }
        }
        operationIds(ops);
        DemoExamples.attach(api);
        tags(api, ops);
        prune(api);
        anyValues(api);
    }

    /** Parameter examples take the parameter's type ({@code @Parameter(example = "10")} is a number or a text). */
    private static void examples(Op o) {
        for (Parameter p : o.op.getParameters() == null ? List.<Parameter>of() : o.op.getParameters()) {
            if (p.getExample() == null || p.getSchema() == null || p.getSchema().getType() == null) {
                continue;
            }
            String text = String.valueOf(p.getExample());
            try {
                switch (p.getSchema().getType()) {
                    case "integer" -> p.setExample(Long.valueOf(text));
                    case "number" -> p.setExample(new java.math.BigDecimal(text));
                    case "boolean" -> p.setExample(Boolean.valueOf(text));
                    case "string" -> p.setExample(text);
                    default -> { }
                }
            } catch (NumberFormatException e) {
                p.setExample(null);
            }
        }
    }

    /** Whether an anonymous caller is refused, by the security filter chains or by the need of an Actor. */
    private boolean secured(Op o) {
        if (o.op.getSecurity() != null && !o.op.getSecurity().isEmpty()) {
            return true; // declared with @SecurityRequirement
        }
        if (o.handler != null && needsActor(o.handler)) {
            return true;
        }
        WebInvocationPrivilegeEvaluator evaluator = access.getIfAvailable();
        if (evaluator == null) {
            return false;
        }
        Authentication anonymous = new AnonymousAuthenticationToken("openapi", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        return !evaluator.isAllowed("", sample(o.path), o.method.name(), anonymous);
    }

    /** Whether a caller without any role may call it (an authenticated citizen without special roles). */
    private boolean needsRole(Op o) {
        WebInvocationPrivilegeEvaluator evaluator = access.getIfAvailable();
        if (evaluator == null) {
            return false;
        }
        Authentication plain = UsernamePasswordAuthenticationToken.authenticated("openapi", null,
                AuthorityUtils.createAuthorityList("ROLE_CITIZEN"));
        return !evaluator.isAllowed("", sample(o.path), o.method.name(), plain);
    }

    private static String sample(String path) {
        return PATH_VARIABLE.matcher(path).replaceAll("x1");
    }

    private void errors(OpenAPI api, Op o, boolean secured) {
        ApiResponses responses = o.op.getResponses() == null ? new ApiResponses() : o.op.getResponses();
        o.op.setResponses(responses);
        List<Parameter> params = o.op.getParameters() == null ? List.of() : o.op.getParameters();
        Set<String> codes = new HashSet<>();
        if (!params.isEmpty() || o.op.getRequestBody() != null) {
            codes.add("400");
        }
        if (params.stream().anyMatch(p -> "path".equals(p.getIn()))) {
            codes.add("404");
        }
        if (params.stream().anyMatch(p -> "header".equals(p.getIn())
                && ("If-Match".equalsIgnoreCase(p.getName()) || "Idempotency-Key".equalsIgnoreCase(p.getName())))
                || bodyHasVersion(api, o.op)) {
            codes.add("409");
        }
        // refused by InputBoundary before the handler runs, whatever the operation (commits a894f69, 733b075)
        if (o.op.getRequestBody() != null) {
            codes.add("415");
        }
        if (o.method != PathItem.HttpMethod.GET && o.method != PathItem.HttpMethod.HEAD
                && o.method != PathItem.HttpMethod.OPTIONS && o.path.startsWith("/api/")) {
            codes.add("406");
        } else if (answersJson(responses)) {
            codes.add("406"); // a read: Spring's content negotiation, after the handler (nothing was changed)
        }
        if (secured) {
            codes.add("401");
            codes.add("403");
        } else {
            codes.add("429");
        }
        if (secured && needsRole(o)) {
            codes.add("403");
        }
        for (String code : codes) {
            responses.computeIfAbsent(code, c -> new ApiResponse());
        }
        // every 4xx and 5xx (derived or declared without a body) answers a Problem (ApiProblemHandler): springdoc
        // would give a declared 503 the operation's own body
        Map<String, ApiResponse> sorted = new TreeMap<>(responses);
        responses.clear();
        sorted.forEach((code, r) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                if (r.getDescription() == null || r.getDescription().isBlank()) {
                    r.setDescription(ERRORS.getOrDefault(code, "Error"));
                }
                if (r.getContent() == null || r.getContent().values().stream().noneMatch(m -> m.getSchema() != null
                        && PROBLEM_REF.equals(m.getSchema().get$ref()))) {
                    r.setContent(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
                }
            }
            responses.addApiResponse(code, r);
        });
    }

    private static boolean answersJson(ApiResponses responses) {
        return responses.entrySet().stream().anyMatch(e -> e.getKey().startsWith("2") && e.getValue().getContent() != null
                && e.getValue().getContent().keySet().stream().anyMatch(t -> t.contains("json")));
    }

    private static boolean bodyHasVersion(OpenAPI api, Operation op) {
        if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
            return false;
        }
        for (MediaType m : op.getRequestBody().getContent().values()) {
            Schema<?> s = m.getSchema();
            if (s != null && s.get$ref() != null && api.getComponents() != null
                    && api.getComponents().getSchemas() != null) {
                s = api.getComponents().getSchemas().get(s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1));
            }
            if (s != null && s.getProperties() != null && s.getProperties().containsKey("version")) {
                return true;
            }
        }
        return false;
    }

    /** Downloads: the 200 body is the file itself, of the path's media type (any type when it cannot be told). */
    private void binary(Op o) {
        String ext = extension(o.path);
        boolean fileReturned = o.handler != null && returnsFile(o.handler);
        String type = ext == null ? null : FILE_TYPES.get(ext);
        if (!fileReturned && type == null) {
            return;
        }
        ApiResponse ok = o.op.getResponses() == null ? null : o.op.getResponses().get("200");
        if (ok == null) {
            return;
        }
        Schema<?> file = new StringSchema().format("binary");
        ok.setContent(new Content().addMediaType(type != null ? type : "*/*", new MediaType().schema(file)));
        if (type != null && o.op.getParameters() != null) {
            // the path's extension says the format: a `format` choice (the JSON path's) has nothing to choose here
            o.op.getParameters().removeIf(p -> "format".equals(p.getName()) && "query".equals(p.getIn()));
            if (o.op.getParameters().isEmpty()) {
                o.op.setParameters(null);
            }
        }
        if (ok.getDescription() == null || ok.getDescription().isBlank() || "OK".equals(ok.getDescription())) {
            ok.setDescription("The file");
        }
    }

    private static boolean returnsFile(HandlerMethod handler) {
        Type t = handler.getMethod().getGenericReturnType();
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && HttpEntity.class.isAssignableFrom(raw)) {
            t = p.getActualTypeArguments()[0];
        }
        return t == byte[].class || (t instanceof Class<?> c && (Resource.class.isAssignableFrom(c)
                || StreamingResponseBody.class.isAssignableFrom(c)));
    }

    private static String extension(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot < 0 ? null : last.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * A 201 declared with {@code @ApiResponse} (e.g. with a Location header) takes the body springdoc put on 200;
     * that 200 goes, unless it is declared too (an operation answering either, such as a preview).
     */
    private static void created(Op o) {
        ApiResponses r = o.op.getResponses();
        if (r == null || !r.containsKey("201") || !r.containsKey("200")) {
            return;
        }
        ApiResponse created = r.get("201");
        ApiResponse ok = r.get("200");
        if (created.getContent() == null || created.getContent().isEmpty()) {
            created.setContent(ok.getContent());
        }
        if (!declared(o, "200")) {
            r.remove("200");
        }
        if (created.getHeaders() != null) {
            for (Header h : created.getHeaders().values()) {
                if (h.getSchema() == null) {
                    h.setSchema(new StringSchema());
                }
            }
        }
    }

    /** Whether the handler declares that response code itself ({@code @ApiResponse}). */
    private static boolean declared(Op o, String code) {
        if (o.handler == null) {
            return false;
        }
        for (io.swagger.v3.oas.annotations.responses.ApiResponse a : o.handler.getMethod()
                .getAnnotationsByType(io.swagger.v3.oas.annotations.responses.ApiResponse.class)) {
            if (code.equals(a.responseCode())) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- operation ids and tags

    private static void operationIds(List<Op> ops) {
        Map<Op, String> ids = new LinkedHashMap<>();
        Set<Op> explicit = new HashSet<>();
        for (Op o : ops) {
            io.swagger.v3.oas.annotations.Operation a = o.handler == null ? null
                    : AnnotatedElementUtils.findMergedAnnotation(o.handler.getMethod(),
                    io.swagger.v3.oas.annotations.Operation.class);
            if (a != null && !a.operationId().isBlank()) {
                ids.put(o, a.operationId());
                explicit.add(o);
            } else {
                // stable: another controller's new method of the same name never renames this one
                ids.put(o, o.handler != null
                        ? controllerWord(o.handler.getBeanType()) + capitalize(o.handler.getMethod().getName())
                        : stripSuffix(o.op.getOperationId()));
            }
        }
        List<Function<Op, String>> refinements = List.of(
                o -> {
                    String ext = extension(o.path);
                    return ext == null ? ids.get(o) : ids.get(o) + capitalize(ext);
                },
                o -> ids.get(o) + capitalize(o.method.name().toLowerCase(Locale.ROOT)));
        for (Function<Op, String> refine : refinements) {
            for (List<Op> group : collisions(ids)) {
                for (Op o : group) {
                    if (!explicit.contains(o)) {
                        ids.put(o, refine.apply(o));
                    }
                }
            }
        }
        for (List<Op> group : collisions(ids)) {
            int n = 1;
            for (Op o : group.subList(1, group.size())) {
                ids.put(o, ids.get(o) + (++n));
            }
        }
        ids.forEach((o, id) -> o.op.setOperationId(id));
    }

    private static Collection<List<Op>> collisions(Map<Op, String> ids) {
        return ids.keySet().stream().collect(Collectors.groupingBy(ids::get, LinkedHashMap::new, Collectors.toList()))
                .values().stream().filter(g -> g.size() > 1).toList();
    }

    private static String stripSuffix(String id) {
        return id == null ? "operation" : id.replaceAll("_\\d+$", "");
    }

    private static String controllerWord(Class<?> type) {
        String n = type.getSimpleName().replaceAll("(Api|Controller|Resource|Endpoint)$", "");
        return n.isEmpty() ? "api" : Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Tags springdoc made from a class name (files-api) become words (Files); every tag is listed at the top. */
    private static void tags(OpenAPI api, List<Op> ops) {
        Map<String, Tag> known = new LinkedHashMap<>();
        if (api.getTags() != null) {
            api.getTags().forEach(t -> known.put(t.getName(), t));
        }
        for (Op o : ops) {
            List<String> tags = new ArrayList<>();
            for (String t : o.op.getTags() == null ? List.<String>of() : o.op.getTags()) {
                if (o.handler != null && t.equals(kebab(o.handler.getBeanType().getSimpleName()))) {
                    String words = kebab(controllerWord(o.handler.getBeanType())).replace('-', ' ');
                    t = capitalize(words);
                }
                tags.add(t);
            }
            if (tags.isEmpty()) {
                tags.add("Other");
            }
            o.op.setTags(tags);
            tags.forEach(t -> known.computeIfAbsent(t, n -> new Tag().name(n)));
        }
        known.values().forEach(t -> {
            if (t.getDescription() == null || t.getDescription().isBlank()) {
                t.setDescription(t.getName());
            }
        });
        api.setTags(new ArrayList<>(known.values()).stream()
                .filter(t -> ops.stream().anyMatch(o -> o.op.getTags().contains(t.getName()))).toList());
    }

    private static String kebab(String s) {
        return s.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** One operation with where it is and its handler; compared by identity. */
    private static final class Op {
        final String path;
        final PathItem.HttpMethod method;
        final Operation op;
        final HandlerMethod handler;

        Op(String path, PathItem.HttpMethod method, Operation op, HandlerMethod handler) {
            this.path = path;
            this.method = method;
            this.op = op;
            this.handler = handler;
        }
    }

    /**
     * {@code Map<String, Object>} values are any JSON value; springdoc says {@code additionalProperties: {type:
     * object}}, which real answers (texts, numbers) would not match.
     */
    private static void anyValues(OpenAPI api) {
        Set<Schema<?>> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Schema<?>> todo = new ArrayList<>();
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().values().forEach(todo::add);
        }
        api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
            if (op.getResponses() != null) {
                op.getResponses().values().forEach(r -> media(r.getContent(), todo));
            }
            if (op.getRequestBody() != null) {
                media(op.getRequestBody().getContent(), todo);
            }
        }));
        while (!todo.isEmpty()) {
            Schema<?> s = todo.remove(todo.size() - 1);
            if (s == null || !seen.add(s)) {
                continue;
            }
            if (s.getAdditionalProperties() instanceof Schema<?> values) {
                if ("object".equals(values.getType()) && values.getProperties() == null && values.get$ref() == null
                        && values.getAdditionalProperties() == null) {
                    s.setAdditionalProperties(Boolean.TRUE);
                } else {
                    todo.add(values);
                }
            }
            // OpenAPI 3.0.3: "nullable" does not add null to an enum's values; a nullable enum lists it itself
            // (Spectral refused the examples whose outcome is still null)
            if (Boolean.TRUE.equals(s.getNullable()) && s.getEnum() != null && !s.getEnum().contains(null)) {
                s.getEnum().add(null);
            }
            if (s.getProperties() != null) {
                s.getProperties().values().forEach(todo::add);
            }
            if (s.getItems() != null) {
                if (bareObject(s.getItems())) {
                    // Object[] (a message's arguments): texts and numbers, which "type: object" would refuse
                    s.setItems(new Schema<>().description("Any JSON value (a text, a number…)"));
                }
                todo.add(s.getItems());
            }
            if (s.getAllOf() != null) {
                s.getAllOf().forEach(todo::add);
            }
        }
    }

    /** {@code java.lang.Object} as springdoc writes it: an object saying nothing else. */
    private static boolean bareObject(Schema<?> s) {
        return "object".equals(s.getType()) && s.getProperties() == null && s.getAdditionalProperties() == null
                && s.get$ref() == null && s.getAllOf() == null && s.getOneOf() == null && s.getAnyOf() == null
                && s.getEnum() == null && s.getDescription() == null;
    }

    private static void media(Content content, List<Schema<?>> todo) {
        if (content != null) {
            content.values().forEach(m -> todo.add(m.getSchema()));
        }
    }

    /** Drops component schemas that nothing refers to any more (the server-side parameters' types). */
    private static void prune(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<String> used = new HashSet<>();
        List<String> todo = new ArrayList<>(refs(io.swagger.v3.core.util.Json.mapper().valueToTree(api.getPaths())));
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            if (used.add(name) && schemas.get(name) != null) {
                todo.addAll(refs(io.swagger.v3.core.util.Json.mapper().valueToTree(schemas.get(name))));
            }
        }
        used.add(OpenApiConfig.PROBLEM);
        used.add(OpenApiConfig.FIELD_ERROR);
        schemas.keySet().removeIf(n -> !used.contains(n));
    }

    private static List<String> refs(com.fasterxml.jackson.databind.JsonNode tree) {
        List<String> out = new ArrayList<>();
        tree.findValues("$ref").forEach(v -> {
            String ref = v.asText();
            if (ref.startsWith("#/components/schemas/")) {
                out.add(ref.substring("#/components/schemas/".length()));
            }
        });
        return out;
    }
}
