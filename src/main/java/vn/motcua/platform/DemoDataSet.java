package vn.motcua.platform;

/**
 * One module's share of the demo data (profile {@code demo}). Loading must be idempotent: the demo starts
 * on a kept database every time. Sets run in {@link org.springframework.core.annotation.Order} order,
 * before the web server accepts requests.
 */
public interface DemoDataSet {

    /** A short name for logs. */
    String name();

    void load();

    /**
     * A digest of what the set loads (e.g. of its resource files); when it equals the one recorded at the last
     * load, a restart skips the set. Null: always load.
     */
    default String fingerprint() {
        return null;
    }

    /** SHA-256 of classpath resources, for {@link #fingerprint()}. */
    static String digest(String... resources) {
        try {
            var md = java.security.MessageDigest.getInstance("SHA-256");
            for (String r : resources) {
                try (var in = new org.springframework.core.io.ClassPathResource(r).getInputStream()) {
                    md.update(in.readAllBytes());
                }
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            return null;
        }
    }
}
