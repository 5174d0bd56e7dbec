package vn.motcua.certification.internal;

import java.time.OffsetDateTime;

/** One turn of a certification request: who, when, what, from which state to which. */
public record CertificationHistoryEntry(OffsetDateTime at, String actorName, String action,
                                        @org.jspecify.annotations.Nullable String fromStatus, String toStatus,
                                        @org.jspecify.annotations.Nullable String note) {
}
