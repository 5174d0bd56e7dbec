package vn.motcua.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one input boundary of every HTTP request, before security, controllers or the database see it: the path,
 * the query string and form fields must not carry control characters (NUL, ESC, DEL, C1 ...; tab and line breaks
 * are text). A bad request is a 400 naming the field: problem JSON for {@code /api/**}, the error page with the
 * message elsewhere. JSON bodies are checked by {@link JsonInputBoundary} as they are read.
 *
 * <p>Multipart bodies are not parsed here (that would read an upload before its size limits apply); their text
 * fields reach controllers only through the form binding, which Spring Security's CSRF filter reads first, so
 * they are checked by the same rule in {@link #firstBadParameter(Map)} when the dispatcher runs (see
 * {@link InputBoundaryConfig}).
 */
public class InputBoundary extends OncePerRequestFilter {

    /** Request attribute holding the localised message of a refused page request, for the error page. */
    public static final String PAGE_MESSAGE = "motcua.inputBoundary.message";

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json = JsonMapper.builder().build();

    public InputBoundary(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    /** True for a character no text field may hold: C0 controls other than tab, CR, LF; DEL; C1 controls. */
    public static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
    }

    /** True when the text holds a control character or a lone surrogate (not valid Unicode text). */
    public static boolean hasControl(CharSequence s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isControl(c)) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The name of the first parameter whose name or values hold a control character, or null. */
    public static String firstBadParameter(Map<String, String[]> params) {
        for (var e : params.entrySet()) {
            // a name holds no line break or tab either (Spring Security's firewall refuses them as it reads)
            if (hasControl(e.getKey()) || e.getKey().indexOf('\t') >= 0 || e.getKey().indexOf('\n') >= 0
                    || e.getKey().indexOf('\r') >= 0) {
                return printable(e.getKey());
            }
            for (String v : e.getValue()) {
                if (hasControl(v)) {
                    return printable(e.getKey());
                }
            }
        }
        return null;
    }

    /** Request attribute set when the container could not read a parameter the application asked for. */
    public static final String UNREADABLE = "motcua.inputBoundary.unreadable";

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR) {
            // the error page of a refused request: its parameters are what was refused (a name the firewall does
            // not allow, a chunk the container cannot read); the page needs none of them
            chain.doFilter(new WithoutParameters(request), response);
            return;
        }
        if (request.getRequestURI().equals(request.getContextPath() + "/error")) {
            // the error page renders refusals; asked for directly it has no status to show (a bare 500)
            response.sendError(404);
            return;
        }
        String[] bad = check(request);
        if (bad == null) {
            chain.doFilter(new SafeParameters(request), response);
            return;
        }
        Locale locale = locales.resolveLocale(request);
        String problem = messages.getMessage(bad[1], null, locale);
        String path = request.getRequestURI();
        if (path.startsWith(request.getContextPath() + "/api/")) {
            int status = status(bad);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "https://motcua.vn/problems/" + status);
            body.put("title", messages.getMessage("error.title." + status, null, "", locale));
            body.put("status", status);
            body.put("detail", messages.getMessage("error.invalid.detail", null, locale));
            body.put("errors", List.of(Map.of("field", bad[0], "message", problem)));
            response.setStatus(status);
            response.setCharacterEncoding("UTF-8");
            response.setContentType("application/problem+json");
            response.getWriter().write(json.writeValueAsString(body));
            return;
        }
        request.setAttribute(PAGE_MESSAGE, messages.getMessage("error.input.field", new Object[] {bad[0], problem},
                locale));
        response.sendError(status(bad));
    }

    private static int status(String[] bad) {
        return bad[0].equals("Accept") ? 406 : bad[1].equals("error.mediaType") ? 415 : 400;
    }

    /** The refused field and the message key of its problem, or null when the request may pass. */
    private static String[] check(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String decodedPath;
        try {
            decodedPath = URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new String[] {"path", "error.input.control"};
        }
        if (hasControl(decodedPath)) {
            return new String[] {"path", "error.input.control"};
        }
        String query = request.getQueryString();
        if (query != null) {
            String bad = firstBadParameter(parse(query));
            if (bad != null) {
                return new String[] {bad, "error.input.control"};
            }
        }
        String type = request.getContentType();
        String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (type != null && !type.isBlank()) {
            try {
                org.springframework.http.MediaType media = org.springframework.http.MediaType.parseMediaType(type);
                if (media.isWildcardType() || media.isWildcardSubtype()
                        || media.getType().equals("multipart") && media.getParameter("boundary") == null) {
                    return new String[] {"Content-Type", "error.mediaType"};
                }
                // JSON exchanged between systems is UTF-8 (RFC 8259 §8.1): a body declared in another charset is
                // refused, not read as UTF-8 regardless (the fuzz suite found a consent written that way)
                if (media.getSubtype().equals("json") || media.getSubtype().endsWith("+json")) {
                    String charset = media.getParameter("charset");
                    if (charset != null && !charset.replace("\"", "").equalsIgnoreCase("UTF-8")) {
                        return new String[] {"Content-Type", "error.mediaType"};
                    }
                }
            } catch (IllegalArgumentException e) { // InvalidMediaTypeException too
                return new String[] {"Content-Type", "error.mediaType"};
            }
        }
        String method = request.getMethod();
        if (uri.startsWith(request.getContextPath() + "/api/") && !"GET".equals(method) && !"HEAD".equals(method)
                && !"OPTIONS".equals(method) && !acceptsJson(request.getHeader("Accept"))) {
            // the answer of a write is JSON: a client that takes none of it would get a 406 after the write was
            // done (a procedure published, the caller told it failed); refused before instead
            return new String[] {"Accept", "error.mediaType"};
        }
        if (lower.startsWith("multipart/")) {
            return null; // parsed later, after its size limits (see the class comment)
        }
        Map<String, String[]> params;
        try {
            // the container parses the query (and a url-encoded body) once here: a parameter it cannot read (an
            // empty name, a broken %-escape) would otherwise fail in whichever handler asks first
            params = request.getParameterMap();
        } catch (RuntimeException e) {
            return lower.startsWith("application/x-www-form-urlencoded")
                    ? new String[] {"body", "error.body.unreadable"} : new String[] {"query", "error.input.query"};
        }
        if (lower.startsWith("application/x-www-form-urlencoded")) {
            String bad = firstBadParameter(params);
            if (bad != null) {
                return new String[] {bad, "error.input.control"};
            }
        }
        return null;
    }

    private static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            for (org.springframework.http.MediaType t : org.springframework.http.MediaType.parseMediaTypes(accept)) {
                if (t.includes(org.springframework.http.MediaType.APPLICATION_JSON)
                        || t.includes(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)) {
                    return true;
                }
            }
            return false;
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException too
            return false;
        }
    }

    private static Map<String, String[]> parse(String query) {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.merge(name, new String[] {value}, (a, b) -> {
                List<String> all = new ArrayList<>(List.of(a));
                all.addAll(List.of(b));
                return all.toArray(String[]::new);
            });
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a broken %-escape is the container's or the converter's to refuse
        }
    }

    /**
     * Parameters that never throw: when the container cannot read them (a multipart body without its end, a
     * chunk it refuses), whoever asks (the CSRF filter, the locale interceptor) gets none, and the request is
     * marked {@link #UNREADABLE}, which the dispatcher's check answers with a 400 naming the body.
     */
    static final class SafeParameters extends jakarta.servlet.http.HttpServletRequestWrapper {
        SafeParameters(HttpServletRequest request) {
            super(request);
        }

        private <T> T safely(java.util.function.Supplier<T> read, T none) {
            try {
                return read.get();
            } catch (RuntimeException e) {
                if (e instanceof org.springframework.security.web.firewall.RequestRejectedException) {
                    throw e;
                }
                setAttribute(UNREADABLE, Boolean.TRUE);
                return none;
            }
        }

        @Override
        public String getParameter(String name) {
            return safely(() -> super.getParameter(name), null);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return safely(super::getParameterMap, Map.of());
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return safely(super::getParameterNames, java.util.Collections.emptyEnumeration());
        }

        @Override
        public String[] getParameterValues(String name) {
            return safely(() -> super.getParameterValues(name), null);
        }
    }

    /** The error dispatch's view of a request: no parameters at all. */
    static final class WithoutParameters extends jakarta.servlet.http.HttpServletRequestWrapper {
        WithoutParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return java.util.Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public String getQueryString() {
            return null;
        }
    }

    private static String printable(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) {
            b.append(isControl(c) || Character.isSurrogate(c) ? '?' : c);
        }
        return b.length() > 100 ? b.substring(0, 100) : b.toString();
    }
}
