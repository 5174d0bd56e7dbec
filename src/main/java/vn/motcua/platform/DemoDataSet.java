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
}
