package vn.motcua.feedback.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.LocaleResolver;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.feedback.FeedbackChannel;
import vn.motcua.feedback.FeedbackStatus;
import vn.motcua.feedback.internal.FeedbackItem;
import vn.motcua.feedback.internal.FeedbackProperties;
import vn.motcua.feedback.internal.FeedbackRepository;
import vn.motcua.feedback.internal.FeedbackService;
import vn.motcua.feedback.internal.Open311Services;
import vn.motcua.feedback.web.Open311Writer.Items;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.limits.LimitKind;
import vn.motcua.platform.limits.RateLimits;
import vn.motcua.platform.limits.TooManyRequests;

/**
 * Open311 GeoReport v2 (DOMAIN-2.md §5.2, docs/FEEDBACK.md): service discovery, the service list and definitions,
 * posting a request (with {@code api_key}), reading requests, and tokens; XML and JSON by the path's suffix; errors
 * as the spec's list of {code, description} with 400 / 403 / 404. A request is a feedback item: its id is the
 * item's code, {@code open}/{@code closed} the national "handled" (chờ công khai or later, refused), its description
 * and the answer public only once published.
 */
@RestController
@RequestMapping("/open311")
@Hidden
class Open311Api {

    /** Open311 errors: HTTP status, and the list the body carries. */
    static final class Open311Exception extends RuntimeException {
        final int status;
        final List<Map<String, Object>> errors;

        Open311Exception(int status, List<Map<String, Object>> errors) {
            super(String.valueOf(errors));
            this.status = status;
            this.errors = errors;
        }

        static Open311Exception of(int status, String code, String description) {
            return new Open311Exception(status, List.of(error(code, description)));
        }
    }

