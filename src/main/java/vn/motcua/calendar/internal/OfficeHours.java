package vn.motcua.calendar.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * Office hours of a working day (giờ hành chính): sessions in order, by default 07:00–11:30 and 13:30–17:00,
 * 8 working hours. Pure.
 */
public final class OfficeHours {

    /** One working session of a day (buổi làm việc), {@code start} inclusive, {@code end} exclusive. */
    public record Session(LocalTime start, LocalTime end) {

        public Duration length() {
            return Duration.between(start, end);
        }

        @Override
        public String toString() {
            return start + "–" + end;
        }
    }

    private final List<Session> sessions;
    private final Duration perDay;

    public OfficeHours(List<Session> sessions) {
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("office hours need at least one session");
        }
        this.sessions = List.copyOf(sessions);
        this.perDay = this.sessions.stream().map(Session::length).reduce(Duration.ZERO, Duration::plus);
    }

    public List<Session> sessions() {
        return sessions;
    }

    /** Giờ mở cửa: the start of the first session. */
    public LocalTime opening() {
        return sessions.getFirst().start();
    }

    /** Giờ đóng cửa: the end of the last session. */
    public LocalTime closing() {
        return sessions.getLast().end();
    }

    public Duration perDay() {
        return perDay;
    }

    /** Whether a time of a working day is inside a session ({@code start <= t < end}). */
    public boolean inside(LocalTime t) {
        for (Session s : sessions) {
            if (!t.isBefore(s.start()) && t.isBefore(s.end())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a time is the end of a session (11:30, 17:00), where a due moment may land. */
    public boolean isSessionEnd(LocalTime t) {
        return sessions.stream().anyMatch(s -> s.end().equals(t));
    }

    /** Working time of a working day from {@code from} to {@code to} (times of the same day). */
    public Duration between(LocalTime from, LocalTime to) {
        Duration total = Duration.ZERO;
        for (Session s : sessions) {
            LocalTime a = from.isAfter(s.start()) ? from : s.start();
            LocalTime b = to.isBefore(s.end()) ? to : s.end();
            if (b.isAfter(a)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }

    /** Working time of a working day from {@code from} to the closing. */
    public Duration until(LocalTime from) {
        return between(from, closing());
    }
}
