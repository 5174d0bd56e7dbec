package vn.motcua.integration.internal;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends pending dossiers to the national portal: "create" the first time, "update" afterwards; a create the
 * portal answers with "đã tồn tại" is retried as an update. Success is {@code error_code "0"}. Failures back
 * off exponentially up to {@code max-attempts}, then stay FAILED for an operator.
 */
@Component
public class NationalPortalSender {

    private static final Log log = LogFactory.getLog(NationalPortalSender.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final NationalPortalProperties properties;
    private final RestClient http;

    public NationalPortalSender(JdbcClient jdbc, JsonMapper json, NationalPortalProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
        factory.setReadTimeout(properties.timeout());
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    record Pending(String code, String payload, boolean createdRemote, int attempts) {
    }

    /** Sends one batch of due rows; returns how many were accepted. */
    public int sendDue() {
        List<Pending> due = jdbc.sql("""
                select dossier_code, payload::text, created_remote, attempts from national_sync
                where status = 'PENDING' and next_attempt <= now() order by changed_at limit :n""")
                .param("n", properties.batchSize())
                .query((rs, i) -> new Pending(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4))).list();
        int sent = 0;
        for (Pending p : due) {
            if (!properties.enabled()) {
                mark(p.code(), "SKIPPED", p.createdRemote(), p.attempts(), "no national portal configured");
                continue;
            }
            try {
                boolean created = send(p, p.createdRemote());
                mark(p.code(), "SENT", created, p.attempts() + 1, null);
                sent++;
            } catch (RuntimeException e) {
                int attempts = p.attempts() + 1;
                boolean give = attempts >= properties.maxAttempts();
                jdbc.sql("""
                        update national_sync set attempts = :a, last_error = :err, status = :status,
                            next_attempt = now() + make_interval(secs => :delay)
                        where dossier_code = :c""")
                        .param("a", attempts).param("err", String.valueOf(e.getMessage()))
                        .param("status", give ? "FAILED" : "PENDING")
                        .param("delay", backoff(attempts).toSeconds()).param("c", p.code())
                        .update();
                log.warn("National portal sync of " + p.code() + " failed (attempt " + attempts + "): " + e.getMessage());
            }
        }
        return sent;
    }

    /** Returns whether the portal now knows the dossier. */
    private boolean send(Pending p, boolean update) {
        JsonNode answer = post(update ? properties.updatePath() : properties.createPath(), p.payload());
        String code = answer.path("error_code").asString("");
        String message = answer.path("message").asString("");
        if ("0".equals(code)) {
            return true;
        }
        if (!update && message.toLowerCase(java.util.Locale.ROOT).contains("đã tồn tại")) {
            JsonNode again = post(properties.updatePath(), p.payload());
            if ("0".equals(again.path("error_code").asString(""))) {
                return true;
            }
            throw new IllegalStateException(again.path("message").asString("update refused"));
        }
        throw new IllegalStateException("error_code " + code + ": " + message);
    }

    private JsonNode post(String path, String payload) {
        String body = "[" + payload + "]";
        var request = http.post().uri(properties.baseUrl() + path).contentType(MediaType.APPLICATION_JSON).body(body);
        if (properties.token() != null && !properties.token().isBlank()) {
            request = request.header("Authorization", "Bearer " + properties.token());
        }
        String answer = request.retrieve().body(String.class);
        return json.readTree(answer == null ? "{}" : answer);
    }

    private void mark(String code, String status, boolean createdRemote, int attempts, String error) {
        jdbc.sql("""
                update national_sync set status = :s, created_remote = :cr, attempts = :a, last_error = :e,
                    sent_at = case when :s = 'SENT' then now() else sent_at end
                where dossier_code = :c""")
                .param("s", status).param("cr", createdRemote).param("a", attempts).param("e", error).param("c", code)
                .update();
    }

    /** Counts by status, for the administrator. */
    public java.util.Map<String, Long> counts() {
        java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
        jdbc.sql("select status, count(*) from national_sync group by status order by status")
                .query((rs, i) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    /** 1 min, 2 min, 4 min, … at most 6 hours between attempts. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(6 * 3600, 30L << Math.min(attempts, 10)));
    }
}