    static Map<String, Object> error(String code, String description) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code);
        e.put("description", description);
        return e;
    }

    private static final int MAX_RESULTS = 1000;

    private final FeedbackService service;
    private final FeedbackRepository repository;
    private final FeedbackProperties properties;
    private final Organization organization;
    private final WorkingCalendar calendar;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final RateLimits limits;

    Open311Api(FeedbackService service, FeedbackRepository repository, FeedbackProperties properties,
               Organization organization, WorkingCalendar calendar, MessageSource messages, LocaleResolver locales,
               RateLimits limits) {
        this.service = service;
        this.repository = repository;
        this.properties = properties;
        this.organization = organization;
        this.calendar = calendar;
        this.messages = messages;
        this.locales = locales;
        this.limits = limits;
    }

    @GetMapping("/discovery.{format}")
    ResponseEntity<String> discovery(@PathVariable String format, HttpServletRequest request) {
        String f = format(format);
        String base = base(request);
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
        endpoint.put("url", base + "/open311/v2");
        endpoint.put("changeset", CHANGESET);
        endpoint.put("type", properties.open311().type());
        endpoint.put("formats", new Items("format", List.of("text/xml", "application/json")));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("changeset", CHANGESET);
        d.put("contact", properties.open311().contact());
        d.put("key_service", "Liên hệ " + properties.open311().contact() + " để được cấp api_key");
        d.put("endpoints", new Items("endpoint", List.of(endpoint)));
        return Open311Writer.object(200, f, "discovery", d);
    }

    static final String CHANGESET = "2026-12-04T00:00:00+07:00";

    @GetMapping("/v2/services.{format}")
    ResponseEntity<String> services(@PathVariable String format,
                                    @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        String f = format(format);
        jurisdiction(jurisdiction);
        List<Map<String, Object>> out = new ArrayList<>();
        for (var s : Open311Services.SERVICES) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service_code", s.code());
            m.put("service_name", s.name());
            m.put("description", s.description());
            m.put("metadata", true);
            m.put("type", properties.open311().batch() ? "batch" : "realtime");
            m.put("keywords", s.keywords());
            m.put("group", s.group());
            out.add(m);
        }
        return Open311Writer.list(200, f, "services", new Items("service", out));
    }

    @GetMapping("/v2/services/{code}.{format}")
    ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
                                      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        String f = format(format);
        jurisdiction(jurisdiction);
        var s = Open311Services.byCode(code).orElseThrow(() -> Open311Exception.of(404, "404",
                "service_code not found: " + code));
        List<Map<String, Object>> attributes = new ArrayList<>();
        for (var a : Open311Services.ATTRIBUTES) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variable", true);
            m.put("code", a.code());
            m.put("datatype", a.datatype());
            m.put("required", a.required());
            m.put("datatype_description", a.datatypeDescription());
            m.put("order", a.order());
            m.put("description", a.description());
            m.put("values", new Items("value", List.of()));
            attributes.add(m);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("service_code", s.code());
        d.put("attributes", new Items("attribute", attributes));
        return Open311Writer.object(200, f, "service_definition", d);
    }

    @PostMapping("/v2/requests.{format}")
    ResponseEntity<String> post(@PathVariable String format, HttpServletRequest request) throws IOException {
        String f = format(format);
        String key = request.getParameter("api_key");
        if (key == null || key.isBlank() || !properties.open311().apiKeys().contains(key)) {
            throw Open311Exception.of(403, "403", "api_key missing or invalid");
        }
        jurisdiction(request.getParameter("jurisdiction_id"));
        List<Map<String, Object>> errors = new ArrayList<>();
        String serviceCode = param(request, "service_code");
        var svc = serviceCode == null ? null : Open311Services.byCode(serviceCode).orElse(null);
        if (serviceCode == null) {
            errors.add(error("400", "service_code: required"));
        } else if (svc == null) {
            throw Open311Exception.of(404, "404", "service_code not found: " + serviceCode);
        }
        Double lat = number(request, "lat", errors);
        Double lon = number(request, "long", errors);
        String address = param(request, "address_string");
        String addressId = param(request, "address_id");
        if ((lat == null || lon == null) && address == null && addressId == null) {
            errors.add(error("400", "location: lat and long, address_string or address_id is required"));
        }
        if (!errors.isEmpty()) {
            throw new Open311Exception(400, errors);
        }
        List<FeedbackService.Photo> photos = new ArrayList<>();
        if (request instanceof MultipartHttpServletRequest mr) {
            for (MultipartFile file : mr.getFiles("media")) {
                if (!file.isEmpty()) {
                    photos.add(new FeedbackService.Photo(file.getOriginalFilename(), file.getBytes()));
                }
            }
        }
        limits.check(LimitKind.PUBLIC_WRITE, request.getRemoteAddr());
        String description = param(request, "description");
        String title = param(request, "attribute[title]");
        if (title == null && description != null) {
            String first = description.strip().split("[\\r\\n]", 2)[0];
            title = first.length() > 120 ? first.substring(0, 120) + "…" : first;
        }
        String name = String.join(" ", Arrays.stream(new String[] {param(request, "first_name"),
                param(request, "last_name")}).filter(s -> s != null).toList());
        if (address == null && addressId != null) {
            address = "address_id " + addressId;
        }
        var submission = new FeedbackService.Submission(svc.category(), title, description,
                name.isBlank() ? "Người gửi qua Open311" : name, param(request, "phone"), param(request, "email"),
                address, lat, lon, param(request, "attribute[dossier_code]"), svc.code(), param(request, "media_url"));
        FeedbackItem item = service.submit(submission, photos, FeedbackChannel.OPEN311, null,
                UUID.randomUUID().toString());
        Map<String, Object> r = new LinkedHashMap<>();
        if (properties.open311().batch()) {
            r.put("token", item.open311Token());
        } else {
            r.put("service_request_id", item.code());
        }
        r.put("service_notice", notice(item, request));
        r.put("account_id", null);
        return Open311Writer.list(201, f, "service_requests", new Items("request", List.of(r)));
    }

    @GetMapping("/v2/requests.{format}")
    ResponseEntity<String> list(@PathVariable String format, HttpServletRequest request) {
        String f = format(format);
        jurisdiction(request.getParameter("jurisdiction_id"));
        List<String> ids = commaList(param(request, "service_request_id"));
        List<String> services = commaList(param(request, "service_code"));
        List<Map<String, Object>> errors = new ArrayList<>();
        OffsetDateTime end = date(request, "end_date", errors);
        OffsetDateTime start = date(request, "start_date", errors);
        Boolean closed = null;
        List<String> statuses = commaList(param(request, "status"));
        if (!statuses.isEmpty()) {
            boolean open = statuses.contains("open");
            boolean done = statuses.contains("closed");
            if (statuses.stream().anyMatch(s -> !s.equals("open") && !s.equals("closed"))) {
                errors.add(error("400", "status: open or closed"));
            } else if (open != done) {
                closed = done;
            }
        }
        if (!errors.isEmpty()) {
            throw new Open311Exception(400, errors);
        }
        if (end == null) {
            end = start == null ? service.now() : start.plusDays(90);
        }
        if (start == null) {
            start = end.minusDays(90);
        }
        if (start.isAfter(end) || start.plusDays(90).isBefore(end)) {
            throw Open311Exception.of(400, "400", "start_date and end_date: a range of at most 90 days");
        }
        Locale locale = locales.resolveLocale(request);
        var items = repository.search(ids, services, start, end, closed, MAX_RESULTS);
        return Open311Writer.list(200, f, "service_requests",
                new Items("request", items.stream().map(i -> request(i, locale)).toList()));
    }

    @GetMapping("/v2/requests/{id}.{format}")
    ResponseEntity<String> one(@PathVariable String id, @PathVariable String format, HttpServletRequest request) {
        String f = format(format);
        jurisdiction(request.getParameter("jurisdiction_id"));
        FeedbackItem item = find(id);
        return Open311Writer.list(200, f, "service_requests",
                new Items("request", List.of(request(item, locales.resolveLocale(request)))));
    }

    @GetMapping("/v2/tokens/{token}.{format}")
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format, HttpServletRequest request) {
        String f = format(format);
        jurisdiction(request.getParameter("jurisdiction_id"));
        FeedbackItem item = repository.byToken(token).orElseThrow(() -> Open311Exception.of(404, "404",
                "token not found: " + token));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", item.code());
        r.put("token", token);
        return Open311Writer.list(200, f, "service_requests", new Items("request", List.of(r)));
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<String> open311Error(Open311Exception e, HttpServletRequest request) {
        return Open311Writer.list(e.status, requestFormat(request), "errors", new Items("error", e.errors));
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<String> problem(ProblemException e, HttpServletRequest request) {
        Locale locale = locales.resolveLocale(request);
        List<Map<String, Object>> errors = new ArrayList<>();
        String code = String.valueOf(e.status().value());
        for (FieldProblem p : e.errors()) {
            String message = p.message() != null ? p.message()
                    : messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale);
            errors.add(error(code, open311Field(p.field()) + ": " + message));
        }
        if (errors.isEmpty()) {
            errors.add(error(code, messages.getMessage(e.detailKey(), e.args(), e.detailKey(), locale)));
        }
        int status = e.status().value() == 429 ? 429 : e.status().is4xxClientError() ? 400 : 500;
        var response = Open311Writer.list(status, requestFormat(request), "errors", new Items("error", errors));
        if (e instanceof TooManyRequests t) {
            return ResponseEntity.status(status).headers(response.getHeaders())
                    .header("Retry-After", String.valueOf(t.retryAfterSeconds())).body(response.getBody());
        }
        return response;
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<String> multipart(MultipartException e, HttpServletRequest request) {
        return Open311Writer.list(400, requestFormat(request), "errors",
                new Items("error", List.of(error("400", "media: the upload could not be read (too large?)"))));
    }

    /** The request's fields in the spec's order. */
    private Map<String, Object> request(FeedbackItem i, Locale locale) {
        boolean published = i.status() == FeedbackStatus.PUBLISHED;
        var svc = Open311Services.of(i.category());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", i.code());
        r.put("status", i.status().closed() ? "closed" : "open");
        String label = messages.getMessage("feedback.status." + i.status().name(), null, i.status().name(), locale);
        String notes = published && i.answer() != null ? label + ": " + i.answer()
                : i.status() == FeedbackStatus.NOT_ACCEPTED && i.reason() != null ? label + ": " + i.reason() : label;
        r.put("status_notes", notes);
        r.put("service_name", svc.name());
        r.put("service_code", i.serviceCode() != null ? i.serviceCode() : svc.code());
        r.put("description", published ? i.content() : null);
        r.put("agency_responsible", i.agencyCode() == null ? null
                : organization.agency(i.agencyCode()).map(Agency::name).orElse(i.agencyCode()));
        r.put("service_notice", null);
        r.put("requested_datetime", i.receivedAt().atZoneSameInstant(calendar.zone()).toOffsetDateTime().toString());
        r.put("updated_datetime", i.updatedAt().atZoneSameInstant(calendar.zone()).toOffsetDateTime().toString());
        r.put("expected_datetime", i.handledDueAt().atZoneSameInstant(calendar.zone()).toOffsetDateTime().toString());
        r.put("address", i.address());
        r.put("address_id", null);
        r.put("zipcode", null);
        r.put("lat", i.lat());
        r.put("long", i.lon());
        r.put("media_url", i.mediaUrl());
        return r;
    }

    private String notice(FeedbackItem item, HttpServletRequest request) {
        Locale locale = locales.resolveLocale(request);
        return messages.getMessage("feedback.open311.notice", new Object[] {item.code(),
                calendar.describe(item.handledDueAt(), locale)}, locale);
    }

    private FeedbackItem find(String id) {
        try {
            return service.find(id);
        } catch (ProblemException e) {
            throw Open311Exception.of(404, "404", "service_request_id not found: " + id);
        }
    }

    private void jurisdiction(String id) {
        if (id != null && !id.isBlank() && !id.equals(properties.open311().jurisdictionId())) {
            throw Open311Exception.of(404, "404", "jurisdiction_id not found: " + id);
        }
    }

    private static String format(String f) {
        if (!"xml".equals(f) && !"json".equals(f)) {
            throw Open311Exception.of(404, "404", "format not supported: " + f + " (xml, json)");
        }
        return f;
    }

    private static String requestFormat(HttpServletRequest r) {
        return r.getRequestURI().endsWith(".json") ? "json" : "xml";
    }

    private static String param(HttpServletRequest r, String name) {
        String v = r.getParameter(name);
        return v == null || v.isBlank() ? null : v;
    }

    private static Double number(HttpServletRequest r, String name, List<Map<String, Object>> errors) {
        String v = param(r, name);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException(v);
            }
            return d;
        } catch (NumberFormatException e) {
            errors.add(error("400", name + ": not a number (WGS84 degrees)"));
            return null;
        }
    }

    private static OffsetDateTime date(HttpServletRequest r, String name, List<Map<String, Object>> errors) {
        String v = param(r, name);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v.strip());
        } catch (DateTimeParseException e) {
            errors.add(error("400", name + ": an ISO 8601 date and time with its time zone"));
            return null;
        }
    }

    private static List<String> commaList(String v) {
        if (v == null) {
            return List.of();
        }
        return Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String open311Field(String field) {
        return switch (field) {
            case "content" -> "description";
            case "title" -> "attribute[title]";
            case "dossierCode" -> "attribute[dossier_code]";
            case "lat" -> "lat";
            case "lon" -> "long";
            case "senderPhone" -> "phone";
            case "senderEmail" -> "email";
            case "senderName" -> "first_name";
            case "address" -> "address_string";
            default -> field.startsWith("photos") ? field.replace("photos", "media") : field;
        };
    }

    private static String base(HttpServletRequest r) {
        return r.getScheme() + "://" + r.getServerName() + (r.getServerPort() == 80 || r.getServerPort() == 443 ? ""
                : ":" + r.getServerPort());
    }
}
