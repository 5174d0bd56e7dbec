package vn.motcua.feedback.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.motcua.feedback.FeedbackCategory;

/**
 * Everything about feedback an operator may change ({@code motcua.feedback.*}, docs/FEEDBACK.md).
 *
 * @param sla          the deadlines
 * @param area         the province's bounding box: a map point outside it is refused
 * @param open311      the Open311 endpoint's keys and contact
 * @param watchInterval how often the SLA watch runs (db-scheduler, one node at a time)
 * @param maxPhotos    photos per item
 * @param maxPhotoBytes bytes per photo
 */
@ConfigurationProperties("motcua.feedback")
public record FeedbackProperties(@DefaultValue Sla sla, @DefaultValue Area area, @DefaultValue Open311 open311,
                                 @DefaultValue("1m") Duration watchInterval, @DefaultValue("5") int maxPhotos,
                                 @DefaultValue("5242880") long maxPhotoBytes) {

    /**
     * The deadlines. Levels (the province's 1022 rule, DOMAIN.md §8.3, UNCONFIRMED so configurable) in working
     * hours from the routing, per category ({@code specialistHoursByCategory.CONDUCT=4} overrides the default);
     * the national PAKN deadlines (DOMAIN.md §8.2) in working days.
     */
    public record Sla(@DefaultValue("8") int specialistHours, @DefaultValue("48") int leaderHours,
                      Map<FeedbackCategory, Integer> specialistHoursByCategory,
                      Map<FeedbackCategory, Integer> leaderHoursByCategory,
                      @DefaultValue("2") int refuseDays, @DefaultValue("5") int firstSupplementDays,
                      @DefaultValue("15") int handledDays, @DefaultValue("2") int publishDays) {

        public Sla {
            specialistHoursByCategory = specialistHoursByCategory == null ? Map.of() : Map.copyOf(specialistHoursByCategory);
            leaderHoursByCategory = leaderHoursByCategory == null ? Map.of() : Map.copyOf(leaderHoursByCategory);
        }

        public int specialistHours(FeedbackCategory c) {
            return specialistHoursByCategory.getOrDefault(c, specialistHours);
        }

        public int leaderHours(FeedbackCategory c) {
            return leaderHoursByCategory.getOrDefault(c, leaderHours);
        }

        /** The defaults, for tests and tools. */
        public static Sla defaults() {
            return new Sla(8, 48, null, null, 2, 5, 15, 2);
        }
    }

    /** Bình Phước by default (about 11.2–12.35 N, 106.38–107.5 E). */
    public record Area(@DefaultValue("11.2") double minLat, @DefaultValue("12.35") double maxLat,
                       @DefaultValue("106.38") double minLon, @DefaultValue("107.5") double maxLon,
                       @DefaultValue("tỉnh Bình Phước") String name) {

        public boolean contains(double lat, double lon) {
            return lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;
        }
    }

    /**
     * The Open311 endpoint. {@code apiKeys}: the keys clients must send with {@code POST requests} (none by
     * default: nobody can post until an operator configures one; the demo profile adds {@code demo-open311-key}).
     * {@code batch}: services are of type {@code batch} and a POST answers a token ({@code tokens/{token}} gives the
     * id); by default they are {@code realtime} and a POST answers the id.
     */
    public record Open311(List<String> apiKeys, @DefaultValue("motcua.vn") String jurisdictionId,
                          @DefaultValue("1022@binhphuoc.gov.vn") String contact,
                          @DefaultValue("production") String type, @DefaultValue("false") boolean batch) {

        public Open311 {
            apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        }
    }
}
