package vn.motcua.platform.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Rate limits that hold across application nodes: Bucket4j token buckets kept in PostgreSQL (table
 * {@code rate_limit_bucket}). Each {@link LimitKind} has its bands (docs/SECURITY.md); a key is what is limited
 * (an address, a dossier code, an account), stored only as a SHA-256. A used-up limit is a {@link TooManyRequests}
 * (429, {@code Retry-After}, a Vietnamese message). Two ways to use it:
 * <ul>
 *   <li>{@link #check}: every request counts (uploads, sign-ups, look-ups);</li>
 *   <li>{@link #requireAvailable} before acting and {@link #record} after a failure (wrong passwords, wrong second
 *   factors): only failures count, and {@link #reset} forgets them after a success.</li>
 * </ul>
 */
@Component
public class RateLimits {

    private static final Log log = LogFactory.getLog(RateLimits.class);

    private final ProxyManager<String> buckets;
    private final Map<LimitKind, BucketConfiguration> configurations = new EnumMap<>(LimitKind.class);

    RateLimits(DataSource dataSource, Environment env) {
        PostgreSQLSelectForUpdateBasedProxyManager<String> manager = Bucket4jPostgreSQL
                .selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1)))
                .build();
        this.buckets = manager;
        for (LimitKind k : LimitKind.values()) {
            String spec = env.getProperty("motcua.limits." + k.property(), k.defaults());
            configurations.put(k, configuration(spec));
        }
    }

    /** Counts one request; a {@link TooManyRequests} when the limit is used up for this key. */
    public void check(LimitKind kind, String key) {
        var probe = bucket(kind, key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw refused(kind, key, probe.getNanosToWaitForRefill());
        }
    }

    /** A {@link TooManyRequests} when the limit is used up for this key; counts nothing. */
    public void requireAvailable(LimitKind kind, String key) {
        EstimationProbe probe = bucket(kind, key).estimateAbilityToConsume(1);
        if (!probe.canBeConsumed()) {
            throw refused(kind, key, probe.getNanosToWaitForRefill());
        }
    }

    /** True when one more request would pass; counts nothing. */
    public boolean available(LimitKind kind, String key) {
        return bucket(kind, key).estimateAbilityToConsume(1).canBeConsumed();
    }

    /** Counts one failure against the limit, never refuses (the next {@link #requireAvailable} does). */
    public void record(LimitKind kind, String key) {
        bucket(kind, key).tryConsume(1);
    }

    /** Forgets what was counted for this key (after a success). */
    public void reset(LimitKind kind, String key) {
        buckets.removeProxy(id(kind, key));
    }

    /** The bands in force for a kind, as configured ("5/1m, 20/1h"). */
    public BucketConfiguration configuration(LimitKind kind) {
        return configurations.get(kind);
    }

    private BucketProxy bucket(LimitKind kind, String key) {
        return buckets.getProxy(id(kind, key), () -> configurations.get(kind));
    }

    private TooManyRequests refused(LimitKind kind, String key, long nanos) {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
        log.info("rate limit " + kind + " reached for key " + id(kind, key).substring(0, 12) + "…, retry after "
                + seconds + " s");
        return new TooManyRequests(kind, seconds);
    }

    static String id(LimitKind kind, String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((kind.name() + "\u0000"
                    + (key == null ? "" : key.toLowerCase(Locale.ROOT))).getBytes(StandardCharsets.UTF_8));
            return kind.property() + ":" + HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "5/1m, 20/1h fixed" → two bands: 5 a minute refilled gradually, 20 an hour refilled at once. */
    static BucketConfiguration configuration(String spec) {
        List<Bandwidth> bands = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            boolean fixed = p.endsWith("fixed");
            if (fixed) {
                p = p.substring(0, p.length() - "fixed".length()).trim();
            }
            String[] cp = p.split("/");
            if (cp.length != 2) {
                throw new IllegalArgumentException("A limit band is capacity/period, e.g. 5/1m: " + part);
            }
            long capacity = Long.parseLong(cp[0].trim());
            Duration period = duration(cp[1].trim());
            var stage = BandwidthBuilder.builder().capacity(capacity);
            bands.add((fixed ? stage.refillIntervally(capacity, period) : stage.refillGreedy(capacity, period))
                    .build());
        }
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("A limit needs at least one band: " + spec);
        }
        ConfigurationBuilder b = BucketConfiguration.builder();
        bands.forEach(b::addLimit);
        return b.build();
    }

    private static Duration duration(String s) {
        long n = Long.parseLong(s.substring(0, s.length() - 1));
        return switch (s.charAt(s.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("A period ends with s, m, h or d: " + s);
        };
    }
}
