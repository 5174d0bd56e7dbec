package vn.motcua.feedback.internal;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.feedback.FeedbackFigures;

/** {@link FeedbackFigures} in one SQL pass over the period's items, grouped by competent agency. */
@Component
class FeedbackFiguresQuery implements FeedbackFigures {

    private final JdbcClient jdbc;

    FeedbackFiguresQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Counts> countByAgency(OffsetDateTime from, OffsetDateTime to, OffsetDateTime at) {
        Map<String, Counts> out = new HashMap<>();
        jdbc.sql("""
                with f as (
                  select coalesce(agency_code, '') as agency, status, handled_at, handled_late, handled_due_at,
                         specialist_overdue_at, leader_overdue_at, rating, raised_count,
                         status in ('APPROVED', 'PUBLISHED', 'NOT_ACCEPTED') as done,
                         (handled_at is not null and handled_late)
                           or (status not in ('APPROVED', 'PUBLISHED', 'NOT_ACCEPTED', 'SPAM') and :at > handled_due_at)
                           as late
                  from feedback where received_at >= :from and received_at < :to)
                select agency, count(*),
                       count(*) filter (where done),
                       count(*) filter (where not done and status <> 'SPAM'),
                       count(*) filter (where status = 'SPAM'),
                       count(*) filter (where specialist_overdue_at is not null),
                       count(*) filter (where leader_overdue_at is not null),
                       count(*) filter (where status not in ('RECEIVED', 'RAISED_AGAIN', 'SPAM')),
                       count(*) filter (where done and not handled_late),
                       count(*) filter (where not done and status <> 'SPAM' and :at <= handled_due_at),
                       count(*) filter (where status <> 'SPAM' and late),
                       count(*) filter (where rating = 'UNSATISFIED'),
                       count(*) filter (where raised_count > 0),
                       count(*) filter (where status <> 'SPAM' and (rating = 'UNSATISFIED' or late or raised_count > 0))
                from f group by agency""")
                .param("from", from).param("to", to).param("at", at)
                .query(rs -> {
                    out.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                            rs.getLong(12), rs.getLong(13), rs.getLong(14)));
                });
        return out;
    }
}
