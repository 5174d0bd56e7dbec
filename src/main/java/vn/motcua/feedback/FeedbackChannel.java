package vn.motcua.feedback;

/** How feedback reached the desk. */
public enum FeedbackChannel {
    /** the citizen portal */
    PORTAL,
    /** a call to the 1022 hotline, entered by the operator */
    HOTLINE,
    /** an Open311 GeoReport v2 client */
    OPEN311
}
