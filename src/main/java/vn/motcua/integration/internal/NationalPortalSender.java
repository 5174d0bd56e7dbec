package vn.motcua.integration.internal;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the queued dossier changes to the national portal, oldest first and one at a time per dossier: a dossier's
 * next change leaves only once the portal accepted the one before. The record goes to "create" the first time and to
 * "update" afterwards (a create answered "đã tồn tại" is sent again as an update), then the change's process history
 * lines at most 10 per call. A change is never sent again once accepted.
 *
 * <p>Failures: an unreachable, slow or failing portal (no answer, HTTP 5xx) is retried with a growing wait (at most
 * {@code max-backoff}) for {@code give-up-after} (days); an answer with an error code or an HTTP 4xx is a refusal,
 * retried {@code max-attempts} times, then the change goes to the dead letters and holds the dossier's later changes
 * until an administrator resends it.
 */
@Component
public class NationalPortalSender {

    private static final Log log = LogFactory.getLog(NationalPortalSender.class);
    /** TienTrinh lines per call. */
    static final int HISTORY_PER_CALL = 10;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final NationalPortalProperties properties;
    private final Clock clock;
    private final RestClient http;

    public NationalPortalSender(JdbcClient jdbc, JsonMapper json, NationalPortalProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
        factory.setReadTimeout(properties.timeout());
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    record Change(long id, String code, String payload, String history, boolean recordSent, int historySent,
                  int attempts, int refusals, OffsetDateTime createdAt) {
    }

    /** A failed call: refused by the portal (an answer with an error code, HTTP 4xx) or not answered. */
    static final class Failure extends RuntimeException {
        final boolean refused;

        Failure(String message, boolean refused) {
            super(message);
            this.refused = refused;
        }
    }

    /** Sends the changes that are due, each the oldest still open of its dossier; returns how many were accepted. */
    public int sendDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!properties.enabled()) {
            jdbc.sql("update national_sync_change set status = 'SKIPPED', last_error = :e where status = 'PENDING'")
                    .param("e", "no national portal configured").update();
            return 0;
        }
        List<Change> due = jdbc.sql("""
                select c.id, c.dossier_code, c.payload::text, c.history::text, c.record_sent, c.history_sent,
                       c.attempts, c.refusals, c.created_at
                from national_sync_change c
                where c.status = 'PENDING' and c.next_attempt <= :now
                  and not exists (select 1 from national_sync_change e where e.dossier_code = c.dossier_code
                                  and e.id < c.id and e.status in ('PENDING', 'DEAD'))
                order by c.id limit :n""")
                .param("now", now).param("n", properties.batchSize())
                .query((rs, i) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                        rs.getObject(9, OffsetDateTime.class)))
                .list();
        int sent = 0;
        boolean unreachable = false;
        for (Change c : due) {
            if (unreachable) {
                break; // the portal is away: the rest waits for the next run instead of each timing out
            }
            try {
                deliver(c);
                sent++;
            } catch (Failure f) {
                failed(c, f);
                unreachable = !f.refused;
            }
        }
        return sent;
    }

    private void deliver(Change c) {
        if (!c.recordSent()) {
            boolean known = jdbc.sql("select created_remote from national_sync_dossier where dossier_code = :c")
                    .param("c", c.code()).query(Boolean.class).optional().orElse(false);
            String answer = sendRecord(c.payload(), known);
            jdbc.sql("""
                    insert into national_sync_dossier (dossier_code, created_remote) values (:c, true)
                    on conflict (dossier_code) do update set created_remote = true""").param("c", c.code()).update();
            jdbc.sql("update national_sync_change set record_sent = true, answer = :a where id = :id")
                    .param("a", answer).param("id", c.id()).update();
        }
        JsonNode lines = json.readTree(c.history());
        int done = c.historySent();
        while (done < lines.size()) {
            List<JsonNode> chunk = new ArrayList<>();
            for (int i = done; i < Math.min(done + HISTORY_PER_CALL, lines.size()); i++) {
                chunk.add(lines.get(i));
            }
            expectSuccess(post(properties.historyPath(), json.writeValueAsString(chunk)));
            done += chunk.size();
            jdbc.sql("update national_sync_change set history_sent = :n where id = :id")
                    .param("n", done).param("id", c.id()).update();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update national_sync_change set status = 'SENT', sent_at = :now, last_error = null, next_attempt = :now
                where id = :id""").param("now", now).param("id", c.id()).update();
        jdbc.sql("""
                update national_sync_dossier set acknowledged_status = (select national_status from national_sync_change
                    where id = :id), first_acknowledged_at = coalesce(first_acknowledged_at, :now),
                    last_acknowledged_at = :now
                where dossier_code = :c""").param("id", c.id()).param("now", now).param("c", c.code()).update();
    }

    /** Sends the record (create, or update when the portal knows the dossier); returns the portal's message. */
    private String sendRecord(String payload, boolean update) {
        String body = "[" + payload + "]";
        JsonNode answer = post(update ? properties.updatePath() : properties.createPath(), body);
        if (!update && !success(answer) && message(answer).toLowerCase(Locale.ROOT).contains("đã tồn tại")) {
            answer = post(properties.updatePath(), body);
        }
        return expectSuccess(answer);
    }

    private static boolean success(JsonNode answer) {
        return "0".equals(answer.path("error_code").asString(""));
    }

    private static String message(JsonNode answer) {
        return answer.path("message").asString("");
    }

    private static String expectSuccess(JsonNode answer) {
        if (success(answer)) {
            return message(answer);
        }
        throw new Failure("error_code " + answer.path("error_code").asString("?") + ": " + message(answer), true);
    }

    private JsonNode post(String path, String body) {
        try {
            var request = http.post().uri(properties.baseUrl() + path).contentType(MediaType.APPLICATION_JSON).body(body);
            if (properties.token() != null && !properties.token().isBlank()) {
                request = request.header("Authorization", "Bearer " + properties.token());
            }
            String answer = request.retrieve().body(String.class);
            try {
                return json.readTree(answer == null || answer.isBlank() ? "{}" : answer);
            } catch (RuntimeException e) {
                throw new Failure("unreadable answer: " + abbreviate(answer), false);
            }
        } catch (HttpClientErrorException e) {
            throw new Failure("HTTP " + e.getStatusCode().value() + ": " + abbreviate(e.getResponseBodyAsString()), true);
        } catch (RestClientException e) {
            throw new Failure(String.valueOf(e.getMessage()), false);
        }
    }

    private void failed(Change c, Failure f) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int attempts = c.attempts() + 1;
        int refusals = c.refusals() + (f.refused ? 1 : 0);
        boolean dead = f.refused ? refusals >= properties.maxAttempts()
                : !now.isBefore(c.createdAt().plus(properties.giveUpAfter()));
        jdbc.sql("""
                update national_sync_change set attempts = :a, refusals = :r, last_error = :err, status = :status,
                    next_attempt = :next
                where id = :id""")
                .param("a", attempts).param("r", refusals).param("err", abbreviate(f.getMessage()))
                .param("status", dead ? "DEAD" : "PENDING")
                .param("next", now.plus(backoff(attempts, properties.maxBackoff()))).param("id", c.id())
                .update();
        if (dead) {
            log.error("National portal sync of " + c.code() + " (change " + c.id() + ") moved to the dead letters: "
                    + f.getMessage());
        } else {
            log.warn("National portal sync of " + c.code() + " failed (attempt " + attempts + "): " + f.getMessage());
        }
    }

    /** 30 s, 1 min, 2 min, 4 min … at most {@code max}. */
    static Duration backoff(int attempts, Duration max) {
        Duration d = Duration.ofSeconds(30L << Math.min(Math.max(attempts - 1, 0), 20));
        return d.compareTo(max) > 0 ? max : d;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 500 ? s.substring(0, 500) : s;
    }
}
